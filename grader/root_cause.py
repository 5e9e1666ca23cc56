"""One fault that makes the tests of several requirements fail, found from what the failing
cases observed and from the code. Pure.

A root cause is a symptom shared by failing tests of at least two requirements:

- the same error raised (``AttributeError: 'int' object has no attribute 'isnumeric'``), placed
  at the line that raised it, or else at the line that uses the name it mentions;
- the same wrong answer (``50003``) where the tests expected different things, when that answer
  is one of the task's own codes: one check answers for inputs that should pass it. Where the
  code reads a field the task names under another spelling (``request.userId`` for ``UserId``),
  that read is named as the likely cause.

It is said once, first, with its lines; a requirement whose failing tests all show it is
blocked by it, and gets no note of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from grader.notes import listed
from grader.observe import Observation, answer, code_lines, locate, plain_name
from grader.types import TestCase

MIN_REQUIREMENTS = 2  # a symptom within one requirement is that requirement's own failure
MIN_ANSWERS = 3  # cases sharing a wrong answer before it counts as one fault


@dataclass(frozen=True)
class RootCause:
    text: str
    lines: list[int]
    cases: frozenset[str]  # names of the failing cases it explains
    requirements: list[str] = field(default_factory=list)
    # requirements whose own answer it is (the check that answers 50003 is theirs): its
    # cases count against them, and they are not blocked by it
    owners: list[str] = field(default_factory=list)

    def explains(self, failing: Iterable[TestCase]) -> bool:
        names = [case.name for case in failing]
        return bool(names) and all(name in self.cases for name in names)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _some(values: Sequence[Any], most: int = 5) -> str:
    """All of ``values`` when there are few, else the first ones and how many more: a list
    cut short must not read as the whole of it."""
    if len(values) <= most:
        return listed(values)
    rest = len(values) - (most - 1)
    return ", ".join(str(v) for v in values[: most - 1]) + f" and {rest} other answers"


def _lines_text(lines: Sequence[int]) -> str:
    return ("line " if len(lines) == 1 else "lines ") + listed(lines[:4])


# --------------------------------------------------------------------------- where in the code

# what an error names, to find the line that uses it when the runner gave none
_NAMED = (
    re.compile(r"has no attribute '(?P<name>\w+)'"),
    re.compile(r"name '(?P<name>\w+)' is not defined"),
    re.compile(r"^KeyError: '(?P<name>[^']+)'"),
    re.compile(r"\(reading '(?P<name>\w+)'\)"),
    re.compile(r"(?P<name>[\w.]+) is not (?:a function|defined|a constructor|iterable)"),
    re.compile(r"Cannot find module '(?P<name>[^']+)'"),
    re.compile(r"No module named '(?P<name>[\w.]+)'"),
)


def error_line(error: str, code: str) -> int | None:
    """The first line that uses the name an error mentions (``'isnumeric'``, ``'./User'``)."""
    for pattern in _NAMED:
        found = pattern.search(error)
        if found:
            name = found["name"].rsplit(".", 1)[-1]
            lines = locate(code, found["name"]) or locate(code, name)
            return lines[0] if lines else None
    return None


def _error_lines(observations: Sequence[Observation], code: str) -> list[int]:
    lines = sorted({o.line for o in observations if o.line})
    if lines:
        return lines
    line = error_line(observations[0].error or "", code)
    return [line] if line else []


def _identifiers(params: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for value in params.values():
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, str) and re.fullmatch(r"[A-Za-z_]\w{2,}", item) and item not in out:
                out.append(item)
    return out


_MEMBER = re.compile(r"(?P<read>[A-Za-z_$][\w$]*\s*(?:\.|\?\.)\s*(?P<name>[A-Za-z_$][\w$]*))")
_KEY = re.compile(r"(?P<read>[\[(]\s*(?P<q>['\"])(?P<name>[A-Za-z_]\w*)(?P=q))")


def misspelled_fields(code: str, fields: Sequence[str]) -> list[tuple[int, str, str]]:
    """Reads of a field the task names under another spelling: ``request.userId``,
    ``request["user_id"]`` or ``get("userId")`` for ``UserId``: (line, the read, the field)."""

    def key(name: str) -> str:  # user_id, userId and UserId are one field
        return re.sub(r"[_-]", "", name).casefold()

    wanted = {key(name): name for name in fields}
    found: list[tuple[int, str, str]] = []
    for number, text in code_lines(code):
        for pattern in (_MEMBER, _KEY):
            for match in pattern.finditer(text):
                name = match["name"]
                right = wanted.get(key(name))
                if right and right != name:
                    read = match["read"].lstrip("[(").strip()
                    found.append((number, read, right))
    return sorted(set(found))


# --------------------------------------------------------------------------- the search


_CODE = re.compile(r"\d{3,}|[A-Z][A-Z0-9_]{2,}")  # 50003, MISSING_ID: an answer that names a case


def answers(params: Mapping[str, Any], patterns: Iterable[str] = ()) -> set[str]:
    """The specific answers a task or requirement asks for (its codes), as text: params whose
    key names a code, and numbers in test patterns ("invalid flag returns 50003"). A shared
    wrong answer must be one of them, not a default like 0 or None that missing checks fall
    through to."""
    found: set[str] = set()

    def add(value: Any) -> None:
        if isinstance(value, list | tuple):
            for item in value:
                add(item)
        elif isinstance(value, int | str) and not isinstance(value, bool):
            text = str(value).strip("'\"")
            if _CODE.fullmatch(text):
                found.add(text)

    for key, value in params.items():
        if "code" in key.casefold():
            add(value)
    for pattern in patterns:
        found.update(re.findall(r"(?<!\d)\d{3,}(?!\d)", pattern))
    return found


def find(
    failing: Mapping[str, Sequence[Observation]],
    code: str,
    params: Mapping[str, Any],
    owned: Mapping[str, set[str]] | None = None,
    explained: set[str] | frozenset[str] = frozenset(),
    branch: Callable[[int], tuple[int, str] | None] | None = None,
) -> RootCause | None:
    """The root cause behind ``failing`` (requirement id -> its failing cases, read), if any.

    ``params``: the task's; ``owned``: requirement id -> the answers (codes) it is about, so a
    shared wrong answer names the requirement whose check gave it; ``explained``: answers a
    rule's finding already places in the code (its note names the cause better); ``branch``:
    line -> the ``if`` a return there sits under (``grader.rules.guard``), quoted beside the
    lines that spell a shared wrong answer."""
    owned = owned or {}
    groups: dict[str, dict[str, Observation]] = {}
    owners: dict[str, list[str]] = {}
    for requirement, observations in failing.items():
        for item in observations:
            if item.symptom is None:
                continue
            groups.setdefault(item.symptom, {})[item.case.name] = item
            if requirement not in owners.setdefault(item.symptom, []):
                owners[item.symptom].append(requirement)
    known = answers(params).union(*owned.values())
    candidates = []
    for symptom, cases in groups.items():
        if len(owners[symptom]) < MIN_REQUIREMENTS or len(cases) < 2:
            continue
        items = list(cases.values())
        if symptom.startswith("got:"):
            got = answer(items[0].got or "").strip("'\"")
            expected = {answer(o.expected or "") for o in items}
            if got not in known or got in explained:
                continue
            if len(cases) < MIN_ANSWERS or len(expected) < 2:
                continue
        candidates.append((len(cases), symptom, items))
    mixed = _mixed_codes(failing, code, known, explained)
    errors = any(symptom.startswith("error:") for _, symptom, _ in candidates)
    most = max((n for n, _, _ in candidates), default=0)
    if mixed is not None and not errors and len(mixed.cases) >= most:
        return mixed
    if not candidates:
        return None
    # an error on the normal path before a shared wrong answer: the crash hides the rest
    _, symptom, items = max(candidates, key=lambda c: (c[1].startswith("error:"), c[0]))
    requirements = owners[symptom]
    names = frozenset(o.case.name for o in items)
    spread = f"{_plural(len(items), 'test')} of {_plural(len(requirements), 'requirement')}"
    if symptom.startswith("error:"):
        # a test that reports the same error in words of its own ("search text reached the
        # SQL: no such table: users") failed through it too
        # (words of the error's own, in the test's first line: not a bare key like 'history',
        # which pytest's dump of any dict the test compared may show)
        said = (items[0].error or "").split(": ", 1)[-1]
        names |= {
            o.case.name
            for cases in failing.values()
            for o in cases
            if " " in said and len(said) > 8 and said in (o.case.message or "").split("\n")[0]
        }
        raised = [o.error or "" for o in items]
        shown = max(dict.fromkeys(raised), key=raised.count)  # the commonest wording of it
        # the lines where that wording was raised ('NoneType' here, 'int' there: one symptom)
        lines = _error_lines([o for o in items if o.error == shown], code)
        where = f" at {_lines_text(lines)}" if lines else ""
        text = f"The code raises {shown.rstrip('.')}{where}, which fails {spread}."
        return RootCause(text, lines, names, requirements)
    got = answer(items[0].got or "")
    expected = sorted({answer(o.expected or "") for o in items} - {got})
    # an input that should have been let through shows the fault best
    valid = [o for o in items if not _CODE.fullmatch(answer(o.expected or "").strip("'\""))]
    ranked = [o for o in valid if o.input] + valid + [o for o in items if o.input] + items
    example = ranked[0]
    shown = (
        f"with {example.input}" if example.input else f"in the test {plain_name(example.case.name)}"
    )
    lines = locate(code, got.strip("'\""))
    owners = [r for r, codes in owned.items() if got.strip("'\"") in codes]
    wrong = misspelled_fields(code, _identifiers(params))
    if wrong:
        line, read, right = wrong[0]
        text = (
            f"The code reads {read} at line {line}, but the field is {right}: it answered {got} "
            f"in {spread} that expected {_some(expected)} ({shown})."
        )
        return RootCause(text, [line], names, requirements, owners)
    where = f"; {got} appears at {_lines_text(lines)}" if lines else ""
    guards = [branch(line) for line in lines] if branch and len(lines) <= 2 else []
    if guards and all(guards):
        where = f"; {got} comes from " + " and ".join(
            f"line {line}, under `{found[1]}`"  # type: ignore[index]
            for line, found in zip(lines, guards, strict=True)
        )
    text = f"The code answered {got} in {spread} that expected {_some(expected)} ({shown}){where}."
    return RootCause(text, lines[:4], names, requirements, owners)


def _mixed_codes(
    failing: Mapping[str, Sequence[Observation]],
    code: str,
    known: set[str],
    explained: set[str] | frozenset[str],
) -> RootCause | None:
    """Codes answered for one another: two swapped (40002 where 40001 is expected, and 40001
    where 40002 is), or shifted alike (42002 for 42001, 42003 for 42002). A code is the task's
    when it is ``known`` or some failing test expects it."""
    known = known | {
        answer(item.expected or "").strip("'\"")
        for observations in failing.values()
        for item in observations
    }
    pairs: dict[tuple[str, str], list[tuple[str, Observation]]] = {}
    for requirement, observations in failing.items():
        for item in observations:
            got = answer(item.got or "").strip("'\"")
            expected = answer(item.expected or "").strip("'\"")
            if got in explained:  # a rule's finding places it (50003 in the catch)
                continue
            if got != expected and {got, expected} <= known and _error_code(got, expected):
                pairs.setdefault((expected, got), []).append((requirement, item))
    swapped = [(a, b) for a, b in pairs if a < b and (b, a) in pairs]
    if swapped:
        a, b = max(swapped, key=lambda p: len(pairs[p]) + len(pairs[p[::-1]]))
        found = pairs[(a, b)] + pairs[(b, a)]
        said = f"The code swaps error codes {a} and {b}: it answered {b} where {a} was expected and {a} where {b} was"
        lines = sorted({*locate(code, a)[:2], *locate(code, b)[:2]})
        return _code_cause(said, found, lines)
    shifts: dict[int, list[tuple[str, str]]] = {}
    for expected, got in pairs:
        shifts.setdefault(int(got) - int(expected), []).append((expected, got))
    if not shifts:
        return None
    delta, shifted = max(shifts.items(), key=lambda item: sum(len(pairs[p]) for p in item[1]))
    found = [entry for p in shifted for entry in pairs[p]]
    every = sum(len(entries) for entries in pairs.values())
    # off by one along a chain (42002 for 42001 and 42003 for 42002): two codes each one off
    # with nothing between them are two checks that went wrong on their own
    chained = any((got, str(int(got) + delta)) in pairs for _, got in shifted)
    if abs(delta) != 1 or not chained or len(found) < MIN_ANSWERS or 3 * len(found) < 2 * every:
        return None
    shifted.sort(key=lambda p: int(p[0]))
    first, *rest = shifted
    said = (
        f"The error codes are off by one: the code answered {first[1]} where {first[0]} was expected, "
        + listed([f"{got} for {expected}" for expected, got in rest[:3]])
    )
    lines = sorted({line for _, got in shifted for line in locate(code, got)[:1]})
    return _code_cause(said, found, lines)


def _code_cause(
    said: str, found: Sequence[tuple[str, Observation]], lines: Sequence[int]
) -> RootCause | None:
    requirements = list(dict.fromkeys(requirement for requirement, _ in found))
    if len(requirements) < MIN_REQUIREMENTS:
        return None
    spread = f"{_plural(len(found), 'test')} of {_plural(len(requirements), 'requirement')}"
    where = f"; see {_lines_text(lines)}" if lines else ""
    names = frozenset(item.case.name for _, item in found)
    # each requirement answered wrongly itself: its cases count against it, it is not blocked
    return RootCause(
        f"{said} ({spread}){where}.", list(lines[:4]), names, requirements, requirements
    )


def _error_code(*answers: str) -> bool:
    """Numbers that name a case (50001, 404), not 0 or a count."""
    return all(len(a) >= 3 and a.isdigit() and int(a) > 0 for a in answers)
