"""Errors that reach the user as one clear line (exit 2), never a traceback."""

from __future__ import annotations

from pathlib import Path


class GraderError(Exception):
    """A usage or input problem; the message names the file and field."""

    exit_code = 2


class SpecError(GraderError):
    def __init__(self, path: Path | str, field: str, problem: str) -> None:
        self.path = Path(path)
        self.field = field
        self.problem = problem
        where = f"{path}: {field}" if field else f"{path}"
        super().__init__(f"{where}: {problem}")


class ModelError(GraderError):
    """The model could not be loaded or reached; the message says how to fix it."""


class SandboxUnavailable(GraderError):
    """The sandbox cannot isolate code on this machine."""
