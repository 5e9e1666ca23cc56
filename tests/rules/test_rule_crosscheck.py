"""Cross-check verdicts against an independent engine: ast-grep-py (its own bundled grammars).

For every fixture and task solution, ast-grep answers two questions with its own rules —
which lines return 50003 from a catch, and whether 50001/50002/50003 each appear in an `if`
outside any try before the first repository call — and our engine must agree.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rule_helpers import EXTENSIONS, FIXTURES, LANGS, REPO, task_params

ast_grep_py = pytest.importorskip("ast_grep_py")

from grader.rules import check_code  # noqa: E402
from grader.types import RuleBinding  # noqa: E402

INTEGER = {
    "python": "integer",
    "javascript": "number",
    "typescript": "number",
    "java": "decimal_integer_literal",
    "csharp": "integer_literal",
    "go": "int_literal",
}
CALL = {
    "python": "call",
    "javascript": "call_expression",
    "typescript": "call_expression",
    "java": "method_invocation",
    "csharp": "invocation_expression",
    "go": "call_expression",
}
GO_ERR_BRANCH = {"kind": "if_statement", "has": {"field": "condition", "regex": r"^err != nil$"}}


def _catch(language: str) -> dict:
    if language == "python":
        return {"kind": "except_clause"}
    if language == "go":
        return GO_ERR_BRANCH
    return {"kind": "catch_clause"}


def _files() -> list[tuple[str, str]]:
    found = []
    for language, ext in EXTENSIONS.items():
        found += [(language, str(p)) for p in sorted(FIXTURES.glob(f"*.{ext}"))]
        found += [
            (language, str(p))
            for p in sorted((REPO / "tasks" / "user-flags" / language).glob(f"*.{ext}"))
            if p.stem.startswith(("reference", "wrong", "partial"))
        ]
    return found


FILES = _files()


def _root(code: str, language: str):  # type: ignore[no-untyped-def]
    return ast_grep_py.SgRoot(code, language).root()


def _ast_grep_catch_lines(code: str, language: str, value: int) -> list[int]:
    hits = _root(code, language).find_all(
        kind=INTEGER[language], regex=f"^{value}$", inside={**_catch(language), "stopBy": "end"}
    )
    return sorted({h.range().start.line + 1 for h in hits})


def _ast_grep_validates(code: str, language: str, value: int, find: str) -> bool:
    root = _root(code, language)
    calls = root.find_all(kind=CALL[language], regex=rf"\.{find}\(")
    first_call = min((c.range().start.index for c in calls), default=None)
    rule: dict = {
        "kind": INTEGER[language],
        "regex": f"^{value}$",
        "inside": {"kind": "if_statement", "stopBy": "end"},
    }
    if language != "go":
        rule["not"] = {"inside": {"kind": "try_statement", "stopBy": "end"}}
    else:
        rule["not"] = {"inside": {**GO_ERR_BRANCH, "stopBy": "end"}}
    hits = root.find_all(**rule)
    return any(first_call is None or h.range().start.index < first_call for h in hits)


@pytest.mark.parametrize(("language", "path"), FILES, ids=[p.rsplit("/", 2)[-1] for _, p in FILES])
def test_catch_findings_agree_with_ast_grep(language: str, path: str) -> None:
    code = Path(path).read_text()
    (check,) = check_code(
        code,
        language,
        [RuleBinding(rule="validation-code-in-catch", params={"codes": [50003]})],
        task_params(language),
    )
    ours = sorted(f.line for f in check.findings)
    assert ours == _ast_grep_catch_lines(code, language, 50003)


@pytest.mark.parametrize(("language", "path"), FILES, ids=[p.rsplit("/", 2)[-1] for _, p in FILES])
def test_validation_verdicts_agree_with_ast_grep(language: str, path: str) -> None:
    code = Path(path).read_text()
    if re.search(r"\bconst\s+int\s+\w+\s*=\s*5000\d", code):
        pytest.skip("codes behind named constants: beyond the plain ast-grep rule used here")
    params = task_params(language)
    find = params["repo_calls"][0]
    bindings = [
        RuleBinding(rule="validation-branch", params={"code": c}) for c in (50001, 50002, 50003)
    ]
    ours = [c.passed for c in check_code(code, language, bindings, params)]
    theirs = [_ast_grep_validates(code, language, c, find) for c in (50001, 50002, 50003)]
    assert ours == theirs


def test_the_cross_check_sees_both_verdicts() -> None:
    """The comparison is not vacuous: both engines see passes and failures, and catch hits."""
    verdicts = set()
    catch_hits = 0
    for language, path in FILES:
        code = Path(path).read_text()
        verdicts.add(
            _ast_grep_validates(code, language, 50001, task_params(language)["repo_calls"][0])
        )
        catch_hits += len(_ast_grep_catch_lines(code, language, 50003))
    assert verdicts == {True, False}
    assert catch_hits >= 12
    assert len(LANGS) == 6
