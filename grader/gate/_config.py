"""The gate file: what counts as a regression. YAML -> ``GateConfig``."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from grader.errors import GraderError
from grader.paths import REPO_ROOT

DEFAULT_GATE_FILE = REPO_ROOT / "gates" / "default.yaml"

NoteLevel = Literal["error", "warning", "info", "off"]
Action = Literal["warn", "fail"]


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PassRate(_Section):
    """A task's pass rate over its samples may not drop.

    With ``method: wilson`` the drop counts when the upper end of the Wilson score interval
    of the current pass rate (at ``confidence``) lies below the baseline's pass rate minus
    ``tolerance``; one failing sample against one passing one always counts. With
    ``method: tolerance`` it counts when the current rate is below baseline - tolerance.
    """

    enabled: bool = True
    method: Literal["wilson", "tolerance"] = "wilson"
    confidence: float = Field(default=0.95, gt=0, lt=1)
    tolerance: float = Field(default=0.05, ge=0, le=1)


class ScoreDrop(_Section):
    """The mean score (0-100) may drop by at most ``tolerance`` points. With ``noise_aware``
    and two or more samples on a side, the allowance grows by z x the standard error of the
    difference of the two means."""

    enabled: bool = True
    tolerance: float = Field(default=5.0, ge=0, le=100)
    noise_aware: bool = True


class Requirements(_Section):
    """A requirement met in the baseline may not become unmet (same test as ``pass_rate``)."""

    enabled: bool = True
    gating_only: bool = False


class NewNotes(_Section):
    """A note the baseline did not have fails the gate when its severity reaches ``severity``.

    A note tied to a gating requirement or to an error finding is an error; other
    requirement notes take their findings' worst severity, else warning. Scoring gives each
    note its severity so (``Note.severity``); the bare notes of an old results file get it
    from the task spec's note templates. A note is new when no baseline note has its id
    (its text, line numbers aside, where either side is bare).
    """

    severity: NoteLevel = "error"
    min_share: float = Field(default=0.0, ge=0, le=1)  # share of current samples that must show it


class GamingSamples(_Section):
    """More samples that tried to game the tests than the baseline had (a new task: any)
    fails the gate."""

    enabled: bool = True


class Floors(_Section):
    """Absolute floors, checked on the current run alone. ``null`` = off."""

    pass_at_k: dict[int, float] = Field(default_factory=dict)  # k -> mean pass@k per model
    task_pass_at_k: dict[int, float] = Field(default_factory=dict)  # k -> pass@k per task and model
    tokens_per_second: float | None = Field(default=None, ge=0)  # median per model
    tokens_per_second_drop: float | None = Field(
        default=None, ge=0, le=1
    )  # share of the baseline's


class Mismatch(_Section):
    """What to do when the two sides differ in what ran."""

    missing_task: Action = "warn"  # in the baseline, not in the run
    new_task: Action = "warn"  # in the run, not in the baseline
    task_version: Action = "warn"  # the spec changed since the baseline
    compare_changed_versions: bool = False
    model: Action = "warn"  # a different model (paired and still compared)
    settings: Action = "warn"  # template, sampling or other generation settings differ


class GateConfig(_Section):
    pass_rate: PassRate = Field(default_factory=PassRate)
    score: ScoreDrop = Field(default_factory=ScoreDrop)
    requirements: Requirements = Field(default_factory=Requirements)
    new_notes: NewNotes = Field(default_factory=NewNotes)
    gaming: GamingSamples = Field(default_factory=GamingSamples)
    floors: Floors = Field(default_factory=Floors)
    mismatch: Mismatch = Field(default_factory=Mismatch)


def load_config(path: Path | str | None = None) -> GateConfig:
    """Read a gate file; with no path, ``gates/default.yaml`` when present, else the defaults."""
    if path is None:
        if not DEFAULT_GATE_FILE.is_file():
            return GateConfig()
        path = DEFAULT_GATE_FILE
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GraderError(f"{path}: cannot read the gate file ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise GraderError(f"{path}: invalid YAML{where}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise GraderError(f"{path}: the gate file must be a mapping of sections")
    try:
        return GateConfig.model_validate(raw)
    except ValidationError as error:
        raise GraderError(f"{path}: {field_error(error)}") from None


def field_error(error: ValidationError) -> str:
    """``pass_rate.confidence: Input should be less than 1`` from the first error."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(top level)"
    return f"{where}: {first['msg']}"
