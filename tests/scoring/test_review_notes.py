"""The review rules' facts are notes on code that fails, and findings only on code that passes."""

from __future__ import annotations

from scoring_builders import REPO

from grader.pipeline import grade_code
from grader.tasks.loader import load_task

TASK = REPO / "tasks" / "user-flags" / "python.yaml"
UNUSED = "The code sets updated at line 32 but never uses it."


def test_failing_code_is_told_the_value_it_dropped() -> None:
    code = REPO / "tests" / "corpus" / "user-flags" / "python" / "wrong-08-flags-not-set.py"
    verdict, _ = grade_code(load_task(TASK), code=code.read_text(encoding="utf-8"))
    assert not verdict.passed
    said = [n.text for n in verdict.note_details]
    assert UNUSED in said
    # after what the tests saw of the requirement it breaks
    assert said.index(UNUSED) > 0
    assert [n.severity for n in verdict.note_details if n.text == UNUSED] == ["warning"]


def test_passing_code_keeps_the_fact_as_a_finding_not_a_note() -> None:
    reference = (REPO / "tasks" / "user-flags" / "python" / "reference.py").read_text(
        encoding="utf-8"
    )
    head, tail = reference.split("    try:\n", 1)
    code = f"{head}    spare = 2 * 3\n    try:\n{tail}"
    verdict, _ = grade_code(load_task(TASK), code=code)
    assert verdict.passed
    assert [f.message for f in verdict.findings if f.rule == "review-unused-variable"] == [
        f"The code sets spare at line {head.count(chr(10)) + 1} but never uses it."
    ]
    assert not any("spare" in n.text for n in verdict.note_details)


def test_a_replaced_parameter_behind_the_error_is_said_before_it() -> None:
    reference = (REPO / "tasks" / "search-users" / "python" / "reference.py").read_text(
        encoding="utf-8"
    )
    # the connection the tests hand in is dropped for a fresh, empty database
    head, sep, tail = reference.partition(") -> list:\n")
    code = f"import sqlite3\n{head}{sep}    conn = sqlite3.connect(':memory:')\n{tail}"
    verdict, _ = grade_code(load_task(REPO / "tasks" / "search-users" / "python.yaml"), code=code)
    assert not verdict.passed
    kinds = [(n.kind, n.rule) for n in verdict.note_details]
    assert kinds[0] == ("finding", "review-replaced-parameter"), verdict.notes
    assert verdict.notes[0].startswith("The code replaces its parameter conn at line"), (
        verdict.notes
    )
    assert kinds[1][0] == "root_cause" and "no such table" in verdict.notes[1], verdict.notes
