"""The one interface every model backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from grader.types import Generation, GenerationRequest


class Backend(ABC):
    """Turns a prompt into a completion. Loaded once per run, reused for every sample."""

    #: a short name written into results (``model`` field) and the evaluation record
    name: str = "backend"

    @abstractmethod
    def generate(self, request: GenerationRequest) -> Generation: ...

    def describe(self) -> dict[str, Any]:
        """Everything run.json records about this model and its settings."""
        return {"name": self.name}

    def close(self) -> None:  # noqa: B027 - optional hook
        """Free the model (called once at the end of a run)."""
