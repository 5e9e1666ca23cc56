"""Evidence with a direction: an absence finding (a rule that asks for a construct and does
not find it) that passing tests contradict becomes an unconfirmed finding; a defect found at
a place still counts."""

from __future__ import annotations

from scoring_builders import checks_for, finding, run_of

from grader.scoring import score
from grader.types import Extraction

CODE = Extraction(code="def update_user_flags(request, repo):\n    ...\n")
ABSENT = "No validation branch returns error code 50001 before the first repository call."


def test_an_absence_the_tests_contradict_is_unconfirmed_not_a_failure(user_flags) -> None:  # type: ignore[no-untyped-def]
    checks = checks_for(
        user_flags, {("validation-branch", 50001): [finding("validation-branch", 1, ABSENT)]}
    )
    verdict = score(user_flags, CODE, checks, run_of())
    validation = next(r for r in verdict.requirements if r.id == "parameter-validation")
    assert validation.met and verdict.passed and verdict.score == 100
    assert verdict.notes == []
    assert verdict.findings == []
    assert len(verdict.unconfirmed) == 1 and validation.unconfirmed == verdict.unconfirmed
    assert "could not confirm" in verdict.unconfirmed[0] and "50001" in verdict.unconfirmed[0]


def test_an_absence_stands_when_a_matching_test_fails(user_flags) -> None:  # type: ignore[no-untyped-def]
    checks = checks_for(
        user_flags, {("validation-branch", 50001): [finding("validation-branch", 1, ABSENT)]}
    )
    verdict = score(user_flags, CODE, checks, run_of({"missing user id": "assert 0 == 50001"}))
    assert not verdict.passed and verdict.unconfirmed == []
    assert any("50001" in note for note in verdict.notes)


def test_a_defect_found_at_a_place_is_never_overruled_by_passing_tests(user_flags) -> None:  # type: ignore[no-untyped-def]
    inside = "Returned validation error code 50001 inside the try block (line 3)."
    checks = checks_for(
        user_flags,
        {
            ("validation-code-in-try", (50001, 50002, 50003)): [
                finding("validation-code-in-try", 3, inside, text="50001")
            ]
        },
    )
    verdict = score(user_flags, CODE, checks, run_of())
    assert not verdict.passed and verdict.unconfirmed == []
    assert any("inside the try block" in note for note in verdict.notes)


def test_an_absence_is_unconfirmed_when_failing_tests_saw_the_code_return_that_code(
    user_flags,
) -> None:  # type: ignore[no-untyped-def]
    # the codes come from a rule table the rules don't read; the tests see them returned, swapped
    absent = "No validation branch returns error code {} before the first repository call."
    checks = checks_for(
        user_flags,
        {
            ("validation-branch", 50001): [finding("validation-branch", 1, absent.format(50001))],
            ("validation-branch", 50002): [finding("validation-branch", 1, absent.format(50002))],
        },
    )
    failing = {
        "missing user id": "UserId=None: got 50002, expected 50001",
        "invalid user id": "UserId=0: got 50001, expected 50002",
    }
    verdict = score(user_flags, CODE, checks, run_of(failing))
    validation = next(r for r in verdict.requirements if r.id == "parameter-validation")
    assert not verdict.passed and not validation.met
    assert len(validation.unconfirmed) == 2
    assert all("saw the code return 50001, 50002" in u for u in validation.unconfirmed)
    assert not any("No validation branch" in note for note in verdict.notes), verdict.notes
    assert verdict.notes[0].startswith("The codes 50001 and 50002 are swapped: with UserId=None")


def test_an_absence_stands_when_the_tests_saw_other_answers(user_flags) -> None:  # type: ignore[no-untyped-def]
    checks = checks_for(
        user_flags, {("validation-branch", 50001): [finding("validation-branch", 1, ABSENT)]}
    )
    failing = {"missing user id": "UserId=None: got 0, expected 50001"}
    verdict = score(user_flags, CODE, checks, run_of(failing))
    assert verdict.unconfirmed == [] and not verdict.passed
    assert not any("swapped" in note for note in verdict.notes)
