"""The one interface every model backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from grader.types import Generation, GenerationRequest


class SampleUnavailable(Exception):  # noqa: N818 - names the situation, not a crash
    """This one sample has no completion (a replay file lacks it); the run goes on."""


class Backend(ABC):
    """Turns a prompt into a completion. Loaded once per run, reused for every sample."""

    #: a short name written into results (``model`` field) and the evaluation record
    name: str = "backend"
    #: whether generating uses this machine's CPU (then tests wait while it generates)
    generates_here: bool = True

    def samples(self, task_id: str, count: int) -> list[tuple[int, str]]:
        """The (sample index, model name) pairs to grade for a task; ``count`` asked for."""
        return [(sample, self.name) for sample in range(count)]

    def input_problems(self, task_ids: set[str]) -> list[str]:
        """Problems in the backend's own input (a replay file), given the run's task ids."""
        return []

    @abstractmethod
    def generate(self, request: GenerationRequest) -> Generation: ...

    def describe(self) -> dict[str, Any]:
        """Everything run.json records about this model and its settings."""
        return {"name": self.name}

    def close(self) -> None:  # noqa: B027 - optional hook
        """Free the model (called once at the end of a run)."""
