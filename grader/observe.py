"""What a failing test case observed, read from its message: the input, what came back, what was
expected, or the error the code raised, and where. Pure; knows the message shapes of the six
languages' runners (pytest, node's assert, JUnit, NUnit and the C# harness, Go's testing).

An observation is evidence of *what* happened, never of *why*: notes built from it say what a
reviewer saw when running the code, and name a cause only when a rule found it in the code.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass

from grader.types import TestCase

# "(at solution.py:12)", "(at solution.py:12; helpers.py:3)": where the error was raised
_AT = re.compile(r"\(at (?P<where>[^()]*?)\)")
# the Java runner: an exception the test made for its stand-in to throw, let through by the code
_MADE = re.compile(r" ?\(made by the test at (?P<where>[^()]*?)\)")
# the Python harness: the test's assert line that failed, "(checked: assert result["total"] == n)"
_CHECKED = re.compile(r"^\(checked: (?P<source>.*)\)$", re.MULTILINE)
# the Python harness: what the test was reading when it raised, "(answer: {'code': 60002})"
_ANSWER = re.compile(r"^\(answer: (?P<answer>.*)\)$", re.MULTILINE)
# what a check read of the answer: its last key or attribute (`result["total"]`, `page.size`)
_READ_FIELD = re.compile(
    r"(?:\[\s*(?P<q>[\"'])(?P<key>[^\"']+)(?P=q)\s*\]|\.(?P<attr>[A-Za-z_]\w*))$"
)
_FILE_LINE = re.compile(r"(?P<file>[\w./-]+\.\w+):(?P<line>\d+)")

# got/expected in the runners' own words; "input" is the test's description of its input
_COMPARISONS = (
    # node (node_message), Go: "UserId=0: got 50001, expected 50002", "got code 50001, want 50002"
    re.compile(
        r"^(?:(?P<input>.+?):\s+)?got (?:code )?(?P<got>.+?),\s+(?:want|expected) (?P<exp>.+)$"
    ),
    # the C# harness: "expected 49.99, got 0.5"
    re.compile(r"^(?:(?P<input>.+?):\s+)?expected (?P<exp>.+?),\s+got (?P<got>.+)$"),
    # JUnit: "UserId=0 ==> expected: <50002> but was: <50001>"
    re.compile(r"^(?:(?P<input>.+?) ==> )?expected: <(?P<exp>.*)> but was: <(?P<got>.*)>$"),
    # Go: "SplitBill(100, 3) = [34 33 33], <nil>; want [33 33 34]"
    re.compile(r"^(?P<input>\w+\(.*\)) = (?P<got>.+?);\s+want (?P<exp>.+)$"),
)
_NUNIT = re.compile(r"Expected:\s*(?P<exp>.+?)\s+But was:\s*(?P<got>.+)", re.DOTALL)
_PYTEST_ASSERT = re.compile(
    r"^(?:AssertionError: )?assert (?:\((?P<got2>[^()]+?) == (?P<exp2>[^()]+?)\) is (?P<truth>True|False)"
    r"|(?P<got>.+?) == (?P<exp>.+))$"
)
_PYTEST_WHERE = re.compile(r"^\+\s+where .+? = (?P<call>(?P<fn>\w+)\((?P<args>.*)\))$")
_HYPOTHESIS = re.compile(r"Failing test case: \w+\((?P<args>.*?)\)\s*$", re.DOTALL)
_PYTEST_DIFF = re.compile(r"^\{(?P<got>.+)\} != \{(?P<exp>.+)\}$")
# pytest's line for an assert with a message of the test's own: "AssertionError: <its words>"
_OWN_WORDS = re.compile(r"^AssertionError: (?!assert\b)(?P<said>\S.*)$")

# An error the code raised (not an assertion about its answer), per language.
_ERROR = re.compile(
    r"^(?:[\w.]+\.)?(?P<type>\w*(?:Error|Exception|Exit)|KeyError|StopIteration|panic)"
    r"(?::\s*(?P<text>.*))?$"
)
# a test's words for what it did before checking ("after {...}: + actual - expected"), not an input
_CONTEXT = re.compile(r"(?:after|before|once|then|when)\b", re.IGNORECASE)
_JS_ERRORS = re.compile(
    r"Cannot read propert|Cannot set propert|Cannot convert|is not a function|is not defined|is not iterable"
    r"|is not a constructor|Cannot find module|Maximum call stack|before initialization"
)
_GO_PREFIX = re.compile(r"^\S+_test\.go:\d+:\s*")
_GO_LOG = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} ")  # the code's own log lines
_NOISE = ("Omitting ", "Use -v", "Differing items", "Left contains", "Right contains", "At index")


@dataclass(frozen=True)
class Observation:
    """One failing case, read. ``error`` when the code raised; ``got``/``expected`` when it
    answered wrongly; ``input`` when the message shows it; ``line``: where in the code it raised."""

    case: TestCase
    got: str | None = None
    expected: str | None = None
    input: str | None = None
    error: str | None = None
    line: int | None = None
    said: str = ""  # the message's first meaningful line, when nothing else could be read
    relayed: bool = False  # the error came from the tests' own object and passed through the code
    why: str = ""  # the test's own words beside its input: "must be clamped, not rejected"

    @property
    def symptom(self) -> str | None:
        """What two cases share when one fault explains both: the error, or the answer."""
        if self.error and self.relayed:  # the tests' stand-in raising on purpose: no fault
            return None
        if self.error:
            return "error:" + _volatile(self.error)
        if self.got is not None:
            return "got:" + answer(self.got)
        return None

    def sentence(self, source: str = "") -> str:
        """What was observed, in plain words, without a cause; ``source``: where in the code
        the answer comes from ("from line 4, under `if (!request.UserId)`")."""
        if self.input:
            on = f"With {self.input}, the code"
        else:
            on = f"In the test {plain_name(self.case.name)}, the code"
        if self.error and self.relayed:
            return f"{on} let {self.error.rstrip('.')} through (the test's stand-in raised it)."
        if self.error:
            where = f" at line {self.line}" if self.line else ""
            return f"{on} raised {self.error.rstrip('.')}{where}."
        if self.got is not None and self.expected is not None:
            why = f" ({self.why})" if self.why else ""
            got, expected = shortened(self.got, self.expected)
            got = f"{got} ({source})" if source else got
            if not self.input:  # what the test compared may not be the return value itself
                return f"The test {plain_name(self.case.name)} got {got}; expected {expected}{why}."
            return f"{on} returned {got}; expected {expected}{why}."
        if not self.said:
            return ""
        said = re.sub(r"^Failed: DID NOT RAISE (\S+)", r"the code did not raise \1", self.said)
        said = said.removeprefix("Failed: ").rstrip(".")
        said = said[:1].lower() + said[1:] if not said[1:2].isupper() else said
        return f"The test {plain_name(self.case.name)} fails: {said}."


MAX_SHOWN = 160  # longer answers are shown around where they part


def shortened(got: str, expected: str) -> tuple[str, str]:
    """``got`` and ``expected`` as a reader takes them in: whole when short, else the stretch
    around the first character where they differ, each with its length."""
    if len(got) <= MAX_SHOWN and len(expected) <= MAX_SHOWN:
        return got, expected
    same = next((i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), None)
    same = min(len(got), len(expected)) if same is None else same
    start = max(0, same - 30)

    def cut(text: str) -> str:
        end = same + 40
        piece = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
        return f"{piece} ({len(text)} characters)"

    return cut(got), cut(expected)


def test_label(name: str) -> str:
    """``tests/test_x.py::test_a[1]`` -> ``test_a[1]``: the part a reader knows the test by."""
    return name.rsplit("::", 1)[-1]


def plain_name(name: str) -> str:
    """A test as a reviewer would name it: ``test_invalid_user_id[0]`` -> ``invalid user id [0]``,
    ``TestUserFlags/save_failure`` -> ``save failure``, ``invalidUserId()`` -> ``invalid user id``."""
    label = test_label(name)
    found = re.match(r"^(?P<base>.*?)(?:\[(?P<case>[^\]]*)\])?$", label)
    base, case = (found["base"], found["case"]) if found else (label, None)
    base = base.rsplit("/", 1)[-1].removesuffix("()")
    if " " not in base:  # Class.Method
        base = base.rsplit(".", 1)[-1]
    base = re.sub(r"^(?:test_+|Test(?=[A-Z_])_*)", "", base)
    if "_" not in base and " " not in base:  # camelCase: split into words
        base = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[a-z])(?=[0-9])", " ", base).lower()
    base = re.sub(r"\s+", " ", base.replace("_", " ")).strip() or label
    return f"{base} [{case}]" if case is not None else base


def answer(got: str) -> str:
    """The answer itself: ``'code': 60002`` (one field of a compared dict) -> ``60002``."""
    found = re.fullmatch(
        r"['\"]?\w*(?:code|status)\w*['\"]?:\s*(?P<value>[^,]+)", got.strip(), re.I
    )
    return found["value"].strip() if found else got


_NESTING = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += _NESTING.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _arguments(text: str) -> list[str]:
    """``a, f(b, c), [d]`` -> its three top-level parts."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += _NESTING.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:at].strip())
            start = at + 1
    return [*parts, text[start:].strip()]


def _volatile(text: str) -> str:
    """What differs between cases of one fault: addresses, and the type an attribute was
    looked up on (``'int' object has no attribute 'isnumeric'``, ``'bool' object ...``)."""
    text = re.sub(r"0x[0-9a-f]+", "0x…", text)
    return re.sub(r"'\w+' object (has no attribute|is not)", r"'…' object \1", text)


def _given(text: str | None) -> str | None:
    """A test's description of its input, or None when it is a sentence, not an input."""
    if not text:
        return None
    text = re.sub(r"=(\s+)$", lambda m: f'="{m[1]}"', text.rstrip(":"))  # "sku=   ": blank
    text = re.sub(r"(\w+)=(?:Ellipsis|Symbol\(missing\))", r"\1 missing", text.strip())
    if text.startswith("Expected values to be") or ("=" not in text and len(text.split()) > 4):
        return None
    return text


def _lines(message: str) -> list[str]:
    return [line.strip() for line in message.splitlines() if line.strip()]


def _input_from_call(args: str) -> str | None:
    """``**{'to': None}`` -> ``to=None``; ``{'UserId': 0, ...}`` stays as written."""
    args = args.strip()
    found = re.fullmatch(r"\*\*\{(?P<body>.*)\}", args)
    if found:
        pairs = re.findall(r"'(\w+)':\s*((?:[^,']|'[^']*')+)", found["body"])
        if pairs:
            return _given(", ".join(f"{k}={v.strip()}" for k, v in pairs))
    return _given(args) if args and len(args) <= 160 else None


# errors a test raises reading an answer that lacks what it reads
_READING = {"KeyError", "AttributeError", "IndexError", "TypeError", "NullPointerException"}


def _in_tests(where: str) -> bool:
    """The error was raised by the test itself (reading a key the answer lacks)."""
    found = _FILE_LINE.search(where)
    return bool(found) and "test" in found["file"].rsplit("/", 1)[-1].casefold()


# The Python runner's bridge between the tests' process and the code's: an error raised
# there came from an object the tests handed the code (a stand-in raising on purpose)
_BRIDGE = "_pybridge.py"


def _relayed(where: str) -> bool:
    """The error came from the tests' own object: raised across the bridge, or raised in a
    test file under a frame of the code (a stand-in the code called)."""
    files = [m["file"].rsplit("/", 1)[-1] for m in _FILE_LINE.finditer(where)]
    if not files:
        return False
    if files[0] == _BRIDGE:
        return True
    tests = ["test" in name.casefold() for name in files]
    return tests[0] and not all(tests)


def _line_in_code(where: str, solution: str | None) -> int | None:
    for found in _FILE_LINE.finditer(where):
        name = found["file"].rsplit("/", 1)[-1]
        if name == _BRIDGE:
            continue
        if "test" not in name.casefold() and (solution is None or name == solution):
            return int(found["line"])
    return None


def _field_read(source: str) -> str | None:
    """The field of the answer a failed ``assert X == Y`` compared, when X reads one ("'total'"
    from `result["total"]`; "'page', 'page_size'" from a tuple of two): what a bare "got 10"
    was."""
    found = re.fullmatch(
        r"assert\s+(?P<left>.+?)\s*==\s*(?P<right>[^=]+?)(?:,\s*(?:\"|').*)?", source
    )
    if found is None:
        return None
    left = found["left"].strip()
    parts = (
        [p.strip() for p in left[1:-1].split(",")]
        if left.startswith("(") and left.endswith(")")
        else [left]
    )
    names = []
    for part in parts:
        read = _READ_FIELD.search(part)
        if read is None or "(" in part:
            return None
        names.append(read["key"] or read["attr"])
    return ", ".join(f"'{n}'" for n in names) if names else None


def _chained(source: str) -> bool:
    """``assert a == b == c``: a chain of comparisons, outside strings and brackets."""
    text = re.sub(r"\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", "''", source)
    depth, count = 0, 0
    for at, char in enumerate(text):
        depth += _NESTING.get(char, 0)
        count += depth == 0 and text.startswith("==", at)
    return count >= 2


MAX_ACTUAL = 60  # the longest expression of a check said beside what it got


def _actual_read(source: str) -> str | None:
    """What a failed JUnit ``assertEquals(expected, actual)`` read: its ``actual`` expression
    ("shares.size()"), when short enough to say."""
    found = re.fullmatch(r"(?:Assertions\.)?assertEquals\((?P<args>.*)\);", source)
    if found is None:
        return None
    args = _arguments(found["args"])
    if len(args) < 2 or '"' in args[1] and "(" not in args[1]:
        return None
    return args[1] if len(args[1]) <= MAX_ACTUAL else None


def _taken(pattern: re.Pattern[str], message: str) -> tuple[re.Match[str] | None, str]:
    """A runner's aside in ``message`` ("(at solution.py:4)", "(checked: ...)"), and the
    message without it."""
    found = pattern.search(message)
    return found, message[: found.start()] + message[found.end() :] if found else message


def observe(case: TestCase, solution_file: str | None = None) -> Observation:
    """Read one failing case's message."""
    message = case.message or ""
    line = None
    in_tests = relayed = False
    made, message = _taken(_MADE, message)
    at, message = (None, message) if made else _taken(_AT, message)
    if made:
        relayed = True
    elif at:
        line = _line_in_code(at["where"], solution_file)
        relayed = _relayed(at["where"])
        in_tests = _in_tests(at["where"]) and not relayed
    checked, message = _taken(_CHECKED, message)
    read, message = _taken(_ANSWER, message)
    lines = [_GO_PREFIX.sub("", ln) for ln in _lines(message)]
    lines = [ln for ln in lines if ln and not ln.startswith(_NOISE) and not _GO_LOG.match(ln)]
    if not lines:
        return Observation(case, line=line)
    hypothesis = _HYPOTHESIS.search(message)
    given = None
    if hypothesis:
        given = _given(re.sub(r",\s*$", "", re.sub(r"\s+", " ", hypothesis["args"]).strip()))
    first = lines[0]

    error = _ERROR.match(first)
    if error and in_tests and error["type"] in _READING:  # the test could not read it
        said = f"the answer lacks what the test reads ({first.rstrip('.')})"
        if read and error["type"] == "KeyError" and error["text"]:
            said = f"got {read['answer']}, which has no {error['text'].strip()}"
        elif read:
            said = f"got {read['answer']}, which it could not read ({first.rstrip('.')})"
        return Observation(case, input=given, said=said)
    if error and in_tests and error["type"] != "AssertionError":  # made by the test's own code
        where = _FILE_LINE.search(at["where"]) if at else None
        place = f" ({where['file'].rsplit('/', 1)[-1]}, line {where['line']})" if where else ""
        said = f"it ended with {first.rstrip('.')}, raised in the test file{place}"
        return Observation(case, input=given, said=said)
    if error and error["type"] != "AssertionError":
        text = (error["text"] or "").strip()
        said = f"{error['type']}: {text}" if text else error["type"]
        return Observation(case, error=said, input=given, line=line, relayed=relayed)
    if _JS_ERRORS.search(first) and "expected" not in first:
        return Observation(case, error=first.rstrip(": "), input=given, line=line)

    for index, text in enumerate(lines):
        found = _PYTEST_ASSERT.match(text)
        if found and (found["got"] or "").startswith("(") and not _balanced(found["got"]):
            found = None  # "assert (0 == 0 and 1 == 0)": a compound check, said as it is
        if found:
            got, expected = found["got"] or found["got2"], found["exp"] or found["exp2"]
            if found["truth"] == "False":  # assert (x == 0) is False: anything but 0 was wanted
                expected = f"something other than {expected}"
            call = next((m for m in map(_PYTEST_WHERE.match, lines[index + 1 :]) if m), None)
            # "where 0 = len([])" is the test's own counting, not a call of the code
            of_code = call and call["fn"] and not hasattr(builtins, call["fn"])
            value = given or (_input_from_call(call["args"]) if of_code else None)
            if "..." in got or "..." in expected:  # pytest shortened both: use its diff line
                # pytest lists a dict's differing items in hash order: take them sorted
                diffs = sorted((m for m in map(_PYTEST_DIFF.match, lines) if m), key=_text_of)
                diff = diffs[0] if diffs else None
                if diff is None:
                    return Observation(case, input=value, said=first, line=line)
                got, expected = diff["got"], diff["exp"]
            counted = _counted(call, lines[index + 1 :]) if call and not of_code else None
            if counted:  # "where 0 = len([])", "where [] = <Gateway>.charges": what it counted
                got = f"{counted} = {got}"
            if checked and _chained(checked["source"]):  # first == second == {...}: pytest
                # shows the first pair that differs, which may be two answers, not the expected
                said = f"two of the answers it compared differ: {got} and {expected}"
                return Observation(case, input=value, said=said, line=line)
            field = _field_read(checked["source"]) if checked and not call else None
            if field and ":" not in got:  # `assert result["total"] == n` got 10: its total
                got, expected = f"{field}: {got}", f"{field}: {expected}"
            return Observation(case, got=got, expected=expected, input=value, line=line)
        for pattern in _COMPARISONS:
            found = pattern.match(text.removeprefix("AssertionError: "))
            if found:
                value, why = _given(found["input"]) or given, ""
                split = re.fullmatch(  # the message's own input, not hypothesis's
                    r"(?P<given>\S+=\S+)\s+(?P<why>\S+(?:\s+\S+){2,})",
                    _given(found["input"]) or "",
                )
                if split:  # "pageSize=101 must be clamped, not rejected"
                    value, why = split["given"], split["why"]
                sentence = found["input"] and not found["input"].startswith("Expected values")
                if sentence and value is None:  # a sentence of the test's: say it
                    said = f"{found['input']}: got {found['got']}, expected {found['exp']}"
                    return Observation(case, input=given, said=said)
                got, expected = found["got"].strip(), found["exp"].strip()
                if _truth_values(got, expected):
                    return Observation(case, input=given, said=_check_failed(value))
                actual = _actual_read(checked["source"]) if checked and value is None else None
                if actual and re.fullmatch(r"[A-Z]\w*\.\w+\((?!\s*\)).*\)", actual):
                    value = actual  # assertEquals(0, Inventory.reserve(s, "SKU-1", 6)): the call
                elif actual and actual != got:  # assertEquals(parts, shares.size()) got 2
                    got = f"{actual} = {got}"
                return Observation(case, got=got, expected=expected, input=value, why=why)
        own = _OWN_WORDS.match(text) if index == 0 else None
        if own:  # assert store.calls == [], "the store was called before ...": the test's words
            return Observation(case, input=given, said=own["said"].rstrip(": "), line=line)
    nunit = _NUNIT.search(message)
    if nunit:
        got, expected = _lines(nunit["got"])[0], _lines(nunit["exp"])[0]
        if _truth_values(got, expected):
            return Observation(case, input=given, said=_check_failed(None))
        return Observation(case, got=got, expected=expected, input=given)
    diff = _node_diff(first)
    if diff and diff[0] and _CONTEXT.match(diff[0]):  # "after {...}": what the test did first
        return Observation(case, got=diff[1], expected=diff[2], input=given)
    if diff and diff[0] and _given(diff[0]) is None:  # the test's own sentence says it
        return Observation(case, input=given, said=diff[0])
    if diff:
        return Observation(case, got=diff[1], expected=diff[2], input=_given(diff[0]))
    return Observation(case, input=given, said=first.removeprefix("AssertionError: "), line=line)


_ATTRIBUTE = re.compile(r"^\+\s+where .+? = <[^<>]*>\.(?P<name>\w+)$")


def _counted(call: re.Match[str], rest: list[str]) -> str | None:
    """``len(charges)`` for a test's ``len(gateway.charges)``, as pytest's where-lines show it."""
    if call["fn"] != "len":
        return None
    attribute = next((m for m in map(_ATTRIBUTE.match, rest) if m), None)
    return f"len({attribute['name']})" if attribute else None


def _text_of(match: re.Match[str]) -> str:
    return match.group(0)


def _truth_values(got: str, expected: str) -> bool:
    """``assertTrue(share.matches(...), "share=0.1")`` reports true/false: the truth of the
    test's own check, which need not be anything the code returned."""
    return {got.casefold(), expected.casefold()} == {"true", "false"}


def _check_failed(value: str | None) -> str:
    return f"its check on {value} did not hold" if value else "its check did not hold"


def _node_diff(text: str) -> tuple[str | None, str, str] | None:
    """node's deep-equal diff, flattened by node_message: ``INPUT: + actual - expected: {: +
    code: 'A',: -   code: 'B': }`` -> (INPUT, "code: 'A'", "code: 'B'")."""
    head, sep, body = text.partition("+ actual - expected")
    if not sep:
        return None
    given = head.strip().rstrip(":").strip()
    if given.startswith("Expected values to be"):
        given = ""
    body = body.strip().lstrip(":").strip()
    parts = [p.strip() for p in re.split(r"(?<=[,{\[]):\s+|:\s+(?=[+-]\s)|:\s+(?=[}\]])", body)]
    got: list[str] = []
    expected: list[str] = []
    for part in parts:
        side, text = (part[0], part[1:]) if part[:1] in "+-" and part[1:2] == " " else ("", part)
        text = text.strip().rstrip(",:").strip()
        if text in ("", "[", "]", "{", "}"):
            continue
        if side != "-":
            got.append(text)
        if side != "+":
            expected.append(text)
    if got == expected:
        return None
    return (given or None, ", ".join(got) or "nothing", ", ".join(expected) or "nothing")


def code_lines(code: str) -> list[tuple[int, str]]:
    """(line number, text) of ``code`` with comments dropped, roughly: whole comment lines, a
    trailing ``# ...`` / ``// ...`` and lines of triple-quoted strings. For placing evidence,
    not for parsing."""
    out = []
    quoted = False  # inside a triple-quoted string: a docstring's words are not code
    for number, text in enumerate(code.splitlines(), 1):
        quotes = text.count('"""') + text.count("'''")
        if quoted or quotes:
            quoted = quoted != (quotes % 2 == 1)
            continue
        if re.match(r"^\s*(?:#|//|/\*|\*)", text):
            continue
        out.append((number, re.sub(r"\s(?:#|//)\s.*$", "", text)))
    return out


def locate(code: str, token: str) -> list[int]:
    """The lines of ``code`` where ``token`` appears as a whole word (1-based), outside comments."""
    if not token:
        return []
    pattern = re.compile(rf"(?<![\w$]){re.escape(token)}(?![\w$])")
    return [n for n, text in code_lines(code) if pattern.search(text)]
