"""The only reader and writer of run directories (its files written through ``grader._files``).

A run directory holds ``run.json`` (what ran), ``results.jsonl`` (one ``SampleResult`` a
line) and the files written from them (report, records). ``run.json`` is replaced
atomically; ``results.jsonl`` is append-only, one ``write`` per line, so a run killed at
any moment keeps every finished sample, and a torn last line is dropped on resume. Lines
reach the disk (``fsync``) at most ``SYNC_EVERY_S`` apart and whenever ``run.json`` is
written: an fsync a line cost ~7 ms, more than grading a HumanEval sample, and only a
power cut (not a killed run) can lose what the kernel already holds.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from grader._files import write_json_atomic
from grader.errors import GraderError
from grader.paths import REPORTS_DIR
from grader.types import SampleResult

RUN_FILE = "run.json"
RESULTS_FILE = "results.jsonl"
SYNC_EVERY_S = 0.5

SampleKey = tuple[str, str, int]  # (task, model, sample)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_run_dir() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = REPORTS_DIR / "runs" / stamp
    suffix = 1
    while path.exists():
        suffix += 1
        path = REPORTS_DIR / "runs" / f"{stamp}-{suffix}"
    return path


def sample_key(result: SampleResult | dict[str, Any]) -> SampleKey:
    if isinstance(result, dict):
        return (str(result["task"]), str(result["model"]), int(result["sample"]))
    return (result.task, result.model, result.sample)


@dataclass
class LoadedRun:
    path: Path
    run: dict[str, Any]
    results: list[SampleResult] = field(default_factory=list)

    def keys(self) -> set[SampleKey]:
        return {sample_key(result) for result in self.results}


class RunStore:
    """Writes one run directory; ``open`` resumes an existing one."""

    def __init__(self, path: Path, run: dict[str, Any]) -> None:
        self.path = path
        self.run = run
        self._done: set[SampleKey] = set()
        self._synced_at = time.monotonic()
        self._unsynced = False

    @classmethod
    def create(cls, path: Path, run: dict[str, Any]) -> RunStore:
        if (path / RESULTS_FILE).exists() and (path / RESULTS_FILE).stat().st_size > 0:
            raise GraderError(f"{path}: already holds a run; use --resume {path} or another --out")
        path.mkdir(parents=True, exist_ok=True)
        store = cls(path, {"started_at": now_iso(), **run})
        store.save_run()
        (path / RESULTS_FILE).touch()
        return store

    @classmethod
    def open(cls, path: Path) -> RunStore:
        loaded = load_run(path, repair=True)
        store = cls(path, loaded.run)
        store._done = loaded.keys()
        return store

    def is_done(self, key: SampleKey) -> bool:
        return key in self._done

    def append(self, result: SampleResult) -> None:
        key = sample_key(result)
        if key in self._done:
            return
        line = json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n"
        fd = os.open(self.path / RESULTS_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode("utf-8"))
            now = time.monotonic()
            if now - self._synced_at >= SYNC_EVERY_S:
                os.fsync(fd)
                self._synced_at, self._unsynced = now, False
            else:
                self._unsynced = True
        finally:
            os.close(fd)
        self._done.add(key)

    def sync(self) -> None:
        """Push appended lines that have not reached the disk yet."""
        if not self._unsynced:
            return
        fd = os.open(self.path / RESULTS_FILE, os.O_WRONLY | os.O_APPEND)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        self._synced_at, self._unsynced = time.monotonic(), False

    def update_run(self, **fields: Any) -> None:
        self.run.update(fields)
        self.sync()
        self.save_run()

    def save_run(self) -> None:
        write_json_atomic(self.path / RUN_FILE, self.run)


def load_run(path: Path | str, *, repair: bool = False) -> LoadedRun:
    """Read a run directory. ``repair`` cuts a torn last line so appends start clean."""
    path = Path(path)
    run_file = path / RUN_FILE
    if not run_file.is_file():
        raise GraderError(f"{path}: not a run directory (no {RUN_FILE})")
    try:
        run = json.loads(run_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise GraderError(f"{run_file}: invalid JSON at line {error.lineno}: {error.msg}") from None
    results: dict[SampleKey, SampleResult] = {}
    for line_number, line in _lines(path / RESULTS_FILE, repair=repair):
        try:
            result = SampleResult.model_validate_json(line)
        except ValidationError as error:
            raise GraderError(
                f"{path / RESULTS_FILE}: line {line_number}: not a sample result ({error.errors()[0]['msg']})"
            ) from None
        results.setdefault(sample_key(result), result)
    return LoadedRun(path=path, run=run, results=list(results.values()))


def _lines(path: Path, *, repair: bool) -> Iterator[tuple[int, str]]:
    if not path.exists():
        return
    data = path.read_bytes()
    complete, _, torn = data.rpartition(b"\n")
    if torn and repair:  # a line cut off by a kill: drop it so the next append starts clean
        with open(path, "r+b") as handle:
            handle.truncate(len(complete) + 1 if complete else 0)
    body = complete.decode("utf-8", errors="replace")
    for number, line in enumerate(body.split("\n") if body else [], start=1):
        if line.strip():
            yield number, line
