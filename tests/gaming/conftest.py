"""The task corpus and the 164 HumanEval problems, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from gaming_suite import TASKS

from grader.importers import import_humaneval
from grader.tasks import load_tasks
from grader.types import TaskSpec


@pytest.fixture(scope="session")
def corpus() -> list[TaskSpec]:
    tasks, errors = load_tasks([TASKS])
    assert not errors and tasks
    return tasks


@pytest.fixture(scope="session")
def humaneval(tmp_path_factory: pytest.TempPathFactory) -> list[TaskSpec]:
    folder: Path = tmp_path_factory.mktemp("humaneval")
    import_humaneval(folder)
    tasks, errors = load_tasks([folder])
    assert not errors and len(tasks) == 164
    return tasks
