"""Completions made elsewhere (LM Studio, an API, a human), read from a JSONL file."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.errors import GraderError
from grader.models.base import Backend
from grader.types import Generation, GenerationRequest


@dataclass(frozen=True)
class ReplayProblem:
    line: int
    message: str


class ReplayBackend(Backend):
    """Serves ``{"task": ID, "completion": TEXT, "model"?: NAME, "sample"?: N}`` lines.

    Lines for one task without ``sample`` are numbered 0, 1, … in file order. Malformed
    lines are kept as ``problems`` (with their line numbers) and skipped.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GraderError(f"{self.path}: replay file not found")
        self.problems: list[ReplayProblem] = []
        self.entries: dict[tuple[str, int], dict[str, Any]] = {}
        models: set[str] = set()
        counters: dict[str, int] = defaultdict(int)
        text = self.path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            entry = self._parse(number, line)
            if entry is None:
                continue
            task = entry["task"]
            sample = entry.get("sample")
            if sample is None:
                sample = counters[task]
            counters[task] = max(counters[task], sample + 1)
            if (task, sample) in self.entries:
                self.problems.append(
                    ReplayProblem(number, f"duplicate task {task!r} sample {sample}; skipped")
                )
                continue
            entry["_line"] = number
            self.entries[(task, sample)] = entry
            if entry.get("model"):
                models.add(str(entry["model"]))
        self.name = models.pop() if len(models) == 1 else f"replay:{self.path.name}"

    def _parse(self, number: int, line: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            self.problems.append(ReplayProblem(number, f"not valid JSON ({error.msg})"))
            return None
        if not isinstance(entry, dict):
            self.problems.append(ReplayProblem(number, "not a JSON object"))
            return None
        if not isinstance(entry.get("task"), str) or not entry["task"]:
            self.problems.append(ReplayProblem(number, "field 'task' is missing or not a string"))
            return None
        if not isinstance(entry.get("completion"), str):
            self.problems.append(
                ReplayProblem(number, "field 'completion' is missing or not a string")
            )
            return None
        sample = entry.get("sample")
        if sample is not None and (
            not isinstance(sample, int) or isinstance(sample, bool) or sample < 0
        ):
            self.problems.append(
                ReplayProblem(number, "field 'sample' must be a non-negative integer")
            )
            return None
        return entry

    def tasks(self) -> set[str]:
        return {task for task, _ in self.entries}

    def samples_for(self, task: str) -> list[int]:
        return sorted(sample for t, sample in self.entries if t == task)

    def model_for(self, task: str, sample: int) -> str:
        entry = self.entries.get((task, sample), {})
        return str(entry.get("model") or self.name)

    def generate(self, request: GenerationRequest) -> Generation:
        entry = self.entries.get((request.task_id, request.sample))
        if entry is None:
            raise GraderError(
                f"{self.path}: no completion for task {request.task_id!r} sample {request.sample}"
            )
        figures = {
            k: entry.get(k)
            for k in (
                "completion_tokens",
                "prompt_tokens",
                "seconds",
                "tokens_per_second",
                "ttft_s",
            )
        }
        return Generation(
            text=entry["completion"],
            **{k: v for k, v in figures.items() if isinstance(v, int | float)},
        )

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "backend": "replay",
            "source": str(self.path),
            "lines": len(self.entries),
        }
