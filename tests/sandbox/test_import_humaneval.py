"""``grade import humaneval``: 164 specs that load, and whose references pass in the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner
from sandbox_helpers import needs_sandbox

from grader import sandbox
from grader.cli.importers import import_group, register
from grader.importers import import_humaneval
from grader.tasks import load_tasks
from grader.types import TestJob


def _jobs(tasks, body: str | None = None) -> list[TestJob]:
    jobs = []
    for task in tasks:
        code = task.reference.read_text()
        if body is not None:
            prompt = task.prompt.split("\n\n", 1)[1]
            code = prompt + body
        jobs.append(
            TestJob(
                task_id=task.id,
                language="python",
                code=code,
                entry_point=task.entry_point,
                test_files=list(task.tests),
                timeout_s=task.limits.time_s,
            )
        )
    return jobs


def test_import_writes_164_loadable_specs(tmp_path: Path) -> None:
    written = import_humaneval(tmp_path / "he")
    assert len(written) == 164
    tasks, errors = load_tasks([tmp_path / "he"])
    assert errors == [] and len(tasks) == 164
    ids = {task.id for task in tasks}
    assert {"HumanEval/0", "HumanEval/163"} <= ids
    task = next(t for t in tasks if t.id == "HumanEval/38")
    assert task.language == "python" and task.entry_point == "decode_cyclic"
    assert task.reference.read_text().startswith(task.prompt.split("\n\n", 1)[1][:40])
    assert [r.id for r in task.requirements] == ["passes-tests"] and task.requirements[0].tests == [
        "check"
    ]
    test_text = task.tests[0].read_text()
    assert "def check(candidate)" in test_text and "check(decode_cyclic)" in test_text


@needs_sandbox
def test_references_pass_and_return_none_fails(tmp_path: Path) -> None:
    import_humaneval(tmp_path / "he")
    tasks, _ = load_tasks([tmp_path / "he"])
    sample = [t for t in tasks if int(t.id.split("/")[1]) % 16 == 0]  # 11 problems, spread out
    good = sandbox.run_many(_jobs(sample))
    assert [(r.status, r.passed, r.failed) for r in good] == [("ok", 1, 0)] * len(sample)
    bad = sandbox.run_many(_jobs(sample, "    return None\n"))
    assert sum(r.passed for r in bad) == 0


def test_cli_import_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(import_group, ["humaneval", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "wrote 164 HumanEval task specs" in result.output
    assert len(list((tmp_path / "out").glob("humaneval-*.yaml"))) == 164
    group = click.Group("grade")
    register(group)
    assert "import" in group.commands and group.commands["import"].help


def test_bad_data_file_is_a_clear_error(tmp_path: Path) -> None:
    from grader.cli import grade

    data = tmp_path / "broken.jsonl"
    data.write_text(json.dumps({"task_id": "HumanEval/0", "prompt": "x"}) + "\n")
    result = CliRunner().invoke(
        grade, ["import", "humaneval", str(tmp_path / "out"), "--data", str(data)]
    )
    assert result.exit_code == 2
    assert (
        "broken.jsonl: line 1: missing field(s) canonical_solution, entry_point, test"
        in result.output
    )
    assert "Traceback" not in result.output
