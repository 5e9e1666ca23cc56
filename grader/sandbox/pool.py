"""Warm workers: one long-lived sandboxed zygote per slot, reused across samples and calls.

Each worker holds a unique unprivileged uid (60001 and up, claimed with a lock file so two
grader processes on one machine never share one: the process limit counts per uid).
A worker that stops answering is killed and replaced; its sample gets a sandbox_error.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from grader.sandbox import policy

UID_BASE = 60001
UID_COUNT = 1000
LOCK_DIR = Path(tempfile.gettempdir()) / "grader-sandbox-uids"
START_TIMEOUT_S = 60.0
# What every worker imports before its first sample: the Python runner and what pytest's
# rewritten assertions import. The rest of pytest (for files that need ``pytest.main``) and
# hypothesis are loaded by a worker the first time a job asks for them: a smaller zygote
# forks faster, twice per sample.
PRELOAD = ["_pybridge", "_python_harness", "_pytest.assertion.rewrite"]


def _stderr() -> Any:
    """Where the zygote's own errors go: ``$GRADER_SANDBOX_LOG`` (appended) or nowhere."""
    target = os.environ.get("GRADER_SANDBOX_LOG")
    return open(target, "a") if target else subprocess.DEVNULL  # noqa: SIM115


class WorkerDied(RuntimeError):
    pass


def _claim_uid() -> tuple[int, IO[str]]:
    LOCK_DIR.mkdir(mode=0o755, exist_ok=True)
    start = os.getpid() % UID_COUNT
    for step in range(UID_COUNT):
        uid = UID_BASE + (start + step) % UID_COUNT
        handle = open(LOCK_DIR / f"{uid}.lock", "a")  # noqa: SIM115 (held for the worker's life)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        return uid, handle
    raise WorkerDied("no free sandbox uid (60001-61000 all in use)")


def _processes_of(uid: int) -> int:
    count = 0
    for name in os.listdir("/proc"):
        if name.isdigit():
            with contextlib.suppress(OSError):
                count += os.stat(f"/proc/{name}").st_uid == uid
    return count


def extra_mounts() -> dict[str, Path]:
    """Warm, read-only caches the runners need inside (inside path -> host folder)."""
    from grader.sandbox.runners.cache import cache_mounts

    return cache_mounts()


class Worker:
    def __init__(self, isolate: bool) -> None:
        self.isolate = isolate
        self.mounts = extra_mounts() if isolate else {}
        if isolate and policy.use_userns():
            self.uid, self._lock = policy.USERNS_UID, None
        elif os.geteuid() != 0:
            self.uid, self._lock = os.geteuid(), None
        else:
            self.uid, self._lock = _claim_uid()
        self.scratch: Path | None = None
        config: dict[str, Any] = {"preload": PRELOAD}
        python = str(policy.python_executable())
        if isolate:
            config["sys_path"] = policy.inside_sys_path()
            config["template"] = True  # the solutions' processes fork from it (zygote.py)
            zygote = str(policy.INSIDE_CODE / "zygote.py")
            command = policy.bwrap_command(
                self.mounts, [python, "-I", "-S", "-B", zygote, json.dumps(config)]
            )
            env = {"PATH": policy.PATH}
        else:
            config["sys_path"] = [str(policy.SANDBOX_DIR)] + [str(p) for p in policy.site_dirs()]
            zygote = str(policy.SANDBOX_DIR / "zygote.py")
            command = [python, "-I", "-S", "-B", zygote, json.dumps(config)]
            env = {"PATH": policy.PATH, "HOME": "/tmp", "LANG": "C.UTF-8"}
            self.scratch = Path(tempfile.mkdtemp(prefix="grader-unsafe-"))
            os.chmod(self.scratch, 0o711)
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=_stderr(),
            env=env,
            start_new_session=True,
            text=True,
            bufsize=1,
        )
        hello = self._read_line(START_TIMEOUT_S)
        if not hello.get("ready"):
            self.close()
            raise WorkerDied("the sandbox worker did not start")
        self.count = 0

    def fits(self, isolate: bool) -> bool:
        """Whether this worker can take a job: same isolation, and the caches it mounted are
        still the ones ``GRADER_CACHE`` names (tests switch it between runs)."""
        return self.isolate == isolate and (not isolate or self.mounts == extra_mounts())

    def _read_line(self, timeout: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.close()
            raise WorkerDied("the sandbox worker stopped answering")
        return json.loads(line)

    def run(self, job: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.count += 1
        job = dict(job, id=self.count, uid=self.uid, isolate=self.isolate)
        if os.geteuid() != 0:  # the process limit counts all of this user's processes
            job["nproc"] += _processes_of(os.geteuid())
        work = None
        if self.isolate:
            job["work"] = policy.WORK
        else:
            work = Path(tempfile.mkdtemp(dir=self.scratch))
            os.chmod(work, 0o711)
            job["work"] = str(work / "w")
        try:
            self.proc.stdin.write(json.dumps(job) + "\n")
            self.proc.stdin.flush()
            reply = self._read_line(job["timeout_s"] + 30.0)
        except (BrokenPipeError, OSError, ValueError) as error:
            self.close()
            raise WorkerDied(f"the sandbox worker failed: {error}") from error
        finally:
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
        if reply.get("id") != self.count:
            self.close()
            raise WorkerDied("the sandbox worker answered out of turn")
        return reply

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.killpg(self.proc.pid, 9)
        with contextlib.suppress(Exception):
            self.proc.wait(timeout=5)
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(Exception):
                stream.close()  # type: ignore[union-attr]
        if self._lock is not None:
            self._lock.close()
            self._lock = None
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


# bwrap --die-with-parent ties the worker's life to the *thread* that started it, so every
# worker is started from these long-lived threads, never from a short-lived one.
_SPAWNER = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sandbox-spawner")


class Pool:
    """Idle warm workers, handed out one job at a time."""

    def __init__(self) -> None:
        self._idle: list[Worker] = []
        self._starting: list[Future[Worker]] = []  # started by warm_async, not yet handed out
        self._lock = threading.Lock()
        self._all: list[Worker] = []

    def acquire(self, isolate: bool) -> Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive() and worker.fits(isolate):
                    return worker
                worker.close()  # its uid goes back to the machine: forget it here too
                if worker in self._all:
                    self._all.remove(worker)
            starting = self._starting.pop(0) if self._starting else None
        if starting is not None:  # a worker on its way: wait for it rather than start another
            with contextlib.suppress(WorkerDied, OSError):
                worker = starting.result()
                if worker.fits(isolate):
                    return worker
                self.release(worker)
        return _SPAWNER.submit(self._start, isolate).result()

    def release(self, worker: Worker) -> None:
        with self._lock:
            if worker.alive():
                self._idle.append(worker)
            elif worker in self._all:
                self._all.remove(worker)

    def run(self, job: dict[str, Any], isolate: bool) -> dict[str, Any]:
        worker = self.acquire(isolate)
        try:
            return worker.run(job)
        finally:
            self.release(worker)

    def _missing(self, count: int, isolate: bool) -> int:
        ready = len([w for w in self._idle if w.alive() and w.fits(isolate)])
        return count - ready - len(self._starting)

    def warm(self, count: int, isolate: bool) -> None:
        """Start workers ahead of need, in parallel (start-up is ~100 ms each); wait for them."""
        self.warm_async(count, isolate)
        with self._lock:
            starting, self._starting = self._starting, []
        for future in starting:
            with contextlib.suppress(WorkerDied, OSError):
                self.release(future.result())

    def warm_async(self, count: int, isolate: bool) -> None:
        """Start workers ahead of need without waiting; ``acquire`` takes them when ready."""
        with self._lock:
            for _ in range(max(0, self._missing(count, isolate))):
                self._starting.append(_SPAWNER.submit(self._start, isolate))

    def _start(self, isolate: bool) -> Worker:
        worker = Worker(isolate)
        with self._lock:
            self._all.append(worker)
        return worker

    def close(self) -> None:
        with self._lock:
            starting, self._starting = self._starting, []
        for future in starting:
            with contextlib.suppress(Exception):
                future.result()
        with self._lock:
            workers, self._all, self._idle = self._all, [], []
        for worker in workers:
            worker.close()


POOL = Pool()
atexit.register(POOL.close)
