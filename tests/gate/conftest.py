"""Run directories for the gate tests, written through the real RunStore."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from gate_runs import SPEC, TASK, MakeRun

from grader.store import RunStore
from grader.types import SampleResult


@pytest.fixture
def make_run(tmp_path: Path) -> MakeRun:
    """``make_run("name", [results], models=[...], tasks=[...], settings={...})`` -> run dir."""

    def make(
        name: str,
        results: Sequence[SampleResult],
        *,
        settings: dict[str, Any] | None = None,
        throughput: dict[str, Any] | None = None,
        versions: dict[str, str] | None = None,
        with_specs: bool = True,
    ) -> Path:
        tasks = list(dict.fromkeys(r.task for r in results))
        models = list(dict.fromkeys(r.model for r in results))
        run = {
            "id": name,
            "tasks": [
                {
                    "id": t,
                    "language": "python",
                    "title": t,
                    "version": (versions or {}).get(t, "v1"),
                    **({"source": str(SPEC)} if with_specs and t == TASK else {}),
                }
                for t in tasks
            ],
            "models": [{"name": m, "backend": "replay"} for m in models],
            "settings": settings or {"samples": 1, "template": "gguf", "max_tokens": 1024},
            "throughput": throughput or {},
        }
        path = tmp_path / name
        while path.exists():  # several runs of one name in a test
            path = path.with_name(path.name + "-again")
        store = RunStore.create(path, run)
        for result in results:
            store.append(result)
        return store.path

    return make
