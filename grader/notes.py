"""Reviewer notes: fill a requirement's note templates from evidence, and tidy the result.

Templates are ``str.format`` strings. Placeholders are task and binding params plus
``{missing}``, ``{present}``, ``{lines}`` and ``{tests}``; lists are joined with ", ". A
placeholder nothing can fill is left as written, so a template typo shows in review instead
of raising in the middle of a run.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from grader.languages import LANGUAGES
from grader.sandbox.runners.results import DID_NOT_REPORT
from grader.types import Note, Verdict

NO_CODE = "No code was found in the reply."

# Statuses of a test run that mean the tests could not judge the code.
BROKEN_STATUSES = frozenset(
    {
        "timeout",
        "memory",
        "fork_bomb",
        "output_flood",
        "crash",
        "compile_error",
        "no_tests",
        "sandbox_error",
    }
)


def join(value: Any) -> str:
    """``[50001, 50002]`` -> ``"50001, 50002"``; scalars as text."""
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(join(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def listed(values: Sequence[Any]) -> str:
    """``[a, b, c]`` -> ``"a, b and c"``: a list as a sentence says it."""
    shown = [str(v) for v in values]
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else "".join(shown)


def line_spans(lines: Sequence[int]) -> str:
    """``lines 3-4, 30-33``: consecutive lines as ranges."""
    runs: list[list[int]] = []
    for line in sorted(lines):
        if runs and line == runs[-1][-1] + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    parts = [f"{r[0]}" if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs]
    return ("line " if len(lines) == 1 else "lines ") + join(parts)


class _Lenient(string.Formatter):
    def get_value(self, key: Any, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key in kwargs:
            return kwargs[key]
        return _Missing(key)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Missing):
            return "{" + str(value.key) + (":" + format_spec if format_spec else "") + "}"
        return super().format_field(join(value), format_spec)


class _Missing:
    def __init__(self, key: Any) -> None:
        self.key = key


_FORMATTER = _Lenient()


def fill(template: str, values: Mapping[str, Any]) -> str:
    """Fill ``template``; unknown placeholders stay as ``{name}``."""
    try:
        return _FORMATTER.vformat(template, (), dict(values))
    except (ValueError, IndexError, AttributeError):  # a malformed template: show it as written
        return template


def placeholders(template: str) -> set[str]:
    """The field names a template uses."""
    try:
        return {
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        }
    except ValueError:
        return set()


def first_line(text: str, limit: int = 160) -> str:
    line = next((part.strip() for part in text.strip().splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


# --------------------------------------------------------------------------- notes as values


@dataclass
class Draft:
    """A note in the making and what grouping reads of it.

    ``spans``: the code lines its findings point at; ``quotes``: literals those findings
    matched (``50003``); ``failures``: first lines of the failing tests behind it.
    """

    note: Note
    spans: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    cases: int = 0  # the failing test cases it speaks for
    observed: bool = False  # says what failing tests saw, not a rule's finding

    @property
    def text(self) -> str:
        return self.note.text


LITERAL = re.compile(r"^[\w.+-]{1,40}$")


def quotes(findings: Iterable[Any]) -> list[str]:
    """Literal values matched by short findings (a code, a name): the concrete things a note shows."""
    found = []
    for finding in findings:
        text = str(getattr(finding, "text", "")).strip().strip("'\"`")
        if LITERAL.match(text) and text not in found:
            found.append(text)
    return found


def _mentions(text: str, literal: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(literal)}(?![\w.])", text) is not None


def anchors(findings: Iterable[Any]) -> list[tuple[int, int]]:
    """The code spans findings point at, for grouping notes.

    Only short spans count: a finding over a whole function usually reports an absence
    ("no validation branch"), and two absences in one function are not the same mistake.
    """
    spans = []
    for finding in findings:
        end = (
            finding.end_line
            if finding.end_line is not None and finding.end_line >= finding.line
            else finding.line
        )
        if end - finding.line <= 2:
            spans.append((finding.line, end))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def group(drafts: Iterable[Draft]) -> list[Note]:
    """De-duplicate notes and fold a note into an earlier one about the same mistake.

    A later note is the same mistake seen from another angle, and is said once, when

    - every code span it points at overlaps a span of the earlier note, or
    - it points at no code of its own and every failing test behind it shows a literal the
      earlier note's findings matched: the catch that returns 50003 (flagged) is why the
      tests expecting 50000 from a failed save get 50003.

    The note that stays takes the lines and evidence of those folded into it.
    """
    kept: list[Draft] = []
    for draft in drafts:
        text = draft.text.strip()
        if not text or any(_same(text, k.text) for k in kept):
            continue
        note = draft.note.model_copy(update={"text": text})
        draft = Draft(
            note,
            list(draft.spans),
            list(draft.quotes),
            list(draft.failures),
            draft.cases,
            draft.observed,
        )
        # the same mistake, whichever was said first: the more specific note stays, in the
        # place of the earlier one (notes come most important first)
        at = next(
            (i for i, k in enumerate(kept) if _explains(k, draft) or _explains(draft, k)), None
        )
        if at is None:
            kept.append(draft)
            continue
        other = kept[at]
        if _explains(draft, other) and not _explains(other, draft) or _sharper(draft, other):
            kept[at] = _folded(draft, other)
        else:
            kept[at] = _folded(other, draft)
    return [k.note for k in kept]


def _folded(keep: Draft, into: Draft) -> Draft:
    """``keep``, carrying what ``into`` rested on as well."""
    note = keep.note.model_copy(
        update={
            "lines": sorted({*keep.note.lines, *into.note.lines}),
            "evidence": list(dict.fromkeys([*keep.note.evidence, *into.note.evidence])),
        }
    )
    return Draft(note, keep.spans, keep.quotes, keep.failures, observed=keep.observed)


def _sharper(a: Draft, b: Draft) -> bool:
    """``a`` places the mistake more precisely than ``b``: it quotes a literal, or its spans
    are narrower."""
    if bool(a.quotes) != bool(b.quotes):
        return bool(a.quotes)

    def width(note: Draft) -> int:
        return sum(end - start + 1 for start, end in note.spans) or 10**6

    return width(a) < width(b)


def _explains(earlier: Draft, later: Draft) -> bool:
    kinds = {earlier.note.kind, later.note.kind}
    if "root_cause" in kinds and (earlier.observed or later.observed):
        return False  # an error some tests raise and what others saw: two observations
    if later.spans:
        return bool(earlier.spans) and all(
            any(_overlaps(s, t) for t in earlier.spans) for s in later.spans
        )
    return bool(later.failures and earlier.quotes) and all(
        any(_mentions(failure, literal) for literal in earlier.quotes) for failure in later.failures
    )


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().rstrip(".")).casefold()


class NoteIndex:
    """The notes of one run, to tell which notes of another run it had.

    Two notes are the same when their ids are; where either has no id (a note rebuilt from an
    old results file or baseline, whose kind is not known), when their text keys are.
    Notes are given as their ``identity``: ``(id or None, note_key(text))``.
    """

    def __init__(self, identities: Iterable[tuple[str | None, str]]) -> None:
        self._ids: set[str] = set()
        self._keys: set[str] = set()
        self._bare_keys: set[str] = set()  # of notes without an id
        for ident, key in identities:
            self._keys.add(key)
            if ident is None:
                self._bare_keys.add(key)
            else:
                self._ids.add(ident)

    def __contains__(self, identity: object) -> bool:
        ident, key = identity  # type: ignore[misc]
        if ident is None:
            return key in self._keys
        return ident in self._ids or key in self._bare_keys


def tally(
    results: Iterable[Verdict], *, positive: bool = False
) -> dict[tuple[str | None, str], tuple[str, int]]:
    """Each note of ``results`` once, by ``Note.identity`` (so line numbers aside), in the order
    first seen: the words it was first said in and the number of samples that have it."""
    texts: dict[tuple[str | None, str], str] = {}
    counts: Counter[tuple[str | None, str]] = Counter()
    for result in results:
        notes = result.note_values(positive=positive)
        for note in notes:
            texts.setdefault(note.identity, note.text)
        counts.update({note.identity for note in notes})
    return {identity: (text, counts[identity]) for identity, text in texts.items()}


# --------------------------------------------------------------------------- run problems


MAX_NOTE = 240


def run_problem_note(status: str, note: str, timeout_s: float | None) -> str:
    """One plain sentence for a test run that misbehaved."""
    if note.strip():  # one sentence: the first line; the full output stays in tests.output
        first = note.strip().splitlines()[0].strip()
        return first if len(first) <= MAX_NOTE else first[: MAX_NOTE - 1].rstrip() + "…"
    limit = f" after {timeout_s:g} s" if timeout_s else ""
    return {
        "timeout": f"The tests timed out{limit}: the code never returned.",
        "memory": "The code ran out of memory during the tests.",
        "fork_bomb": "The code kept starting processes during the tests and was killed.",
        "output_flood": "The code printed so much output during the tests that it was stopped.",
        "crash": "The code crashed the test process.",
        "compile_error": "The code does not compile.",
        "no_tests": "No tests ran against the code.",
        "sandbox_error": "The tests could not be run in the sandbox.",
    }.get(status, f"The test run ended with status {status}.")


def syntax_note(line: int) -> str:
    return f"The code has a syntax error at line {line}."


# --------------------------------------------------------------------------- code that does not build

# The first error line compilers print, per toolchain; each gives the file, the line and the message.
_COMPILER_ERRORS = (
    # Go, javac, gcc-style: "./solution.go:8:9: syntax error: ...", "X.java:8: error: ..."
    re.compile(
        r"^(?:\./)?(?P<file>[^\s:()]+):(?P<line>\d+):(?:\d+:)?\s*(?:error:\s*)?(?P<msg>\S.*)$"
    ),
    # C#, TypeScript: "Solution.cs(12,5): error CS0103: The name ... [/p/x.csproj]"
    re.compile(
        r"^(?P<file>[^\s()]+)\((?P<line>\d+),\d+\):\s*error\s+\w+:\s*(?P<msg>.+?)(?:\s+\[[^\]]*\])?$"
    ),
    # Python: "SyntaxError: invalid syntax (solution.py, line 3)"
    re.compile(r"^(?P<msg>\S.*?)\s+\((?P<file>[^,()]+), line (?P<line>\d+)\)$"),
)
_SYMBOL = re.compile(r"^\s*symbol:\s*(?P<what>.+)$", re.MULTILINE)  # javac's detail line
# Go's errors for what is merely unused: said only when nothing else is wrong
_MINOR_ERROR = re.compile(r"imported and not used|declared and not used|declared but not used")
COMPILE_PREFIX = "The code does not compile:"


_PACKAGE = re.compile(r"^\s*package\s+(?P<name>[\w.]+)\s*;", re.MULTILINE)
_CLASS_NOT_FOUND = re.compile(r"symbol \((class|variable) [A-Z]")  # not a missing method


def package_cause(compiled: str, code: str, tests: Iterable[str]) -> tuple[str, int] | None:
    """Java code whose compile note (``compiled``) says a class is not found, and which
    declares a package the tests (in the default package) are not in: the sentence to add to
    that note, and the package line. ``tests``' texts are read only when it comes to them."""
    found = _PACKAGE.search(code)
    if found is None or not _CLASS_NOT_FOUND.search(compiled):
        return None
    if any(_PACKAGE.search(text) for text in tests):
        return None
    line = code.count("\n", 0, found.start("name")) + 1
    said = f"the code declares package {found['name']} (line {line}), and the tests are in the default package"
    return said, line


@dataclass(frozen=True)
class CompileError:
    file: str
    line: int
    message: str  # javac's "cannot find symbol" carries its symbol: "(method isInteger())"

    @property
    def minor(self) -> bool:
        return bool(_MINOR_ERROR.search(self.message))

    @property
    def in_tests(self) -> bool:
        return _test_file(self.file)

    @property
    def shape(self) -> str:
        """The message with what it quotes left out: one using of a missing namespace reads
        like the next."""
        return _QUOTED.sub("_", self.message)


_QUOTED = re.compile(r"`[^`']*'|'[^']*'|\"[^\"]*\"|\((?:[^()]|\([^()]*\))*\)|\S+/\S+")
_PARSE_ERROR = re.compile(
    r"^syntax error|\bexpected\.?$|^unexpected|unterminated|illegal start|end of file|"
    r"non-declaration statement",
    re.IGNORECASE,
)
_NO_SYMBOL = "cannot find symbol"  # javac names the symbol on a line of its own
MAX_FURTHER_ERRORS = 3


def _printed_errors(note: str, output: str) -> list[CompileError]:
    """The compiler's errors of a run's compile note (its prefix off) and output."""
    return compile_errors(note.strip().removeprefix(COMPILE_PREFIX).strip(), output)


def compile_errors(note: str, output: str) -> list[CompileError]:
    """Every error the compiler printed, in its order, once each."""
    errors: list[CompileError] = []
    for raw in f"{note}\n{output}".splitlines():
        line = raw.strip()
        symbol = _SYMBOL.match(line)
        if symbol and errors and errors[-1].message == _NO_SYMBOL:
            last = errors.pop()
            what = f"{_NO_SYMBOL} ({symbol['what'].strip()})"
            errors.append(CompileError(last.file, last.line, what))
            continue
        # an indented line is the detail of the error above it (Go's "other declaration of X")
        found = None if raw[:1].isspace() else _compiler_error(line)
        if found:
            message = found["msg"].strip().rstrip(";")
            errors.append(CompileError(found["file"], int(found["line"]), message))
    # the same javac error with its symbol (the note may cut it off before that line)
    named = {(e.file, e.line) for e in errors if e.message.startswith(f"{_NO_SYMBOL} (")}
    errors = [e for e in errors if e.message != _NO_SYMBOL or (e.file, e.line) not in named]
    return list(dict.fromkeys(errors))


def _lead_error(errors: Sequence[CompileError]) -> CompileError:
    # an unused import or variable is listed first (by line) but is rarely the problem
    return next((e for e in errors if not e.minor), errors[0])


def further_compile_errors(status: str, note: str, output: str) -> tuple[str, list[int]] | None:
    """The other compile errors, after the one the compile note says: a sentence naming up to
    three of different kinds (the code's own file first, then the tests', unused names last),
    and the code's lines among them."""
    if status != "compile_error":
        return None
    errors = _printed_errors(note, output)
    if len(errors) < 2:
        return None
    lead = _lead_error(errors)
    seen = {lead.shape, (lead.file, lead.line)}
    ordered = sorted(errors, key=lambda e: (e.minor, e.in_tests))
    chosen: list[CompileError] = []
    for error in ordered:
        if error.shape in seen or (error.file, error.line) in seen:
            continue
        if _PARSE_ERROR.search(error.message):
            continue  # past the first, the parser's errors are mostly its recovery's
        if error.in_tests and error.message.startswith(_NO_SYMBOL):
            continue  # what the tests miss is the code's class or method: said by the code's errors
        seen |= {error.shape, (error.file, error.line)}
        chosen.append(error)
        if len(chosen) == MAX_FURTHER_ERRORS:
            break
    if not chosen:
        return None
    parts = [f"{_where(str(e.line), e.file)} ({_clipped(e.message)})" for e in chosen]
    said = listed(parts)
    lines = [e.line for e in chosen if not e.in_tests]
    return f"It also does not compile at {said}.", lines


def errors_behind(first: tuple[str, str], later: tuple[str, str]) -> str | None:
    """The compiler's lead error in a later build (``(note, output)``) that the first build
    did not print: what lay behind the errors a re-run took out of the way ("assignment
    mismatch ... at line 42"), as a clause."""
    before = {(e.file, e.line, e.message) for e in _printed_errors(*first)}
    fresh = [e for e in _printed_errors(*later) if (e.file, e.line, e.message) not in before]
    if not fresh:
        return None
    found = _lead_error(fresh)
    where = _where(str(found.line), found.file)
    return f"{_clipped(found.message)} at {where}"


def _test_file(path: str) -> bool:
    """Whether ``path`` names one of the tests' files (``UserFlagsServiceTest.java``)."""
    return "test" in path.rsplit("/", 1)[-1].casefold()


def _clipped(message: str, limit: int = 120) -> str:
    said = message.strip().rstrip(".")
    return said if len(said) <= limit else said[: limit - 1].rstrip() + "…"


def _compiler_error(line: str) -> re.Match[str] | None:
    return next((m for pattern in _COMPILER_ERRORS if (m := pattern.match(line))), None)


def _load_errors(cases: Sequence[Any]) -> list[Any]:
    """Collection errors (``x.py::collect``): the test file could not import the code."""
    return [c for c in cases if c.outcome == "error" and str(c.name).endswith("::collect")]


def does_not_load(status: str, cases: Sequence[Any]) -> bool:
    """The code never ran: it does not compile, or it failed at load before any test ran."""
    if status == "compile_error":
        return True
    # a case the runner filled in because no result came is not a test that ran
    ran = any(c.outcome in ("passed", "failed") and c.message != DID_NOT_REPORT for c in cases)
    if status == "crash":
        return not ran
    return status == "ok" and not ran and bool(_load_errors(cases))


_RAISED = re.compile(r"^E\s+(\S.*)$", re.MULTILINE)
_HOST_PATH = re.compile(r"\s*\(/[^()]*\)$")  # "(/usr/lib/python3.11/typing.py)": not the code's


def toolchain_limit(language: str, status: str, text: str, parses: bool) -> str | None:
    """The toolchain, when code that does not compile uses syntax newer than it builds:
    ``record Point(int X, int Y)`` under mcs, a pattern ``switch`` under javac 17."""
    spec = LANGUAGES.get(language)
    limit = spec.toolchain_limit if spec else None
    if status != "compile_error" or limit is None:
        return None
    if limit.feature.search(text) or (limit.syntax and parses and limit.syntax.search(text)):
        return limit.toolchain
    return None


def ungradable_note(toolchain: str, compiled: str) -> str:
    """``compiled``: the compile note ("The code does not compile: X at line 2.")."""
    error = compiled.removeprefix(COMPILE_PREFIX).strip().rstrip(".")
    return (
        f"Not graded: this machine's compiler ({toolchain}) cannot build the code's newer "
        f"syntax ({error[:1].lower()}{error[1:]}). A toolchain limit, not a mistake in the code."
    )


# "solution.py:23: in <module>": where a traceback passes through the code at load
_TRACE = re.compile(r"^(?:\./)?(?P<file>[\w.-]+):(?P<line>\d+): in ", re.MULTILINE)
# "(at solution.py:23)": where the solution's process raised it (the sandbox's Python runner)
_RAISED_AT = re.compile(r"\(at (?P<file>[\w.-]+):(?P<line>\d+)[;)]")


def _where(line: str, file: str) -> str:
    if _test_file(file):
        return f"line {line} of the test file {file.rsplit('/', 1)[-1]}"
    return f"line {line}"


def _sentence(verb: str, message: str, where: str | None) -> str:
    said = message.strip().rstrip(".")
    said = f"{said[:1].upper()}{said[1:]}"
    if len(said) > MAX_NOTE:
        said = said[: MAX_NOTE - 1].rstrip() + "…"
    return f"The code {verb}: {said}" + (f" at {where}." if where else ".")


def compile_note(status: str, note: str, output: str, cases: Sequence[Any] = ()) -> str:
    """One plain sentence: the code does not compile (or load), and the first error, with its line."""
    loading = _load_errors(cases) if status == "ok" else []
    if loading:
        raised = [  # pytest's "E   ImportError: ..." line, not the "(at ...)" note under it
            line for line in _RAISED.findall(loading[0].message) if not _RAISED_AT.match(line)
        ]
        message = raised[-1] if raised else first_line(loading[0].message, MAX_NOTE)
        message = _RAISED_AT.sub("", message).strip()
        message = _HOST_PATH.sub("", message) or "the tests could not import it"
        places = [m for m in _TRACE.finditer(output) if not _test_file(m["file"])]
        where = _where(places[-1]["line"], places[-1]["file"]) if places else None
        own = _RAISED_AT.search(loading[0].message)  # raised in the solution's own process
        if own and not _test_file(own["file"]):
            where = _where(own["line"], own["file"])
        return _sentence("fails to load", message, where)
    text = note.strip().removeprefix(COMPILE_PREFIX).strip()
    errors = compile_errors(text, output)
    if errors:
        found = _lead_error(errors)
        verb = "does not compile" if status == "compile_error" else "fails to load"
        return _sentence(verb, found.message, _where(str(found.line), found.file))
    if status == "compile_error":
        first = first_line(text, MAX_NOTE) if text else ""
        return f"{COMPILE_PREFIX} {first}" if first else run_problem_note(status, "", None)
    return run_problem_note(status, note, None)
