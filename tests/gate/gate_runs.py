"""Sample results for the gate tests: a correct solution and the seed's mistakes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from seed_samples import BAD_CODE, CATCH_NOTE, TASK, VALIDATION_NOTE  # noqa: F401 - re-exported

from grader.types import Finding, RequirementVerdict, SampleResult

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "tasks" / "user-flags" / "python.yaml"
GOOD_CODE = "def update_user_flags(request, repo):\n    return {'code': 0, 'message': 'ok'}\n"


def requirement(rid: str, met: bool, gating: bool = False) -> RequirementVerdict:
    return RequirementVerdict(
        id=rid,
        met=met,
        status="met" if met else "unmet",
        credit=1.0 if met else 0.0,
        weight=1.0,
        gating=gating,
    )


def good(task: str = TASK, model: str = "model-a", sample: int = 0, **extra: Any) -> SampleResult:
    values: dict[str, Any] = dict(
        task=task,
        language="python",
        score=100.0,
        passed=True,
        sample=sample,
        model=model,
        completion=f"```python\n{GOOD_CODE}```",
        code=GOOD_CODE,
        task_version="v1",
        requirements=[
            requirement("parameter-validation", True, gating=True),
            requirement("flag-code-not-in-catch", True),
        ],
    )
    values.update(extra)
    return SampleResult(**values)


def bad(task: str = TASK, model: str = "model-a", sample: int = 0, **extra: Any) -> SampleResult:
    """The seed's mistakes: no parameter validation, 50003 returned from the catch."""
    values: dict[str, Any] = dict(
        task=task,
        language="python",
        score=40.0,
        passed=False,
        sample=sample,
        model=model,
        completion=f"```python\n{BAD_CODE}```",
        code=BAD_CODE,
        task_version="v1",
        requirements=[
            requirement("parameter-validation", False, gating=True),
            requirement("flag-code-not-in-catch", False),
        ],
        findings=[
            Finding(
                rule="validation-branch",
                severity="error",
                line=1,
                column=1,
                end_line=8,
                end_column=37,
                message="No validation branch returns error code 50001 before the first repository call.",
                requirement="parameter-validation",
            ),
            Finding(
                rule="validation-code-in-catch",
                severity="error",
                line=7,
                column=26,
                end_line=7,
                end_column=31,
                message="Used error code 50003 within the try...catch block (line 7).",
                text="50003",
                requirement="flag-code-not-in-catch",
            ),
            Finding(
                rule="flag-assigned-unchecked",
                severity="warning",
                line=4,
                column=9,
                end_line=4,
                end_column=51,
                message="Assigned ActiveFlag (line 4) without checking its value first.",
                requirement="parameter-validation",
            ),
        ],
        notes=[VALIDATION_NOTE, CATCH_NOTE],
    )
    values.update(extra)
    return SampleResult(**values)


MakeRun = Callable[..., Path]
