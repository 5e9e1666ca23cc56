"""Completions made elsewhere (LM Studio, an API, a human), read from a JSONL file."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.errors import GraderError
from grader.models.base import Backend, SampleUnavailable
from grader.types import Generation, GenerationRequest


@dataclass(frozen=True)
class ReplayProblem:
    line: int
    message: str


@dataclass(frozen=True)
class StoredCompletion:
    """One line of a replay file."""

    line: int
    text: str
    model: str | None
    figures: dict[str, float]


FIGURES = ("completion_tokens", "prompt_tokens", "seconds", "tokens_per_second", "ttft_s")


class ReplayBackend(Backend):
    """Serves ``{"task": ID, "completion": TEXT, "model"?: NAME, "sample"?: N}`` lines.

    Lines for one task without ``sample`` are numbered 0, 1, … in file order. Malformed
    lines are kept as ``problems`` (with their line numbers) and skipped. A stored completion
    is a ``Generation`` like any other; the figures the line does not give are absent.
    """

    generates_here = False

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GraderError(f"{self.path}: replay file not found")
        self.problems: list[ReplayProblem] = []
        self._stored: dict[tuple[str, int], StoredCompletion] = {}
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
            if (task, sample) in self._stored:
                self.problems.append(
                    ReplayProblem(number, f"duplicate task {task!r} sample {sample}; skipped")
                )
                continue
            figures = {k: entry[k] for k in FIGURES if isinstance(entry.get(k), int | float)}
            model = str(entry["model"]) if entry.get("model") else None
            self._stored[(task, sample)] = StoredCompletion(
                number, entry["completion"], model, figures
            )
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

    def samples(self, task_id: str, count: int) -> list[tuple[int, str]]:
        """Every stored sample of the task, whatever ``count`` asked for."""
        return [
            (sample, stored.model or self.name)
            for (task, sample), stored in sorted(self._stored.items())
            if task == task_id
        ]

    def input_problems(self, task_ids: set[str]) -> list[str]:
        problems = [f"{self.path}: line {p.line}: {p.message}" for p in self.problems]
        first_line: dict[str, int] = {}
        for (task, _), stored in self._stored.items():
            first_line[task] = min(first_line.get(task, stored.line), stored.line)
        problems += [
            f"{self.path}: line {line}: unknown task {task!r}; skipped"
            for task, line in sorted(first_line.items())
            if task not in task_ids
        ]
        return problems

    def generate(self, request: GenerationRequest) -> Generation:
        stored = self._stored.get((request.task_id, request.sample))
        if stored is None:
            raise SampleUnavailable(
                f"{self.path}: no completion for task {request.task_id!r} sample {request.sample}"
            )
        return Generation(text=stored.text, **stored.figures)

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "backend": "replay",
            "source": str(self.path),
            "lines": len(self._stored),
        }
