"""Shared fixtures: paths to the repo's reference task and its solutions."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
USER_FLAGS = REPO / "tasks" / "user-flags"


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def user_flags_spec() -> Path:
    return USER_FLAGS / "python.yaml"


@pytest.fixture
def user_flags_solutions() -> Path:
    return USER_FLAGS / "python"
