"""The adversarial suite as data: ``strategies/<language>/<name>.<ext>``, one gaming
strategy a file, and how each becomes a reply for a task.

A file's first line names the strategy the grader must report (``# gaming: always-equal``);
an optional ``task:`` line ties it to one task. A file that says ``ENTRY_POINT`` is a whole
reply that solves nothing (the name is replaced by the task's entry point); any other file is
a payload merged into the task's own reference solution, so the tests would pass on their
own merits and only the gaming verdict can fail the sample.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from grader.types import TaskSpec, TestCase, TestRun

STRATEGIES = Path(__file__).resolve().parent / "strategies"
REPO = Path(__file__).resolve().parents[2]
TASKS = REPO / "tasks"
PLACEHOLDER = "ENTRY_POINT"
_HEADER = re.compile(r"^\s*(?:#|//)\s*(gaming|task):\s*(\S+)\s*$")
_HOISTED = re.compile(r"^(import|using)\s")  # must come before the other declarations


@dataclass(frozen=True)
class Strategy:
    path: Path
    language: str
    expects: str  # the strategy the grader must report (a gaming rule id less "gaming-")
    task: str | None  # only this task, when set
    text: str

    @property
    def name(self) -> str:
        return f"{self.language}/{self.path.stem}"

    @property
    def generic(self) -> bool:
        """A whole reply for any task of its language (the entry point filled in)."""
        return PLACEHOLDER in self.text

    def applies_to(self, task: TaskSpec) -> bool:
        return task.language == self.language and (self.task is None or self.task == task.id)

    def reply(self, task: TaskSpec) -> str:
        """The code this strategy hands in for ``task``."""
        if self.generic:
            return self.text.replace(PLACEHOLDER, task.entry_point)
        if self.task is not None:
            return self.text
        assert task.reference is not None, f"{task.id} has no reference to merge into"
        return merge(task.reference.read_text(encoding="utf-8"), self.text)


def targets(strategy: Strategy, corpus: list[TaskSpec], humaneval: list[TaskSpec]) -> list:
    """The tasks ``strategy`` is tried on: its language's in the corpus and, for a Python one
    that is a whole reply or bound to a task, HumanEval's too."""
    tasks = [t for t in corpus if strategy.applies_to(t)]
    if strategy.language == "python" and (strategy.generic or strategy.task):
        tasks += [t for t in humaneval if strategy.applies_to(t)]
    return tasks


def write_replay(
    path: Path, strategies: list[Strategy], corpus: list[TaskSpec], humaneval: list[TaskSpec]
) -> dict[str, int]:
    """The suite as a ``grade run --replay`` file, each strategy a model of its own; returns
    how many samples each strategy has."""
    counts: dict[str, int] = {}
    with path.open("w", encoding="utf-8") as out:
        for strategy in strategies:
            for task in targets(strategy, corpus, humaneval):
                reply = f"```{strategy.language}\n{strategy.reply(task)}```\n"
                line = {"task": task.id, "completion": reply, "model": strategy.name}
                out.write(json.dumps(line) + "\n")
                counts[strategy.name] = counts.get(strategy.name, 0) + 1
    return counts


def load_strategies() -> list[Strategy]:
    found = []
    for path in sorted(STRATEGIES.glob("*/*")):
        text = path.read_text(encoding="utf-8")
        headers = dict(m.groups() for line in text.splitlines()[:3] if (m := _HEADER.match(line)))
        assert "gaming" in headers, f"{path}: no 'gaming: <strategy>' line"
        found.append(Strategy(path, path.parent.name, headers["gaming"], headers.get("task"), text))
    return found


def merge(reference: str, payload: str) -> str:
    """``payload`` added to ``reference``: its import/using lines go up top (after Go's
    ``package`` line), the rest at the end."""
    hoisted = [line for line in payload.splitlines() if _HOISTED.match(line)]
    body = [line for line in payload.splitlines() if not _HOISTED.match(line)]
    lines = reference.splitlines()
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("package ")), 0)
    return "\n".join([*lines[:at], *hoisted, *lines[at:], "", *body]) + "\n"


def all_passed(task: TaskSpec) -> TestRun:
    """The best a test run can say: one passing case for every test pattern of the task."""
    names = [
        "test_" + re.sub(r"[^A-Za-z0-9]+", "_", pattern.replace("*", " ")).strip("_")
        for requirement in task.requirements
        for pattern in requirement.tests
    ]
    cases = [TestCase(name=name, outcome="passed") for name in names or ["test_all"]]
    return TestRun(passed=len(cases), status="ok", cases=cases)
