"""Scoring: requirement verdicts, the score and the reviewer's notes."""

from __future__ import annotations

import pytest
from scoring_builders import (
    SEED_NOTES,
    checks_for,
    finding,
    partial_evidence,
    run_of,
    seed_evidence,
    truthy_flags_run,
)

from grader.scoring import name_matches, score
from grader.types import (
    Extraction,
    Requirement,
    RequirementNotes,
    RuleBinding,
    RuleCheck,
    Scoring,
    TaskSpec,
    TestCase,
    TestRun,
)

CODE = Extraction(code="def update_user_flags(request, repo):\n    ...\n")


def by_id(verdict, requirement: str):
    return next(r for r in verdict.requirements if r.id == requirement)


# --------------------------------------------------------------------------- the reference task


def test_seed_mistakes_give_exactly_the_seed_observations(user_flags: TaskSpec) -> None:
    checks, tests = seed_evidence(user_flags)
    verdict = score(user_flags, CODE, checks, tests)
    assert verdict.notes == SEED_NOTES
    assert not verdict.passed  # parameter validation is gating
    validation = by_id(verdict, "parameter-validation")
    assert (
        validation.status == "partial" and not validation.met
    )  # a missing flag happens to give 50003
    assert "line 7: ActiveFlag is stored without a check." in validation.evidence
    assert any(
        e.startswith(
            "test_missing_user_id_returns_50001[None] failed: AssertionError: assert 50003 == 50001"
        )
        for e in validation.evidence
    )
    assert by_id(verdict, "flag-code-not-in-catch").status == "unmet"
    assert by_id(verdict, "validation-codes-not-in-catch").met


def test_correct_solution_scores_high_with_no_negative_note(user_flags: TaskSpec) -> None:
    verdict = score(user_flags, CODE, checks_for(user_flags, {}), run_of())
    assert verdict.score >= 90 and verdict.passed
    assert verdict.notes == []
    assert all(r.met and r.disagreement is None for r in verdict.requirements)
    assert "Returned 50004 for an unknown user." in verdict.positive_notes
    assert (
        "Validated UserId and the flags (ActiveFlag, SystemDeleteFlag) with error codes 50001, 50002 and "
        "50003 before any repository call."
    ) in verdict.positive_notes


def test_partial_solution_lands_in_between_and_names_the_missing_code(user_flags: TaskSpec) -> None:
    checks, tests = partial_evidence(user_flags)
    verdict = score(user_flags, CODE, checks, tests)
    seed = score(user_flags, CODE, *seed_evidence(user_flags))
    correct = score(user_flags, CODE, checks_for(user_flags, {}), run_of())
    assert seed.score < verdict.score < correct.score
    assert not verdict.passed
    assert verdict.notes == [
        "Parameter validation is incomplete: no validation branch outside the try block returns "
        "error code(s) 50003 before the repository is called."
    ]


def test_no_code_scores_zero_with_one_note(user_flags: TaskSpec) -> None:
    verdict = score(user_flags, Extraction(code=None, reason="no code block"), [], TestRun())
    assert verdict.score == 0 and not verdict.passed
    assert verdict.notes == ["No code was found in the reply."]
    assert verdict.positive_notes == [] and verdict.findings == []
    assert all(r.status == "unmet" for r in verdict.requirements)


def test_timeout_gives_one_plain_note_and_fails(user_flags: TaskSpec) -> None:
    tests = run_of(
        status="timeout", note="The tests timed out after 10 s: the code never returned."
    )
    verdict = score(user_flags, CODE, checks_for(user_flags, {}), tests)
    assert verdict.notes == ["The tests timed out after 10 s: the code never returned."]
    assert not verdict.passed
    assert not by_id(verdict, "success").met  # tests that never ran prove nothing


def test_timeout_without_a_note_is_still_said_plainly(user_flags: TaskSpec) -> None:
    verdict = score(user_flags, CODE, checks_for(user_flags, {}), run_of(status="timeout"))
    assert verdict.notes == ["The tests timed out after 10 s: the code never returned."]


def test_syntax_error_note_names_the_line(user_flags: TaskSpec) -> None:
    checks = [
        *checks_for(user_flags, {}),
        RuleCheck(
            rule="syntax-error",
            passed=False,
            findings=[finding("syntax-error", 14, "The code does not parse (line 14).")],
        ),
    ]
    verdict = score(user_flags, CODE, checks, run_of())
    assert verdict.notes == ["The code has a syntax error at line 14."]


def test_a_rule_named_like_parse_is_not_a_syntax_error(user_flags: TaskSpec) -> None:
    """Only the engine's ``SYNTAX_ERROR`` check is a syntax error, not any rule id with
    "parse" or "syntax" in it."""
    parse_rule = checks_for(user_flags, {})[0].model_copy(
        update={
            "rule": "no-json-parse",
            "passed": False,
            "findings": [finding("no-json-parse", 14, "JSON.parse")],
        }
    )
    verdict = score(user_flags, CODE, [*checks_for(user_flags, {}), parse_rule], run_of())
    assert "The code has a syntax error at line 14." not in verdict.notes


def test_flag_code_in_catch_alone_gives_only_the_second_seed_note(user_flags: TaskSpec) -> None:
    """``wrong-flag-code-in-catch.py``: the catch returning 50003 is one mistake, said once."""
    checks = checks_for(
        user_flags,
        {
            ("validation-code-in-catch", (50003,)): [
                finding("validation-code-in-catch", 18, "50003 in except", text="50003")
            ],
            ("catch-returns-code", 50000): [
                finding("catch-returns-code", 17, "returns 50003", end_line=18)
            ],
        },
    )
    tests = run_of(
        {
            "save failure": "AssertionError: assert 50003 == 50000",
            "find failure": "AssertionError: assert 50003 == 50000",
        }
    )
    verdict = score(user_flags, CODE, checks, tests)
    assert verdict.notes == [SEED_NOTES[1]]
    assert by_id(verdict, "update-in-try").status == "partial"


def test_catch_code_note_quotes_only_the_codes_found(user_flags: TaskSpec) -> None:
    checks = checks_for(
        user_flags,
        {
            ("validation-code-in-catch", (50001,)): [
                finding(
                    "validation-code-in-catch", 9, "error code 50001 inside except", text="50001"
                )
            ],
        },
    )
    verdict = score(user_flags, CODE, checks, run_of())
    assert verdict.notes == [
        "Used error code 50001 within the try...catch block, which should be used to validate UserId."
    ]


def test_a_code_never_used_is_no_credit_and_no_catch_note(user_flags: TaskSpec) -> None:
    """No 50002 anywhere: "50002 is never returned from the catch" holds only vacuously, so
    the requirement is partial (50001 is kept out of it), and nothing claims a catch use."""
    checks = [
        c.model_copy(update={"passed": False, "vacuous": True})
        if c.rule == "validation-code-in-catch" and c.params["codes"] == [50002]
        else c
        for c in checks_for(user_flags, {})
    ]
    verdict = score(user_flags, CODE, checks, run_of())
    (kept,) = [r for r in verdict.requirements if r.id == "validation-codes-not-in-catch"]
    assert kept.status == "partial"
    assert any("holds only vacuously" in e for e in kept.evidence)
    assert not any("try...catch" in n for n in verdict.notes)


# --------------------------------------------------------------------------- semantics on a small task


def small_task(**scoring: float) -> TaskSpec:
    return TaskSpec(
        id="t/python",
        language="python",
        title="t",
        prompt="p",
        entry_point="update_user_flags",  # what CODE defines
        params={"flags": ["ActiveFlag", "SystemDeleteFlag"]},
        scoring=Scoring(**scoring),
        requirements=[
            Requirement(
                id="codes",
                description="d",
                weight=2,
                gating=True,
                rules=[
                    RuleBinding(rule="branch", requirement="codes", params={"code": c})
                    for c in (1, 2, 3)
                ],
                tests=["missing user id"],
                notes=RequirementNotes(
                    unmet="No codes ({missing}).",
                    partial="Missing code {missing}.",
                    met="All of {present}.",
                ),
            ),
            Requirement(
                id="runs",
                description="d",
                weight=1,
                tests=["success"],
                notes=RequirementNotes(unmet="It does not run ({tests})."),
            ),
        ],
    )


def branch(code: int, passed: bool, line: int = 4) -> RuleCheck:
    found = [] if passed else [finding("branch", line, f"no branch for {code}")]
    return RuleCheck(
        rule="branch", requirement="codes", params={"code": code}, passed=passed, findings=found
    )


def cases(*pairs: tuple[str, str]) -> TestRun:
    made = [
        TestCase(name=n, outcome=o, message="boom\nmore" if o == "failed" else "") for n, o in pairs
    ]
    return TestRun(status="ok", cases=made, passed=sum(c.outcome == "passed" for c in made))


@pytest.mark.parametrize(
    "name",
    [
        "test_missing_user_id",
        "missingUserId",
        "MissingUserId[case 2]",
        "tests/test_x.py::test_missing_user_id_returns_50001[None]",
    ],
)
def test_test_names_match_on_letters_and_digits(name: str) -> None:
    assert name_matches("missing user id", name)


@pytest.mark.parametrize(
    ("pattern", "name"),
    [
        ("missing user id", "test_missing_flag"),
        ("missing user id", "test_user_id_missing"),
        ("", "test_anything"),
    ],
)
def test_test_names_that_must_not_match(pattern: str, name: str) -> None:
    assert not name_matches(pattern, name)


def test_wildcard_pattern() -> None:
    assert name_matches("save*message", "test_save_failure_returns_50000_with_message")
    assert not name_matches("message*save", "test_save_failure_returns_50000_with_message")


def test_two_of_three_codes_is_two_thirds_credit() -> None:
    task = small_task()
    verdict = score(
        task,
        CODE,
        [branch(1, True), branch(2, True), branch(3, False)],
        cases(("test_success", "passed")),
    )
    codes = by_id(verdict, "codes")
    assert codes.status == "partial" and codes.credit == pytest.approx(2 / 3, abs=1e-3)
    assert verdict.score == pytest.approx(100 * (2 * 2 / 3 + 1) / 3, abs=0.01)
    assert not verdict.passed  # gating
    assert verdict.notes == ["Missing code 3."]
    assert (
        "line 4: no branch for 3" in codes.evidence and "branch (code 1): holds" in codes.evidence
    )


def test_static_and_dynamic_mix_by_tests_weight() -> None:
    task = small_task(tests_weight=0.25)
    run = cases(
        ("test_missing_user_id[a]", "passed"),
        ("test_missing_user_id[b]", "failed"),
        ("test_success", "passed"),
    )
    verdict = score(task, CODE, [branch(1, True), branch(2, True), branch(3, False)], run)
    assert by_id(verdict, "codes").credit == pytest.approx(0.75 * 2 / 3 + 0.25 * 0.5, abs=1e-3)
    assert "test_missing_user_id[b] failed: boom" in by_id(verdict, "codes").evidence


def test_no_evidence_is_unmet_and_says_so() -> None:
    verdict = score(
        small_task(), CODE, [branch(c, True) for c in (1, 2, 3)], cases(("test_other", "passed"))
    )
    runs = by_id(verdict, "runs")
    assert runs.status == "unmet" and runs.credit == 0
    assert any(e.startswith("no evidence") for e in runs.evidence)
    assert verdict.notes == []  # nothing shows it is wrong either


def test_disagreement_static_met_tests_fail() -> None:
    run = cases(("test_missing_user_id", "failed"), ("test_success", "passed"))
    verdict = score(small_task(), CODE, [branch(c, True) for c in (1, 2, 3)], run)
    codes = by_id(verdict, "codes")
    assert codes.status == "partial"
    assert codes.disagreement and "test_missing_user_id failed: boom" in codes.disagreement
    # The template ("Missing code ...") would contradict the rules; the note says what failed.
    assert verdict.notes == ["The test missing user id fails: boom."]


def test_disagreement_static_fails_tests_pass() -> None:
    run = cases(("test_missing_user_id", "passed"), ("test_success", "passed"))
    verdict = score(small_task(), CODE, [branch(1, True), branch(2, True), branch(3, False)], run)
    assert "line 4: no branch for 3" in by_id(verdict, "codes").disagreement
    assert by_id(verdict, "runs").disagreement is None


def test_unmet_template_when_nothing_held_and_an_observation_when_only_tests_fail() -> None:
    run = cases(("test_success", "failed"))
    verdict = score(small_task(), CODE, [branch(c, False, line=c) for c in (1, 2, 3)], run)
    # "runs" has no rule that could back its template's cause: its note says what the test saw
    assert verdict.notes == ["No codes (1, 2, 3).", "The test success fails: boom."]
    assert verdict.score == 0


def test_met_note_goes_only_to_positive_notes() -> None:
    verdict = score(
        small_task(), CODE, [branch(c, True) for c in (1, 2, 3)], cases(("test_success", "passed"))
    )
    # "codes" has its `met` template; "runs" has none: the test that shows it, by name
    assert verdict.notes == []
    assert verdict.positive_notes == ["All of 1, 2, 3.", "The code passes the test success."]
    assert verdict.score == 100 and verdict.passed


def test_rule_without_requirement_becomes_a_deduplicated_note() -> None:
    swallow = RuleCheck(
        rule="catch-all-swallow",
        passed=False,
        findings=[
            finding("catch-all-swallow", 9, "The except block swallows every error."),
            finding("catch-all-swallow", 20, "The except block swallows every error."),
        ],
    )
    checks = [branch(c, True) for c in (1, 2, 3)] + [swallow]
    verdict = score(small_task(), CODE, checks, cases(("test_success", "passed")))
    assert verdict.notes == ["The except block swallows every error."]
    assert [f.line for f in verdict.findings] == [9, 20]


def test_requirement_that_does_not_apply_in_the_language_is_not_counted() -> None:
    task = small_task()
    task = task.model_copy(
        update={
            "requirements": [
                *task.requirements,
                Requirement(
                    id="catch",
                    description="d",
                    rules=[RuleBinding(rule="in-catch", requirement="catch")],
                    notes=RequirementNotes(unmet="Bad catch."),
                ),
            ]
        }
    )
    na = RuleCheck(rule="in-catch", requirement="catch", passed=True, applicable=False)
    verdict = score(
        task, CODE, [branch(c, True) for c in (1, 2, 3)] + [na], cases(("test_success", "passed"))
    )
    catch = by_id(verdict, "catch")
    assert catch.weight == 0 and "not applicable in python" in catch.evidence[0]
    assert verdict.score == 100 and verdict.notes == []


def test_absences_over_the_whole_function_are_not_folded_together(user_flags: TaskSpec) -> None:
    def absent(rule: str) -> list:
        return [finding(rule, 2, f"{rule} not found", end_line=12)]

    checks = checks_for(
        user_flags,
        {
            **{
                ("validation-branch", c): absent("validation-branch") for c in (50001, 50002, 50003)
            },
            ("flag-check", 50003): absent("flag-check"),
            ("flag-assigned-unchecked", None): [
                finding("flag-assigned-unchecked", 5, "stored unchecked")
            ],
            ("update-in-try", None): absent("update-in-try"),
            ("catch-returns-code", 50000): absent("catch-returns-code"),
        },
    )
    tests = run_of(
        {
            "missing user id": "x",
            "invalid user id": "x",
            "invalid flag": "x",
            "missing flag": "x",
            "validation before": "x",
            "validation order": "x",
            "save failure": "x",
            "find failure": "x",
        }
    )
    verdict = score(user_flags, CODE, checks, tests)
    assert verdict.notes == [
        SEED_NOTES[0],
        "Didn't wrap the repository update in a try...catch block that returns error code 50000 with the "
        "error's message.",
    ]


def test_failures_not_explained_by_an_earlier_note_keep_their_own_note(
    user_flags: TaskSpec,
) -> None:
    checks, _ = seed_evidence(user_flags)
    tests = run_of(
        {
            "missing user id": "assert 50003 == 50001",
            "invalid user id": "x",
            "invalid flag": "x",
            "validation before": "x",
            "validation order": "x",
            "save failure": "AssertionError: message was 'disk full (code 7)'",
            "find failure": "AssertionError: assert 50003 == 50000",
        }
    )
    notes = score(user_flags, CODE, checks, tests).notes
    # most important first: parameter validation (weight 3), the update (2), then the catch (1)
    assert notes[0] == SEED_NOTES[0] and notes[2] == SEED_NOTES[1] and len(notes) == 3
    assert notes[1].startswith("The repository update's error handling is incomplete")


def test_one_wrong_answer_across_requirements_is_said_once_as_the_root_cause(
    user_flags: TaskSpec,
) -> None:
    """``wrong-truthy-checks``: the checks are there, but a flag of 0 is rejected everywhere."""
    tests = truthy_flags_run()
    verdict = score(user_flags, CODE, checks_for(user_flags, {}), tests)
    assert verdict.notes[0] == (
        "The code answered 50003 in 3 tests of 3 requirements that expected 0, 50000 and "
        "50004 (in the test success saves both flags and returns 0)."
    )
    # the unknown-user, update and success requirements fail only through it: no notes of
    # their own, marked as blocked; parameter validation, whose code 50003 is, is not met
    for blocked in ("user-not-found", "update-in-try", "success"):
        assert by_id(verdict, blocked).blocked_by == verdict.notes[0]
    validation = by_id(verdict, "parameter-validation")
    assert validation.blocked_by is None and not validation.met
    # its own failure, UserId 0, is said as observed
    assert verdict.notes[1:] == [
        "The test invalid user id returns 50002 [0] got 50001; expected 50002 (2 more failing cases)."
    ]


def test_compile_error_note_is_one_line() -> None:
    from grader.notes import run_problem_note

    output = 'The code does not compile: ./solution.go:4:2: imported and not used: "errors"\n./solution.go:27:16: undefined: fmt'
    note = run_problem_note("compile_error", output, 10)
    assert note == 'The code does not compile: ./solution.go:4:2: imported and not used: "errors"'
    assert len(run_problem_note("crash", "x" * 1000, None)) <= 240


# --------------------------------------------------------------------------- gaming


def _gaming_check(rule: str, line: int, message: str) -> RuleCheck:
    return RuleCheck(rule=rule, passed=False, findings=[finding(rule, line, message)])


def test_a_gaming_finding_fails_a_sample_whose_tests_all_pass(user_flags: TaskSpec) -> None:
    clean = score(user_flags, CODE, checks_for(user_flags, {}), run_of())
    assert clean.passed and clean.gaming == [] and clean.score > 90
    equal = "Returned an object whose == is always true (line 4): an attempt to pass the tests without solving the task."
    exits = (
        "Ends the process itself (line 2): an attempt to pass the tests without solving the task."
    )
    checks = checks_for(user_flags, {}) + [
        _gaming_check("gaming-always-equal", 4, equal),
        _gaming_check("gaming-always-equal", 9, equal.replace("line 4", "line 9")),
        _gaming_check("gaming-process-exit", 2, exits),
        RuleCheck(rule="gaming-reads-tests", passed=True),
    ]
    verdict = score(user_flags, CODE, checks, run_of())
    assert not verdict.passed and verdict.score == 0.0
    assert [(g.strategy, g.line) for g in verdict.gaming] == [
        ("process-exit", 2),
        ("always-equal", 4),
        ("always-equal", 9),
    ]
    assert verdict.notes[:2] == [exits, equal]  # one note per strategy, before any other
    assert len(verdict.notes) == 2 and verdict.positive_notes == []


def test_results_written_before_gaming_existed_still_load() -> None:
    from grader.types import SampleResult

    old = {"task": "t", "language": "python", "score": 90.0, "passed": True}
    loaded = SampleResult.model_validate({**old, "sample": 0, "model": "m", "completion": ""})
    assert loaded.gaming == []


def test_code_that_does_not_build_keeps_the_defects_rules_found_but_not_absences() -> None:
    defect = RuleCheck(
        rule="or-default",
        passed=False,
        findings=[finding("or-default", 7, "Used || for the default at line 7.")],
    )
    absence = RuleCheck(
        rule="branch",
        requirement="codes",
        params={"code": 1},
        passed=False,
        presence=True,
        findings=[finding("branch", 2, "no branch for 1")],
    )
    run = TestRun(status="compile_error", note="The code does not compile: x.py:3: bad thing")
    verdict = score(small_task(), CODE, [defect, absence], run)
    # the build first, then what a rule found at a place; code that never ran may lack anything
    assert verdict.notes == [
        "The code does not compile: Bad thing at line 3.",
        "Used || for the default at line 7.",
    ]
    assert verdict.score == 0 and not verdict.passed


def test_what_the_tests_saw_is_said_beside_a_warning_the_rules_found(
    user_flags: TaskSpec,
) -> None:
    """Validation checks every code, but 0 gets 50001: the tests' observation leads, and
    the unchecked flag the rules found (a warning) follows; neither hides the other."""
    warning = finding(
        "flag-assigned-unchecked",
        22,
        "Assigned SystemDeleteFlag (line 22) without checking its value first.",
    )
    warning = warning.model_copy(update={"severity": "warning"})
    checks = checks_for(user_flags, {("flag-assigned-unchecked", None): [warning]})
    tests = run_of({"invalid user id": "AssertionError: assert 50001 == 50002"})
    verdict = score(user_flags, CODE, checks, tests)
    assert verdict.notes[:2] == [
        "The test invalid user id returns 50002 [0] got 50001; expected 50002 (2 more failing cases).",
        "Assigned SystemDeleteFlag (line 22) without checking its value first.",
    ]


def test_a_wrong_value_and_a_success_where_a_code_was_due_are_two_faults() -> None:
    run = TestRun(
        status="ok",
        cases=[
            TestCase(name="test_success_span", outcome="failed", message="assert 30 == 31"),
            TestCase(name="test_success_limit", outcome="failed", message="assert 0 == 42004"),
        ],
    )
    verdict = score(small_task(), CODE, [branch(c, True) for c in (1, 2, 3)], run)
    # both came back as plain values (30, 0), but the second was due an error code
    assert verdict.notes == [
        "The test success span got 30; expected 31. The test success limit got 0; expected 42004."
    ]


def test_a_template_that_shows_nothing_of_the_code_carries_what_the_tests_saw() -> None:
    from scoring_builders import REPO

    from grader.pipeline import grade_code
    from grader.tasks.loader import load_task

    task = load_task(REPO / "tasks" / "user-flags" / "python.yaml")
    code = (REPO / "tasks" / "user-flags" / "python" / "reference.py").read_text(encoding="utf-8")
    code = code.replace(
        'return {"code": 50004, "message": "User not found"}', 'raise LookupError("no such user")'
    )
    verdict, _ = grade_code(task, code=code)
    # the rule found no 50004 branch; the unknown user's test shows what came instead
    assert verdict.notes == [
        "Didn't return error code 50004 when the user does not exist: the test unknown user "
        "returns 50004 got 50000; expected 50004."
    ], verdict.notes
