"""What every language runner provides: a plan for the sandbox and a reader of results."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader.languages import language_spec
from grader.types import TestCase, TestJob

RESULTS_DIR = ".grader"  # inside the work dir: build outputs (e.g. the C# test executable)
# Placeholders the sandbox's init fills per sample in argv, env and result file names: a
# private folder outside the work dir and a random token, so a sample cannot plant a fake
# report where the runner will write its own.
PRIVATE = "{results}"
TOKEN = "{token}"


@dataclass
class Plan:
    """Files to write, steps to run, result files to bring back."""

    files: dict[str, str]
    steps: list[dict[str, Any]]
    result_files: list[str] = field(default_factory=list)
    nproc: int = 64
    overlays: dict[str, str] = field(default_factory=dict)  # inside target -> read-only lower dir
    memory_hint: str = ""  # words for the memory note (e.g. "JVM heap")
    preload: list[str] = field(
        default_factory=list
    )  # modules the zygote imports once, before forking


@dataclass
class Parsed:
    cases: list[TestCase]
    compile_error: str | None = None
    found_results: bool = True  # False: no machine-readable results came back at all


class LanguageRunner(ABC):
    language: str

    @property
    def default_solution(self) -> str:
        """The file the code is saved as unless the task names another."""
        return language_spec(self.language).default_solution

    def solution_name(self, job: TestJob) -> str:
        return job.solution_file or self.default_solution

    def common_files(self, job: TestJob) -> dict[str, str]:
        files: dict[str, str] = {}
        for path in [*job.support_files, *job.test_files]:
            files[Path(path).name] = Path(path).read_text(encoding="utf-8")
        return files

    @abstractmethod
    def plan(self, job: TestJob) -> Plan: ...

    @abstractmethod
    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed: ...


def env(**extra: str) -> dict[str, str]:
    """A scrubbed environment: nothing from the host's."""
    base = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp",
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
    }
    base.update(extra)
    return base


def first_lines(text: str, count: int = 6) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(lines[:count])[:1500]
