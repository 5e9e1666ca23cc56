"""Samples stream through the sandbox: results keep their order, self-checks and samples share
one runner, and a sandbox that stops answering costs one sample, not the run."""

from __future__ import annotations

import json
import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import pipeline, sandbox
from grader.cli import grade
from grader.extract import extract_code
from grader.store import load_run
from grader.tasks import load_task
from grader.types import TestRun


def _copy_task(tmp_path: Path, user_flags_spec: Path, name: str) -> Path:
    """The user-flags Python task under another id (tasks/<name>/python.yaml)."""
    folder = tmp_path / "tasks" / name
    shutil.copytree(user_flags_spec.parent / "python", folder / "python")
    spec = user_flags_spec.read_text().replace("id: user-flags/python", f"id: {name}/python")
    (folder / "python.yaml").write_text(spec)
    rubrics = tmp_path / "rubrics"
    rubrics.mkdir(exist_ok=True)
    shutil.copy(user_flags_spec.parents[2] / "rubrics" / "user-flags.yaml", rubrics)
    return folder / "python.yaml"


def _prepared(task, code: str) -> pipeline.Prepared:  # type: ignore[no-untyped-def]
    return pipeline.prepare(
        task, extract_code(f"```python\n{code}\n```", "python", task.entry_point), 30.0
    )


def test_results_come_back_in_the_order_samples_were_added(
    user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    task = load_task(user_flags_spec)
    reference = (user_flags_solutions / "reference.py").read_text()
    wrong = (user_flags_solutions / "wrong-seed.py").read_text()
    slow = "import time\ntime.sleep(1.5)\n" + reference  # finishes after the samples added later
    codes = [slow, wrong, reference, wrong]
    verdicts = pipeline.grade_many([_prepared(task, code) for code in codes], workers=2)
    assert [v.code.strip() for v in verdicts] == [c.strip() for c in codes]
    assert [v.tests.failed == 0 for v in verdicts] == [True, False, True, False]


def test_a_sandbox_that_stops_answering_times_out_one_sample(
    user_flags_spec: Path, user_flags_solutions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = load_task(user_flags_spec)
    reference = (user_flags_solutions / "reference.py").read_text()
    real_run = sandbox.run_tests
    release = threading.Event()

    def stuck_on_marker(job):  # type: ignore[no-untyped-def]
        if "STUCK" in job.code:
            release.wait(30)  # a sandbox that never answers (until the test ends)
            return TestRun(status="sandbox_error", note="too late")
        return real_run(job)

    monkeypatch.setattr(sandbox, "run_tests", stuck_on_marker)
    monkeypatch.setattr(pipeline, "GRACE_S", 0.5)
    monkeypatch.setattr(pipeline, "SETUP_S", 0.0)
    stuck = _prepared(task, "# STUCK\n" + reference)
    stuck = replace(stuck, job=stuck.job.model_copy(update={"timeout_s": 1.0}))
    items = [_prepared(task, reference), stuck, _prepared(task, reference)]
    started = time.monotonic()
    try:
        verdicts = pipeline.grade_many(items, workers=2)
    finally:
        release.set()
    assert time.monotonic() - started < 20
    assert verdicts[1].tests.status == "timeout" and verdicts[1].tests.timed_out
    assert "did not answer" in verdicts[1].tests.note
    assert not verdicts[1].passed
    assert verdicts[0].tests.status == "ok" and verdicts[2].tests.status == "ok"
    assert verdicts[0].tests.failed == 0 and verdicts[2].tests.failed == 0


def test_a_broken_task_among_good_ones_costs_only_its_own_samples(
    tmp_path: Path, user_flags_spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRADER_CACHE", str(tmp_path / "cache"))
    good = _copy_task(tmp_path, user_flags_spec, "good")
    bad = _copy_task(tmp_path, user_flags_spec, "bad")
    reference = bad.parent / "python" / "reference.py"
    reference.write_text(reference.read_text().replace('"code": 50004', '"code": 40400'))
    solution = (good.parent / "python" / "reference.py").read_text()
    replay = tmp_path / "replay.jsonl"
    replay.write_text(
        "".join(
            json.dumps(
                {"task": f"{name}/python", "completion": f"```python\n{solution}\n```", "sample": s}
            )
            + "\n"
            for name in ("bad", "good")
            for s in range(3)
        )
    )
    out = CliRunner().invoke(
        grade,
        ["run", str(tmp_path / "tasks"), "--replay", str(replay), "--out", str(tmp_path / "run")],
    )
    assert out.exit_code == 2, out.output
    assert "bad/python" in out.output and "does not pass its own tests" in out.output
    run = load_run(tmp_path / "run")
    assert [(r.task, r.sample) for r in run.results] == [("good/python", s) for s in range(3)]
    assert all(r.passed for r in run.results)
    assert run.run["broken_tasks"] == ["bad/python"]


class _RecordingRunner:
    """Stands in for the sandbox where only the order of submissions is under test."""

    workers = 2

    def __init__(self) -> None:
        self.submitted: list[str] = []

    def submit(self, job):  # type: ignore[no-untyped-def]
        from concurrent.futures import Future

        self.submitted.append(job.code)
        future: Future[TestRun] = Future()
        future.set_result(TestRun(status="ok", passed=1))
        return future


def test_held_samples_wait_for_a_full_batch_so_generation_runs_alone(
    user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    task = load_task(user_flags_spec)
    codes = [
        f"# sample {i}\n" + (user_flags_solutions / "reference.py").read_text() for i in range(5)
    ]
    runner, done = _RecordingRunner(), []
    grading = pipeline.Grading(runner, lambda _p, verdict, _c: done.append(verdict), hold=2)  # type: ignore[arg-type]
    grading.add(_prepared(task, codes[0]))
    assert runner.submitted == [] and done == []  # held: the model may still be generating
    grading.add(_prepared(task, codes[1]))
    assert len(runner.submitted) == 2 and len(done) == 2  # a full batch ran, and add waited for it
    grading.add(_prepared(task, codes[2]))
    assert len(runner.submitted) == 2
    grading.finish()
    assert len(runner.submitted) == 3 and [v.code.split("\n")[0] for v in done] == [
        f"# sample {i}" for i in range(3)
    ]
    streaming = pipeline.Grading(runner, lambda _p, verdict, _c: done.append(verdict))  # type: ignore[arg-type]
    streaming.add(_prepared(task, codes[3]))
    assert len(runner.submitted) == 4  # no hold: its tests start at once


def test_a_fault_in_the_sandbox_code_costs_one_sample(
    user_flags_spec: Path, user_flags_solutions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = load_task(user_flags_spec)
    reference = (user_flags_solutions / "reference.py").read_text()
    real_run = sandbox.run_tests

    def broken_on_marker(job):  # type: ignore[no-untyped-def]
        if "BROKEN" in job.code:
            raise RuntimeError("a bug in a runner")
        return real_run(job)

    monkeypatch.setattr(sandbox, "run_tests", broken_on_marker)
    verdicts = pipeline.grade_many(
        [_prepared(task, reference), _prepared(task, "# BROKEN\n" + reference)]
    )
    assert verdicts[0].tests.status == "ok" and verdicts[0].tests.failed == 0
    assert (
        verdicts[1].tests.status == "sandbox_error"
        and "a bug in a runner" in verdicts[1].tests.note
    )
    assert not verdicts[1].passed
