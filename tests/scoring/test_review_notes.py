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
