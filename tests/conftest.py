"""Shared fixtures: a private cache per test, and paths to the repo's reference task.

Every test gets its own empty ``GRADER_CACHE`` (a tmp dir), so nothing a test sees depends on
earlier runs: self-checks, generations and compiled templates start cold. A test that needs the
tooling ``make setup`` / ``grade model pull`` put into the shared cache (the embedded model in
``models/``, the TypeScript compiler in ``node/``, Go's build cache in ``go-build/``) opts in
with ``@pytest.mark.shared_cache`` or the ``shared_cache`` fixture. The shared cache is the
``GRADER_CACHE`` the suite was started with, else ``~/.cache/grader``, else (an empty or
throw-away ``HOME``) the account's real home from the password database, where set-up ran.
"""

from __future__ import annotations

import os
import pwd
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
USER_FLAGS = REPO / "tasks" / "user-flags"


def _shared_cache_root() -> Path:
    if os.environ.get("GRADER_CACHE"):
        return Path(os.environ["GRADER_CACHE"])
    candidates = [Path.home(), Path(pwd.getpwuid(os.getuid()).pw_dir)]
    roots = [home / ".cache" / "grader" for home in candidates]
    # the one set-up filled (a throw-away HOME may hold a cache some test run left behind)
    return next((root for root in roots if (root / "node").is_dir()), roots[0])


SHARED_CACHE = _shared_cache_root()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "shared_cache: use the shared grader cache (set-up tooling, pulled models)"
    )


@pytest.fixture(autouse=True)
def private_cache(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """This test's own ``GRADER_CACHE``; the shared one for ``shared_cache`` tests."""
    root = (
        SHARED_CACHE
        if request.node.get_closest_marker("shared_cache")
        else tmp_path_factory.mktemp("grader-cache")
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRADER_CACHE", str(root))
        yield root


@pytest.fixture(scope="session")
def shared_cache_root() -> Path:
    """Where the shared cache is, for fixtures wider than one test (a loaded model)."""
    return SHARED_CACHE


@pytest.fixture
def shared_cache(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Opt in to the shared cache (the tooling and models set-up installed)."""
    monkeypatch.setenv("GRADER_CACHE", str(SHARED_CACHE))
    return SHARED_CACHE


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def user_flags_spec() -> Path:
    return USER_FLAGS / "python.yaml"


@pytest.fixture
def user_flags_solutions() -> Path:
    return USER_FLAGS / "python"
