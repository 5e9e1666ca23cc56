"""Hypothesis: changes a reviewer would not care about never change a verdict.

Renamed local variables, reordered independent validation branches, extra blank lines and
comments, trailing spaces and another string quoting style are applied to every fixture;
each rule binding must give the same verdict, and findings must point at the same source
(the same lines, mapped through any inserted lines).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_helpers import EXTENSIONS, FIXTURES, rubric_bindings, task_params

from grader.rules import check_code

BINDINGS = rubric_bindings()
CASES = [
    (lang, p.read_text(), p.name)
    for lang, ext in EXTENSIONS.items()
    for p in sorted(FIXTURES.glob(f"*.{ext}"))
]
COMMENT = {"python": "#", "go": "//"}
# Local variables of the fixtures; Go's `err` stays (an `if err != nil` branch is how the
# rules recognise Go's error handling).
RENAMABLE = [
    "record",
    "uid",
    "rawId",
    "raw",
    "id",
    "exc",
    "err",
    "ex",
    "active",
    "deleted",
    "name",
    "flag",
    "present",
    "isInt",
    "okA",
    "okD",
    "okActive",
    "okDeleted",
]
MEANINGFUL = re.compile(
    r"(?i)err|flag|find|save|user|repo|active|delete|code|name|id$|^(if|for|in|is|do|as|go|var|let|new|int|not|and|or|def|try|case|func|type|else|null|nil|true|false|this|self|none|long|byte|char|void|string|object|return|range|const|final|static|public|class|catch|throw|raise|import|package|map|any|bool|float|double|while|switch|default|break|continue|struct|interface|select|defer|chan|goto|elif|pass|with|from|yield|await|async|lambda|global|assert|del|except|finally|sizeof|typeof|out|ref|params|base|event|fixed|lock|checked|decimal|delegate|enum|explicit|extern|implicit|internal|operator|override|readonly|sealed|short|stackalloc|ulong|unchecked|unsafe|ushort|using|virtual|volatile|sbyte|uint|abstract|boolean|extends|implements|instanceof|native|private|protected|strictfp|super|synchronized|throws|transient|export|function|debugger|delete|void|of|val|fun)$"
)

name_strategy = st.from_regex(r"[a-z][a-z0-9]{2,7}", fullmatch=True).filter(
    lambda n: not MEANINGFUL.search(n)
)


def verdicts(code: str, language: str, line_map: dict[int, int] | None = None) -> list[tuple]:
    out = []
    for check in check_code(code, language, BINDINGS, task_params(language)):
        lines = sorted((line_map or {}).get(f.line, f.line) for f in check.findings)
        key = check.params.get("code", tuple(check.params.get("codes", ())))
        out.append((check.rule, key, check.passed, check.applicable, tuple(lines)))
    return out


def rename(code: str, language: str, fresh: list[str]) -> str:
    names = [
        n
        for n in RENAMABLE
        if re.search(rf"\b{n}\b", code) and not (language == "go" and n == "err")
    ]
    used = set(re.findall(r"\w+", code))
    pool = [n for n in fresh if n not in used]
    for old, new in zip(names, dict.fromkeys(pool), strict=False):
        code = re.sub(rf"(?<![\"'.\w]){old}\b(?![\"'])", new, code)
    return code


def reorder(code: str, language: str, rng) -> str:  # type: ignore[no-untyped-def]
    """Shuffle runs of adjacent `if (...) { return ...; }` blocks."""
    if language == "python":
        block = r"(?m)^( +)if [^\n]*:\n\1    return [^\n]*\n"
    else:
        block = r"(?m)^([ \t]+)if [^\n]*\{\n\1[ \t]+return [^\n]*\n\1\}\n"
    blocks = list(re.finditer(block, code))
    runs: list[list[re.Match]] = []
    for m in blocks:
        if runs and runs[-1][-1].end() == m.start() and runs[-1][-1].group(1) == m.group(1):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in reversed([r for r in runs if len(r) > 1]):
        texts = [m.group(0) for m in run]
        rng.shuffle(texts)
        code = code[: run[0].start()] + "".join(texts) + code[run[-1].end() :]
    return code


def requote(code: str, language: str) -> str:
    simple = r'"([^"\'\\\n{}$]*)"'
    if language == "python":
        return re.sub(simple, r"'\1'", code)
    if language in ("javascript", "typescript"):
        return re.sub(simple, r"'\1'", code)
    if language == "go":
        return re.sub(r'(?<!import )"([^"\'\\\n`]*)"', r"`\1`", code)
    if language == "csharp":
        return re.sub(r'(?<![$@\w])"([^"\\\n{}]*)"', r'@"\1"', code)
    return code


def decorate(
    code: str, language: str, where: list[int], blank: list[bool]
) -> tuple[str, dict[int, int]]:
    """Insert comment or blank lines before the given lines; map new line numbers to old ones."""
    marker = COMMENT.get(language, "//")
    lines = code.split("\n")
    inserts = sorted(set(i % len(lines) for i in where))
    out: list[str] = []
    line_map: dict[int, int] = {}
    for index, line in enumerate(lines):
        if index in inserts and index > 0:
            indent = re.match(r"\s*", line).group(0)  # type: ignore[union-attr]
            out.append("" if blank[index % len(blank)] else f"{indent}{marker} a note, {index}")
        out.append(line + ("  " if index % 3 == 0 and line.strip() else ""))
        line_map[len(out)] = index + 1
    return "\n".join(out), line_map


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    case=st.sampled_from(CASES),
    fresh=st.lists(name_strategy, min_size=20, max_size=30, unique=True),
)
def test_renamed_variables_keep_verdicts(case, fresh) -> None:  # type: ignore[no-untyped-def]
    language, code, _ = case
    changed = rename(code, language, fresh)
    assert verdicts(changed, language) == verdicts(code, language)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), rng=st.randoms(use_true_random=False))
def test_reordered_branches_keep_verdicts(case, rng) -> None:  # type: ignore[no-untyped-def]
    language, code, _ = case
    changed = reorder(code, language, rng)
    assert [v[:4] for v in verdicts(changed, language)] == [v[:4] for v in verdicts(code, language)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    case=st.sampled_from(CASES),
    where=st.lists(st.integers(min_value=1, max_value=200), min_size=1, max_size=12),
    blank=st.lists(st.booleans(), min_size=1, max_size=5),
)
def test_comments_and_whitespace_keep_verdicts_and_lines(case, where, blank) -> None:  # type: ignore[no-untyped-def]
    language, code, _ = case
    changed, line_map = decorate(code, language, where, blank)
    assert verdicts(changed, language, line_map) == verdicts(code, language)


def test_other_quoting_keeps_verdicts_and_lines() -> None:
    changed_any = 0
    for language, code, name in CASES:
        changed = requote(code, language)
        changed_any += changed != code
        assert verdicts(changed, language) == verdicts(code, language), name
    assert changed_any >= 12  # java keeps its one quoting style


def test_the_transformations_really_change_the_code() -> None:
    import random

    language, code, _ = next(c for c in CASES if c[2] == "catch-50003.py")
    assert rename(code, language, ["abcd", "efgh", "ijkl", "mnop", "qrst", "uvwx"]) != code
    assert reorder(code, language, random.Random(3)) != code
    changed, _ = decorate(code, language, [2, 5], [False])
    assert changed.count("# a note") == 2
    assert "'UserId'" in requote(code, language)
