"""``grade tasks new``: every language's scaffold lints clean and its reference passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import grade
from grader.errors import GraderError
from grader.tasks import load_task, load_tasks
from grader.tasks.scaffold import Names, scaffold_task
from grader.languages import LANGUAGES
from grader.types import TestJob


def test_names_in_each_spelling() -> None:
    names = Names("rate-limit-v2")
    assert (names.snake, names.camel, names.pascal) == ("rate_limit_v2", "rateLimitV2", "RateLimitV2")


@pytest.mark.parametrize("language", LANGUAGES)
def test_scaffold_loads_and_lints(tmp_path: Path, language: str) -> None:
    written = scaffold_task(tmp_path, "rate-limit", language)
    assert all(path.is_file() for path in written)
    task = load_task(tmp_path / "rate-limit" / f"{language}.yaml")
    assert task.id == f"rate-limit/{language}"
    assert task.reference is not None and task.reference.is_file()
    assert [path.name for path in task.tests] == [written[1].name]
    result = CliRunner().invoke(grade, ["tasks", "lint", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 of 1 specs ok" in result.output


def test_cli_new_writes_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(grade, ["tasks", "new", "coupon-code", "--language", "java", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "coupon-code" / "java.yaml").is_file()
    assert (tmp_path / "coupon-code" / "java" / "CouponCodeTest.java").is_file()
    assert load_task(tmp_path / "coupon-code" / "java.yaml").solution_file == "CouponCode.java"


def test_cli_refuses_to_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["tasks", "new", "x-task", "-l", "go", "--root", str(tmp_path)]
    assert runner.invoke(grade, args).exit_code == 0
    again = runner.invoke(grade, args)
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert runner.invoke(grade, [*args, "--force"]).exit_code == 0


@pytest.mark.parametrize("name", ["Bad", "two words", "-x", "x--y", "x/y", ""])
def test_bad_names_rejected(tmp_path: Path, name: str) -> None:
    with pytest.raises(GraderError):
        scaffold_task(tmp_path, name, "python")
    assert list(tmp_path.iterdir()) == []


def test_cli_help_lists_new() -> None:
    result = CliRunner().invoke(grade, ["tasks", "--help"])
    assert result.exit_code == 0
    assert "new" in result.output and "lint" in result.output


@pytest.mark.shared_cache  # runs TypeScript and Go: the set-up tooling
@pytest.mark.slow
def test_scaffolded_references_pass_their_example_test(tmp_path: Path) -> None:
    sandbox = pytest.importorskip("grader.sandbox")
    usable, reason = sandbox.sandbox_status()
    if not usable:
        pytest.skip(f"the sandbox cannot run here: {reason}")
    for language in LANGUAGES:
        scaffold_task(tmp_path, "starter-task", language)
    tasks, errors = load_tasks([tmp_path])
    assert errors == [] and len(tasks) == len(LANGUAGES)
    jobs = [
        TestJob(task_id=t.id, language=t.language, code=t.reference.read_text(), entry_point=t.entry_point,
                test_files=t.tests, solution_file=t.solution_file, timeout_s=60)
        for t in tasks
    ]
    for task, run in zip(tasks, sandbox.run_many(jobs, workers=2), strict=True):
        if run.status == "sandbox_error":
            continue  # that language's runner is not usable here; test_corpus reports it
        assert run.status == "ok" and run.passed == 1 and run.failed == 0, f"{task.id}: {run.status} {run.note} {run.output[-800:]}"
