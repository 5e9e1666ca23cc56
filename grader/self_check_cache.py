"""Remembers passed self-checks, so a rerun doesn't grade every reference solution again.

An entry holds only for the same task version (the spec and every file it names), the
same sandbox code, the same boot of the same machine, and at most a day. A failed
self-check is never remembered: a broken task is checked again on every run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from functools import cache
from pathlib import Path

from grader._files import write_json_atomic
from grader.paths import PACKAGE_DIR, cache_root
from grader.types import TaskSpec

MAX_AGE_S = 24 * 3600


@cache
def environment_key() -> str:
    digest = hashlib.sha256()
    for path in sorted((PACKAGE_DIR / "sandbox").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.name.encode() + path.read_bytes())
    boot = Path("/proc/sys/kernel/random/boot_id")
    digest.update(boot.read_bytes() if boot.exists() else b"no-boot-id")
    return digest.hexdigest()[:16]


def _entry(task: TaskSpec) -> Path:
    name = hashlib.sha256(f"{task.id}\0{task.version}".encode()).hexdigest()[:24]
    return cache_root() / "self-check" / environment_key() / f"{name}.json"


def recall(task: TaskSpec) -> float | None:
    """The reference's test time from a passed self-check still valid, else None."""
    path = _entry(task)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if time.time() - float(data.get("checked_at", 0)) > MAX_AGE_S or data.get("task") != task.id:
        return None
    return float(data["reference_seconds"])


def remember(task: TaskSpec, reference_seconds: float) -> None:
    with contextlib.suppress(OSError):  # a read-only cache only costs speed
        write_json_atomic(
            _entry(task),
            {
                "task": task.id,
                "version": task.version,
                "reference_seconds": reference_seconds,
                "checked_at": time.time(),
            },
            durable=False,
        )
