"""Notes as values: each note's kind, requirement, severity, lines and evidence, and an id that
stays the same across runs whose line numbers differ."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from pydantic import ValidationError
from scoring_builders import (
    SEED_NOTES,
    checks_for,
    finding,
    run_of,
    seed_evidence,
    truthy_flags_run,
)

from grader.scoring import score
from grader.types import (
    Extraction,
    Finding,
    Note,
    RuleCheck,
    SampleResult,
    TaskSpec,
    TestRun,
    Verdict,
    dump,
    note_id,
)

CODE = Extraction(code="def update_user_flags(request, repo):\n    ...\n")
SWALLOW = "Caught every exception (line {}) and returned a code without the error's text."


def _shifted(checks: Sequence[RuleCheck], by: int) -> list[RuleCheck]:
    """The same evidence ``by`` lines further down, as in code with a few more lines on top."""

    def moved(f: Finding) -> Finding:
        return f.model_copy(
            update={
                "line": f.line + by,
                "end_line": f.end_line + by if f.end_line else None,
                "message": f.message.replace(f"line {f.line}", f"line {f.line + by}"),
            }
        )

    return [c.model_copy(update={"findings": [moved(f) for f in c.findings]}) for c in checks]


def _swallow(line: int) -> RuleCheck:
    return RuleCheck(
        rule="catch-all-swallow",
        passed=False,
        findings=[
            finding("catch-all-swallow", line, SWALLOW.format(line)).model_copy(
                update={"severity": "warning"}
            )
        ],
    )


def _kinds(verdict: Verdict) -> list[tuple[str | None, str | None]]:
    return [(n.kind, n.requirement) for n in verdict.note_details]


# --------------------------------------------------------------------------- kinds


def test_requirement_notes_carry_their_requirement_severity_lines_and_evidence(
    user_flags: TaskSpec,
) -> None:
    checks, tests = seed_evidence(user_flags)
    verdict = score(user_flags, CODE, checks, tests)
    validation, catch, positive, *also = verdict.note_details
    assert [validation.text, catch.text] == SEED_NOTES == verdict.notes
    assert (validation.kind, validation.requirement) == ("requirement", "parameter-validation")
    assert validation.severity == "error"  # a gating requirement
    assert validation.lines == [2, 7, 8]  # where its rules' findings are
    assert "line 7: ActiveFlag is stored without a check." in validation.evidence
    assert any(e.startswith("test_missing_user_id_returns_50001") for e in validation.evidence)
    assert (catch.kind, catch.requirement, catch.severity) == (
        "requirement",
        "flag-code-not-in-catch",
        "error",  # its finding is an error
    )
    assert 12 in catch.lines
    # the met requirement, said as done well, last
    assert (positive.kind, positive.requirement, positive.severity) == (
        "positive",
        "user-not-found",
        "info",
    )
    assert [positive.text, *(n.text for n in also)] == verdict.positive_notes
    # a met requirement with no `met` template is said by the tests that show it
    assert all(n.kind == "positive" and n.text.startswith("The code passes the test") for n in also)


def test_a_rule_outside_any_requirement_gives_a_finding_note(user_flags: TaskSpec) -> None:
    verdict = score(user_flags, CODE, [*checks_for(user_flags, {}), _swallow(6)], run_of())
    (note,) = verdict.note_values()
    assert (note.kind, note.requirement, note.rule) == ("finding", None, "catch-all-swallow")
    assert note.severity == "warning" and note.lines == [6]
    assert note.evidence == [f"line 6: {SWALLOW.format(6)}"]


def test_a_shared_wrong_answer_is_a_root_cause_note(user_flags: TaskSpec) -> None:
    tests = truthy_flags_run()
    verdict = score(user_flags, CODE, checks_for(user_flags, {}), tests)
    cause, own = verdict.note_values()
    assert (cause.kind, cause.requirement) == ("root_cause", None)
    assert cause.severity == "error"  # it fails parameter validation too, which is gating
    assert any(e.startswith("test_success_saves_both_flags") for e in cause.evidence)
    assert (own.kind, own.requirement) == ("requirement", "parameter-validation")


def test_gaming_syntax_compile_run_and_no_code_notes_say_their_kind(user_flags: TaskSpec) -> None:
    equal = "Returned an object whose == is always true (line 4): an attempt to pass the tests."
    gaming = RuleCheck(
        rule="gaming-always-equal",
        passed=False,
        findings=[finding("gaming-always-equal", 4, equal)],
    )
    verdict = score(user_flags, CODE, [*checks_for(user_flags, {}), gaming], run_of())
    note = verdict.note_details[0]
    assert (note.kind, note.rule, note.severity, note.lines) == (
        "gaming",
        "gaming-always-equal",
        "error",
        [4],
    )

    syntax = RuleCheck(
        rule="syntax-error",
        passed=False,
        findings=[finding("syntax-error", 14, "The code does not parse (line 14).")],
    )
    verdict = score(user_flags, CODE, [*checks_for(user_flags, {}), syntax], run_of())
    assert _kinds(verdict)[0] == ("syntax", None)
    assert verdict.note_details[0].lines == [14]

    built = TestRun(status="compile_error", note="The code does not compile: x.py:3: bad thing")
    verdict = score(user_flags, CODE, checks_for(user_flags, {}), built)
    assert verdict.notes == ["The code does not compile: Bad thing at line 3."]
    assert _kinds(verdict) == [("compile", None)] and verdict.note_details[0].severity == "error"
    assert "test run status: compile_error" in verdict.note_details[0].evidence

    timeout = run_of(status="timeout", note="The tests timed out after 10 s.")
    verdict = score(user_flags, CODE, checks_for(user_flags, {}), timeout)
    assert _kinds(verdict) == [("run", None)]

    verdict = score(user_flags, Extraction(code=None, reason="no code block"), [], TestRun())
    assert _kinds(verdict) == [("no_code", None)]
    assert verdict.note_details[0].evidence == ["no code block"]


def test_newer_syntax_than_the_toolchain_builds_is_an_ungradable_note(
    user_flags: TaskSpec,
) -> None:
    csharp = user_flags.model_copy(update={"language": "csharp"})
    error = "Solution.cs(3,5): error CS8107: Feature `records' cannot be used in C# 7.0"
    verdict = score(csharp, CODE, [], TestRun(status="compile_error", note=error))
    assert verdict.ungradable and _kinds(verdict) == [("ungradable", None)]


# --------------------------------------------------------------------------- ids


def test_note_ids_stay_the_same_when_the_lines_move(user_flags: TaskSpec) -> None:
    checks, tests = seed_evidence(user_flags)
    first = score(user_flags, CODE, [*checks, _swallow(6)], tests)
    second = score(user_flags, CODE, [*_shifted(checks, 3), _swallow(9)], tests)
    assert [n.id for n in first.note_details] == [n.id for n in second.note_details]
    assert first.note_details[0].lines != second.note_details[0].lines
    swallowed = [n for n in second.note_details if n.kind == "finding"]
    assert swallowed[0].text == SWALLOW.format(9) != SWALLOW.format(6)  # the words move, too
    # ... and notes that say different things have different ids
    assert len({n.id for n in first.note_details}) == len(first.note_details)


def test_the_id_rule() -> None:
    ident = note_id("requirement", "parameter-validation", None, "Missing 50001 (line 3).")
    assert ident.startswith("requirement:parameter-validation:")
    assert ident == note_id("requirement", "parameter-validation", None, "missing 50001 (line 8)")
    assert ident != note_id("requirement", "parameter-validation", None, "Missing 50002 (line 3).")
    assert ident != note_id("finding", "parameter-validation", None, "Missing 50001 (line 3).")
    assert Note(text="Missing 50001 (line 3).", kind="requirement").id.startswith("requirement:-:")


# --------------------------------------------------------------------------- the JSON


def test_the_json_keeps_notes_as_strings_and_adds_note_details(user_flags: TaskSpec) -> None:
    checks, tests = seed_evidence(user_flags)
    data = json.loads(json.dumps(dump(score(user_flags, CODE, checks, tests))))
    assert data["notes"] == SEED_NOTES and all(isinstance(n, str) for n in data["positive_notes"])
    details = data["note_details"]
    assert [d["text"] for d in details] == data["notes"] + data["positive_notes"]
    assert set(details[0]) == {
        "id",
        "text",
        "kind",
        "requirement",
        "rule",
        "severity",
        "lines",
        "evidence",
    }
    again = SampleResult.model_validate({**data, "sample": 0, "model": "m", "completion": ""})
    assert again.note_details == score(user_flags, CODE, checks, tests).note_details


def test_notes_that_contradict_note_details_are_refused() -> None:
    note = Note(text="Said once.", kind="finding", severity="warning")
    with pytest.raises(ValidationError, match="do not say the same notes"):
        Verdict(
            task="t", language="python", score=0, passed=False, notes=["x"], note_details=[note]
        )
