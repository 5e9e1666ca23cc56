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
