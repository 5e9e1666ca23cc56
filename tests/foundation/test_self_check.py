"""Each task's reference is graded first; a broken task is reported, not scored 0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import pipeline
from grader.cli import grade
from grader.store import load_run
from grader.tasks import load_task


@pytest.fixture
def task_copy(tmp_path: Path, user_flags_spec: Path) -> Path:
    folder = tmp_path / "tasks" / "user-flags"
    shutil.copytree(user_flags_spec.parent / "python", folder / "python")
    shutil.copy(user_flags_spec, folder / "python.yaml")
    (tmp_path / "rubrics").mkdir()
    shutil.copy(user_flags_spec.parents[2] / "rubrics" / "user-flags.yaml", tmp_path / "rubrics")
    return folder / "python.yaml"


def test_broken_reference_fails_the_task_loudly_with_exit_2(
    task_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRADER_CACHE", str(tmp_path / "cache"))
    reference = task_copy.parent / "python" / "reference.py"
    reference.write_text(reference.read_text().replace('"code": 50004', '"code": 40400'))
    replay = tmp_path / "replay.jsonl"
    replay.write_text(
        json.dumps({"task": "user-flags/python", "completion": "```python\nx = 1\n```"}) + "\n"
    )
    out = CliRunner().invoke(
        grade, ["run", str(task_copy), "--replay", str(replay), "--out", str(tmp_path / "run")]
    )
    assert out.exit_code == 2
    assert "the reference solution does not pass its own tests" in out.output
    assert "test_unknown_user_returns_50004" in out.output
    run = load_run(tmp_path / "run")
    assert run.results == [] and run.run["broken_tasks"] == ["user-flags/python"]


def test_passed_self_check_is_reused_until_the_task_changes(
    task_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRADER_CACHE", str(tmp_path / "cache"))
    task = load_task(task_copy)
    first = pipeline.check_references([task])[task.id]
    assert first.ok and first.reference is not None  # really ran
    again = pipeline.check_references([task])[task.id]
    assert again.ok and again.reference is None and again.timeout_s == first.timeout_s  # remembered
    assert pipeline.check_references([task], use_cache=False)[task.id].reference is not None
    tests = task_copy.parent / "python" / "test_user_flags.py"
    tests.write_text(tests.read_text() + "\n\ndef test_extra():\n    assert True\n")
    changed = load_task(task_copy)
    assert changed.version != task.version
    assert pipeline.check_references([changed])[changed.id].reference is not None  # checked afresh


def test_timeout_grows_with_a_slow_reference(task_copy: Path) -> None:
    task = load_task(task_copy)
    assert pipeline._timeout(task, 0.1) == task.limits.time_s
    assert pipeline._timeout(task, 100.0) == task.limits.calibrate_factor * 100.0


def test_rescore_records_a_task_broken_since_the_run(task_copy: Path, tmp_path: Path) -> None:
    """``run`` and ``rescore`` share one grading loop: both record broken tasks in run.json."""
    reference = task_copy.parent / "python" / "reference.py"
    replay = tmp_path / "replay.jsonl"
    replay.write_text(
        json.dumps(
            {"task": "user-flags/python", "completion": f"```python\n{reference.read_text()}```"}
        )
        + "\n"
    )
    runner = CliRunner()
    first = runner.invoke(
        grade, ["run", str(task_copy), "--replay", str(replay), "--out", str(tmp_path / "a")]
    )
    assert first.exit_code == 0, first.output
    reference.write_text(reference.read_text().replace('"code": 50004', '"code": 40400'))
    again = runner.invoke(grade, ["rescore", str(tmp_path / "a"), "--out", str(tmp_path / "b")])
    assert again.exit_code == 2, again.output
    rescored = load_run(tmp_path / "b")
    assert rescored.results == [] and rescored.run["broken_tasks"] == ["user-flags/python"]
    assert "does not pass its own tests" in " ".join(rescored.run["problems"])
