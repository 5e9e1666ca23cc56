"""The seed's two mistakes, found at the right lines in all six languages.

"Didn't include any parameter validation (error codes 50001, 50002, 50003)" and "Used error
code 50003 within the try...catch block" — on our own fixtures (a correct solution, one with
no validation, one that returns 50003 from the catch) and on the task's own solutions.
"""

from __future__ import annotations

import re

import pytest
from rule_helpers import LANGS, REPO, fixture, task_params

from grader.rules import check_code
from grader.types import RuleCheck

# line of the entry function, line(s) where the catch returns 50003 (in our fixtures)
ENTRY_LINE = {"python": 1, "javascript": 1, "typescript": 11, "java": 4, "csharp": 6, "go": 3}
CATCH_50003 = {
    "python": [18],
    "javascript": [21],
    "typescript": [31],
    "java": [26],
    "csharp": [34],
    "go": [27],
}


def _checks(code: str, language: str, bindings) -> list[RuleCheck]:  # type: ignore[no-untyped-def]
    return check_code(code, language, bindings, task_params(language))


def _failing(checks: list[RuleCheck]) -> set[tuple[str, object]]:
    return {
        (c.rule, c.params.get("code", tuple(c.params.get("codes", ()))))
        for c in checks
        if not c.passed
    }


@pytest.mark.parametrize("language", LANGS)
def test_nothing_is_reported_on_a_correct_solution(language: str, bindings) -> None:  # type: ignore[no-untyped-def]
    checks = _checks(fixture("correct", language), language, bindings)
    assert len(checks) == len(bindings)  # parses: no syntax-error check
    assert all(c.applicable for c in checks)
    assert [f.message for c in checks for f in c.findings] == []
    assert all(c.passed for c in checks)


@pytest.mark.parametrize("language", LANGS)
def test_missing_validation_is_found_at_the_function(language: str, bindings) -> None:  # type: ignore[no-untyped-def]
    checks = _checks(fixture("no-validation", language), language, bindings)
    failing = _failing(checks)
    for code in (50001, 50002, 50003):
        assert ("validation-branch", code) in failing
    assert ("flag-check", 50003) in failing
    validation = [c for c in checks if c.rule == "validation-branch"]
    for check in validation:
        assert check.requirement == "parameter-validation"
        (finding,) = check.findings
        assert finding.line == ENTRY_LINE[language]
        assert finding.severity == "error"
        assert (
            finding.message
            == f"No validation branch returns error code {check.params['code']} before the first repository call."
        )
    # the catch is right in this one, but no code it keeps out of the catch is used at all:
    # those checks hold only vacuously (failed, with nothing found)
    in_catch = [c for c in checks if c.rule == "validation-code-in-catch"]
    assert in_catch and all(c.vacuous and not c.passed and not c.findings for c in in_catch)
    assert ("catch-returns-code", 50000) not in failing


@pytest.mark.parametrize("language", LANGS)
def test_flag_code_in_the_catch_is_found_at_its_line(language: str, bindings) -> None:  # type: ignore[no-untyped-def]
    code = fixture("catch-50003", language)
    checks = _checks(code, language, bindings)
    in_catch = [c for c in checks if c.rule == "validation-code-in-catch"]
    flag, *ids = in_catch  # the rubric binds [50003], then [50001] and [50002] one by one
    assert flag.params["codes"] == [50003] and not flag.passed and not flag.vacuous
    assert [c.params["codes"] for c in ids] == [[50001], [50002]]
    assert all(c.passed and not c.findings and not c.vacuous for c in ids)
    lines = [f.line for f in flag.findings]
    assert lines == CATCH_50003[language]
    for finding in flag.findings:
        assert "50003" in code.splitlines()[finding.line - 1]
        assert code.splitlines()[finding.line - 1][finding.column - 1 :].startswith("50003")
        assert finding.text == "50003"
        assert finding.requirement == "flag-code-not-in-catch"
        assert (
            finding.message.startswith("Used error code 50003 ")
            and f"(line {finding.line})" in finding.message
        )
    # validation itself is fine here
    assert all(c.passed for c in checks if c.rule in ("validation-branch", "flag-check"))


# --------------------------------------------------------------------------- the task's files

EXT = {
    "python": "py",
    "javascript": "js",
    "typescript": "ts",
    "java": "java",
    "csharp": "cs",
    "go": "go",
}
ENTRY = re.compile(r"\b(update_user_flags|updateUserFlags|UpdateUserFlags)\s*\(")


def _task_file(language: str, stem: str):  # type: ignore[no-untyped-def]
    path = REPO / "tasks" / "user-flags" / language / f"{stem}.{EXT[language]}"
    if not path.is_file():
        pytest.skip(f"{path} is not there")
    return path.read_text()


@pytest.mark.parametrize("language", LANGS)
def test_the_tasks_seed_solution_shows_both_mistakes(language: str, bindings) -> None:  # type: ignore[no-untyped-def]
    code = _task_file(language, "wrong-seed")
    lines = code.splitlines()
    entry = next(i + 1 for i, line in enumerate(lines) if ENTRY.search(line))
    uses = [
        i + 1
        for i, line in enumerate(lines)
        if re.search(r"\b50003\b", line) and not line.lstrip().startswith(("#", "//"))
    ]
    checks = _checks(code, language, bindings)
    validation = [c for c in checks if c.rule == "validation-branch"]
    assert [c.passed for c in validation] == [False, False, False]
    assert {f.line for c in validation for f in c.findings} == {entry}
    flag = next(
        c for c in checks if c.rule == "validation-code-in-catch" and c.params["codes"] == [50003]
    )
    assert [f.line for f in flag.findings] == uses


@pytest.mark.parametrize("language", LANGS)
def test_the_tasks_reference_solution_is_clean(language: str, bindings) -> None:  # type: ignore[no-untyped-def]
    checks = _checks(_task_file(language, "reference"), language, bindings)
    assert [(c.rule, f.line, f.message) for c in checks for f in c.findings] == []
    assert all(c.passed and c.applicable for c in checks)
