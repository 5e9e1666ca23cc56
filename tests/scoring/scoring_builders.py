"""Builders for scoring tests: the reference task's rubric and hand-made evidence for it.

The rule engine and the sandbox are separate stages; here their outputs (``RuleCheck``,
``TestRun``) are written by hand, line numbers taken from the reference task's solution
files so the evidence reads like what those stages report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from grader.rules._loader import load_rule
from grader.types import Finding, RuleCheck, TaskSpec, TestCase, TestRun

REPO = Path(__file__).resolve().parents[2]
SOLUTIONS = REPO / "tasks" / "user-flags" / "python"

SEED_NOTES = [
    "Didn't include any parameter validation (error codes 50001, 50002, 50003) as required.",
    "Used error code 50003 within the try...catch block, which should be used to validate the flag "
    "parameters (ActiveFlag, SystemDeleteFlag).",
]

# Test names the reference task's test file produces (pytest ids).
CASES = {
    "missing user id": [
        "test_missing_user_id_returns_50001[Ellipsis]",
        "test_missing_user_id_returns_50001[None]",
        "test_missing_user_id_returns_50001[]",
    ],
    "invalid user id": [
        "test_invalid_user_id_returns_50002[0]",
        "test_invalid_user_id_returns_50002[-3]",
        "test_invalid_user_id_returns_50002[abc]",
    ],
    "invalid flag": [
        "test_invalid_flag_returns_50003[ActiveFlag-2]",
        "test_invalid_flag_returns_50003[SystemDeleteFlag-x]",
    ],
    "missing flag": [
        "test_missing_flag_returns_50003[ActiveFlag]",
        "test_missing_flag_returns_50003[SystemDeleteFlag]",
    ],
    "validation before": ["test_validation_before_repository_call"],
    "validation order": ["test_validation_order_user_id_before_flags"],
    "unknown user": ["test_unknown_user_returns_50004"],
    "save failure": ["test_save_failure_returns_50000_with_message"],
    "find failure": ["test_find_failure_returns_50000_with_message"],
    "success": ["test_success_saves_both_flags_and_returns_0"],
}


def finding(
    rule: str, line: int, message: str, *, text: str = "", end_line: int | None = None
) -> Finding:
    return Finding(
        rule=rule, severity="error", line=line, end_line=end_line, message=message, text=text
    )


def checks_for(
    task: TaskSpec,
    failures: Mapping[tuple[str, Any], Sequence[Finding]],
    *,
    not_applicable: Sequence[str] = (),
) -> list[RuleCheck]:
    """One check per binding of ``task``; those keyed in ``failures`` fail with those findings.

    Keys are ``(rule, distinguishing value)``: ``("validation-branch", 50001)``,
    ``("validation-code-in-catch", (50003,))``, ``("update-in-try", None)``.
    """
    bindings = [*task.rules, *(b for r in task.requirements for b in r.rules)]
    checks = []
    for binding in bindings:
        value = binding.params.get("code", binding.params.get("codes"))
        key = (binding.rule, tuple(value) if isinstance(value, list) else value)
        found = list(failures.get(key, []))
        checks.append(
            RuleCheck(
                rule=binding.rule,
                requirement=binding.requirement,
                params={**task.params, **binding.params},
                passed=key not in failures,
                applicable=binding.rule not in not_applicable,
                findings=found,
                presence=load_rule(binding.rule).spec.absence_evidence,
            )
        )
    unused = set(failures) - {
        (
            b.rule,
            tuple(v) if isinstance(v := b.params.get("code", b.params.get("codes")), list) else v,
        )
        for b in bindings
    }
    assert not unused, f"no such binding: {unused}"
    return checks


def run_of(failing: Mapping[str, str] = (), *, status: str = "ok", note: str = "") -> TestRun:
    """Every case of ``CASES``; those whose group is in ``failing`` fail with that message."""
    failing = dict(failing)
    cases = [
        TestCase(
            name=f"test_user_flags.py::{name}",
            outcome="failed" if group in failing else "passed",
            message=failing.get(group, ""),
        )
        for group, names in CASES.items()
        for name in names
    ]
    return TestRun(
        passed=sum(c.outcome == "passed" for c in cases),
        failed=sum(c.outcome == "failed" for c in cases),
        status=status,
        note=note,
        cases=cases if status == "ok" else [],
        timeout_s=10.0,
    )


def truthy_flags_run() -> TestRun:
    """``wrong-truthy-checks``: a flag of 0 is rejected with 50003 wherever the tests send one."""
    return run_of(
        {
            "invalid user id": "assert 50001 == 50002",
            "unknown user": "assert 50003 == 50004",
            "save failure": "assert 50003 == 50000",
            "success": "assert 50003 == 0",
        }
    )


def seed_evidence(task: TaskSpec) -> tuple[list[RuleCheck], TestRun]:
    """``wrong-seed.py``: no validation at all, and 50003 returned from the except block."""
    absent = "No validation branch returns error code {} before the repository call."
    checks = checks_for(
        task,
        {
            ("validation-branch", 50001): [finding("validation-branch", 2, absent.format(50001))],
            ("validation-branch", 50002): [finding("validation-branch", 2, absent.format(50002))],
            ("validation-branch", 50003): [finding("validation-branch", 2, absent.format(50003))],
            ("flag-check", 50003): [
                finding("flag-check", 2, "Didn't validate the flags with error code 50003.")
            ],
            ("flag-assigned-unchecked", None): [
                finding(
                    "flag-assigned-unchecked",
                    7,
                    "ActiveFlag is stored without a check.",
                    text='request["ActiveFlag"]',
                ),
                finding(
                    "flag-assigned-unchecked", 8, "SystemDeleteFlag is stored without a check."
                ),
            ],
            ("validation-code-in-catch", (50003,)): [
                finding(
                    "validation-code-in-catch",
                    12,
                    "Used error code 50003 within the try...catch block (line 12).",
                    text="50003",
                )
            ],
            # An absence: the engine reports it over the whole function, as it does.
            ("catch-returns-code", 50000): [
                finding(
                    "catch-returns-code", 2, "No catch block returns error code 50000.", end_line=12
                )
            ],
        },
    )
    tests = run_of(
        {
            "missing user id": "AssertionError: assert 50003 == 50001\n  details",
            "invalid user id": "AssertionError: assert 0 == 50002",
            "invalid flag": "AssertionError: assert 0 == 50003",
            "validation before": "AssertionError: the repository was called",
            "validation order": "AssertionError: assert 50003 == 50001",
            "save failure": "AssertionError: assert 50003 == 50000",
            "find failure": "AssertionError: assert 50003 == 50000",
        }
    )
    return checks, tests


def partial_evidence(task: TaskSpec) -> tuple[list[RuleCheck], TestRun]:
    """``partial-no-flag-validation.py``: validates UserId, never the flags."""
    checks = checks_for(
        task,
        {
            ("validation-branch", 50003): [
                finding("validation-branch", 2, "No validation branch returns 50003.")
            ],
            ("flag-check", 50003): [
                finding("flag-check", 2, "Didn't validate the flags with error code 50003.")
            ],
            ("flag-assigned-unchecked", None): [
                finding("flag-assigned-unchecked", 12, "ActiveFlag is stored without a check.")
            ],
        },
    )
    tests = run_of(
        {
            "invalid flag": "AssertionError: assert 0 == 50003",
            "missing flag": "AssertionError: assert 0 == 50003",
        }
    )
    return checks, tests
