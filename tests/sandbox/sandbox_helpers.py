"""Helpers for the sandbox tests: run code against inline test files in the real sandbox."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from grader import sandbox
from grader.sandbox import policy
from grader.sandbox.pool import POOL
from grader.types import TestJob, TestRun

usable, reason = sandbox.sandbox_status()
needs_sandbox = pytest.mark.skipif(not usable, reason=f"no sandbox here: {reason}")


def make_job(
    tmp_path: Path,
    language: str,
    code: str,
    tests: dict[str, str],
    *,
    entry_point: str = "attack",
    support: dict[str, str] | None = None,
    timeout_s: float = 5.0,
    memory_mb: int = 512,
    solution_file: str | None = None,
) -> TestJob:
    folder = tmp_path / f"task-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    test_paths, support_paths = [], []
    for name, text in tests.items():
        (folder / name).write_text(text)
        test_paths.append(folder / name)
    for name, text in (support or {}).items():
        (folder / name).write_text(text)
        support_paths.append(folder / name)
    return TestJob(
        task_id="t",
        language=language,
        code=code,
        entry_point=entry_point,
        test_files=test_paths,
        support_files=support_paths,
        timeout_s=timeout_s,
        memory_mb=memory_mb,
        solution_file=solution_file,
    )


# The hostile programs' contract: the test asserts the attack *succeeded*, so a contained
# attack is also a failing grade.
ATTACK_TEST = (
    "from solution import attack\n\ndef test_attack_succeeds():\n    assert attack() == 'escaped'\n"
)


def run_python(
    tmp_path: Path,
    code: str,
    *,
    test: str = ATTACK_TEST,
    timeout_s: float = 5.0,
    memory_mb: int = 512,
) -> TestRun:
    return sandbox.run_tests(
        make_job(
            tmp_path,
            "python",
            code,
            {"test_attack.py": test},
            timeout_s=timeout_s,
            memory_mb=memory_mb,
        )
    )


def worker_uids() -> set[int]:
    """Host uids of this process's sample processes (none to check in user-namespace mode)."""
    if policy.use_userns():
        return set()
    return {worker.uid for worker in POOL._all}


def leftover_processes(grace_s: float = 3.0) -> list[str]:
    """Host processes still running as a sandbox worker's sample uid (after a grace period)."""
    uids = worker_uids()
    if not uids:
        return []
    deadline = time.monotonic() + grace_s
    while True:
        found = []
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    if os.stat(f"/proc/{name}").st_uid in uids:
                        found.append(name)
                except OSError:
                    continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def graded_failing(run: TestRun) -> bool:
    return run.status != "ok" or run.passed == 0 or run.failed > 0 or run.errors > 0
