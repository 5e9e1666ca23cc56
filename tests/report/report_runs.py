"""Sample results and run directories for the report tests, written through the real RunStore."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from seed_samples import BAD_CODE, CATCH_NOTE, TASK, VALIDATION_NOTE  # noqa: F401 - re-exported

from grader.store import RunStore
from grader.types import Finding, Generation, RequirementVerdict, SampleResult, TestCase, TestRun

OTHER_TASK = "split-bill/python"
GOOD_CODE = (
    "def update_user_flags(request: dict, repo) -> dict:\n"
    '    user_id = request.get("UserId")\n'
    '    if user_id is None or user_id == "":\n'
    '        return {"code": 50001, "message": "UserId is required"}\n'
    "    try:\n"
    "        user = repo.find(user_id)\n"
    "        repo.save(user)\n"
    "    except Exception as error:  # keep the error text\n"
    '        return {"code": 50000, "message": str(error)}\n'
    '    return {"code": 0, "message": \'OK\'}\n'
)
GOOD_NOTE = (
    "Wrapped the repository update in a try...catch that returns 50000 with the error's text."
)
# Markup a model (or anything in a run) might write; none of it may run in the report.
INJECTION = (
    "</script><script>window.__pwned = 1; alert(1)</script>"
    '<img src=x onerror="window.__pwned = 2"><svg onload="window.__pwned = 3"></svg>'
)
EVIL_MODEL = "<img src=x onerror=window.__pwned=4>evil-model"
EVIL_NOTE = "Returned <script>window.__pwned=5</script> & <b>bold</b> from the catch."


def requirement(
    rid: str, status: str, evidence: Sequence[str] = (), gating: bool = False
) -> RequirementVerdict:
    credit = {"met": 1.0, "partial": 0.5, "unmet": 0.0}[status]
    return RequirementVerdict(
        id=rid,
        met=status == "met",
        status=status,
        credit=credit,
        weight=1.0,
        gating=gating,
        evidence=list(evidence),
    )


def generation(tps: float) -> dict[str, Any]:
    return dict(
        completion_tokens=200,
        prompt_tokens=150,
        seconds=round(200 / tps, 2),
        tokens_per_second=tps,
        ttft_s=0.08,
        generation=Generation(text="", finish_reason="stop", seed=7, template="chatml"),
    )


def good(task: str = TASK, model: str = "model-a", sample: int = 0, **extra: Any) -> SampleResult:
    values: dict[str, Any] = dict(
        task=task,
        language="python",
        score=100.0,
        passed=True,
        sample=sample,
        model=model,
        prompt="Write update_user_flags(request, repo).",
        completion=f"Here is the function:\n```python\n{GOOD_CODE}```\nIt validates first.",
        code=GOOD_CODE,
        task_version="v1",
        requirements=[
            requirement(
                "parameter-validation", "met", ["test_missing_user_id passed"], gating=True
            ),
            requirement("update-in-try", "met", ["update-in-try: holds"]),
        ],
        tests=TestRun(
            passed=3,
            status="ok",
            duration_s=0.4,
            cases=[
                TestCase(name="test_missing_user_id", outcome="passed", duration_s=0.01),
                TestCase(name="test_save_failure", outcome="passed", duration_s=0.01),
                TestCase(name="test_success", outcome="passed", duration_s=0.01),
            ],
        ),
        positive_notes=[GOOD_NOTE],
        **generation(150.0),
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
        prompt="Write update_user_flags(request, repo).",
        completion=f"```python\n{BAD_CODE}```",
        code=BAD_CODE,
        task_version="v1",
        requirements=[
            requirement(
                "parameter-validation",
                "unmet",
                ["line 1: no validation branch", "test_missing_user_id failed: assert 0 == 50001"],
                gating=True,
            ),
            requirement(
                "update-in-try", "partial", ["update-in-try: holds", "line 7: catch returns 50003"]
            ),
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
                requirement="update-in-try",
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
        tests=TestRun(
            passed=1,
            failed=2,
            status="ok",
            duration_s=0.5,
            output="FAILED test_missing_user_id\n",
            cases=[
                TestCase(
                    name="test_missing_user_id",
                    outcome="failed",
                    message="AssertionError: assert 0 == 50001",
                    duration_s=0.02,
                ),
                TestCase(
                    name="test_save_failure",
                    outcome="failed",
                    message="AssertionError: assert 50003 == 50000",
                    duration_s=0.02,
                ),
                TestCase(name="test_success", outcome="passed", duration_s=0.01),
            ],
        ),
        notes=[VALIDATION_NOTE, CATCH_NOTE],
        **generation(90.0),
    )
    values.update(extra)
    return SampleResult(**values)


def evil(sample: int = 0) -> SampleResult:
    """A sample whose every free-text field carries markup."""
    return bad(
        model=EVIL_MODEL,
        sample=sample,
        task=TASK,
        completion=f"Sure! {INJECTION}\n```python\n# {INJECTION}\n{BAD_CODE}```\n{INJECTION}",
        code=f"# {INJECTION}\n{BAD_CODE}",
        notes=[EVIL_NOTE, VALIDATION_NOTE],
        prompt=f"Prompt with {INJECTION}",
        findings=[
            Finding(
                rule="validation-branch",
                severity="error",
                line=1,
                column=1,
                message=f"Comment holds {INJECTION}",
                text=INJECTION,
            )
        ],
        tests=TestRun(
            failed=1,
            status="ok",
            output=INJECTION,
            cases=[TestCase(name=f"test_{INJECTION}", outcome="failed", message=INJECTION)],
        ),
        requirements=[requirement("parameter-validation", "unmet", [INJECTION], gating=True)],
    )


def write_run(
    path: Path,
    results: Sequence[SampleResult],
    *,
    run_id: str | None = None,
    titles: dict[str, str] | None = None,
) -> Path:
    tasks = list(dict.fromkeys(r.task for r in results))
    models = list(dict.fromkeys(r.model for r in results))
    run = {
        "id": run_id or path.name,
        "tasks": [
            {
                "id": t,
                "language": "python",
                "title": (titles or {}).get(t, f"Title of {t}"),
                "version": "v1",
            }
            for t in tasks
        ],
        "models": [{"name": m, "backend": "replay"} for m in models],
        "settings": {"samples": 2, "template": "chatml", "max_tokens": 1024},
        "throughput": {"tokens_per_second_median": 120.0},
    }
    store = RunStore.create(path, run)
    for result in results:
        store.append(result)
    return path


def current_results() -> list[SampleResult]:
    """Two models on two tasks, two samples each, plus one sample full of markup."""
    return [
        good(model="model-a", sample=0),
        bad(model="model-a", sample=1),
        bad(model="model-b", sample=0),
        good(model="model-b", sample=1),
        good(task=OTHER_TASK, model="model-a", sample=0),
        good(task=OTHER_TASK, model="model-b", sample=0, score=90.0),
        evil(),
    ]


def baseline_results() -> list[SampleResult]:
    """The same keys a run earlier: model-a sample 1 passed then (so it regressed now)."""
    return [
        good(model="model-a", sample=0),
        good(model="model-a", sample=1, notes=["An older note that is gone now."], passed=True),
        bad(model="model-b", sample=0, notes=[VALIDATION_NOTE]),
        bad(model="model-b", sample=1, score=55.0),
        good(task=OTHER_TASK, model="model-a", sample=0),
        good(task=OTHER_TASK, model="model-b", sample=0, score=95.0),
    ]
