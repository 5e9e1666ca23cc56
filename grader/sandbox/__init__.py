"""The only door through which generated code runs.

``run_tests`` runs one task's tests on one piece of code inside a bubblewrap sandbox
(see ``policy``) and always answers with a ``TestRun``: whatever the code does becomes a
status (timeout, memory, crash, fork_bomb, output_flood, no_tests, compile_error) with a
plain-words note. Samples run in warm sandboxed workers that fork once per sample
(``zygote``), so the per-sample cost is a fork, not an interpreter start-up.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from grader.errors import SandboxUnavailable
from grader.sandbox import policy, test_run
from grader.sandbox.pool import POOL, WorkerDied
from grader.sandbox.runners import RUNNERS
from grader.sandbox.runners.base import RESULTS_DIR
from grader.types import TestJob, TestRun

FLOOD_BYTES = 8 << 20  # output beyond this stops the run (8 MB)
FSIZE_MB = 64
WORK_MB = 256
TMP_MB = 128

_unsafe = False
_unsafe_lock = threading.Lock()


def allow_unsafe_no_sandbox(flag: bool) -> None:
    """Allow running without namespaces where bubblewrap cannot make them (``--unsafe-no-sandbox``)."""
    global _unsafe
    with _unsafe_lock:
        _unsafe = bool(flag)


def sandbox_status() -> tuple[bool, str]:
    """``(usable, reason)``: whether bubblewrap can isolate code on this machine."""
    return policy.probe()


def _isolate() -> bool:
    usable, reason = sandbox_status()
    if usable:
        return True
    if _unsafe:
        return False
    raise SandboxUnavailable(
        f"the sandbox cannot isolate code here: {reason}. Install bubblewrap, or pass "
        "--unsafe-no-sandbox to run generated code without isolation."
    )


def _job_dict(job: TestJob, plan: Any) -> dict[str, Any]:
    files = dict(plan.files)
    files.setdefault(f"{RESULTS_DIR}/.keep", "")
    timeout = float(job.timeout_s)
    return {
        "files": files,
        "steps": plan.steps,
        "result_files": plan.result_files,
        "overlays": plan.overlays,
        "timeout_s": timeout,
        "cpu_s": max(1, int(timeout) + 1),
        "nproc": plan.nproc,
        "fsize_mb": FSIZE_MB,
        "work_mb": WORK_MB,
        "tmp_mb": TMP_MB,
        "flood_bytes": FLOOD_BYTES,
        "preload": plan.preload,
    }


def run_tests(job: TestJob) -> TestRun:
    """Run ``job``'s tests on its code in the sandbox. Never raises for what the code does."""
    isolate = _isolate()
    try:
        runner = RUNNERS.get(job.language)
    except KeyError as error:
        return TestRun(status="sandbox_error", note=str(error), timeout_s=job.timeout_s)
    try:
        plan = runner.plan(job)
    except (OSError, UnicodeDecodeError) as error:
        return TestRun(
            status="sandbox_error",
            note=f"could not prepare the tests: {error}",
            timeout_s=job.timeout_s,
        )
    try:
        report = POOL.run(_job_dict(job, plan), isolate)
    except WorkerDied as error:
        return TestRun(
            status="sandbox_error",
            note=f"The sandbox worker failed: {error}",
            timeout_s=job.timeout_s,
        )
    parsed = runner.parse(report, plan)
    return test_run.build(
        report,
        parsed,
        timeout_s=job.timeout_s,
        memory_mb=job.memory_mb,
        nproc=plan.nproc,
        flood_bytes=FLOOD_BYTES,
    )


class Sandbox:
    """Test runs in flight: each job starts as soon as it is submitted, ``workers`` at a
    time, in submission order. Warm workers start in the background when the runner is
    made, so their start-up overlaps whatever the caller does next."""

    def __init__(self, workers: int = 2) -> None:
        self.workers = max(1, workers)
        isolate = _isolate()
        POOL.warm_async(self.workers, isolate)
        self._threads = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="sandbox")

    def submit(self, job: TestJob) -> Future[TestRun]:
        return self._threads.submit(run_tests, job)

    def close(self) -> None:
        """Stop taking jobs; those already running finish on their own threads."""
        self._threads.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def warm_up(workers: int = 2) -> None:
    """Start ``workers`` warm workers now, without waiting, so their start-up overlaps the
    caller's own (task loading); a ``Sandbox`` made later takes them. Nothing happens where
    the sandbox is unavailable: the ``Sandbox`` made later says why, if one is needed."""
    with contextlib.suppress(SandboxUnavailable):
        POOL.warm_async(max(1, workers), _isolate())


def run_many(jobs: Sequence[TestJob], workers: int = 2) -> list[TestRun]:
    """``run_tests`` for each job, ``workers`` at a time; results in the order of ``jobs``."""
    if not jobs:
        return []
    with Sandbox(min(workers, len(jobs))) as runner:
        futures = [runner.submit(job) for job in jobs]
        return [future.result() for future in futures]


__all__ = [
    "Sandbox",
    "allow_unsafe_no_sandbox",
    "run_many",
    "run_tests",
    "sandbox_status",
    "warm_up",
]
