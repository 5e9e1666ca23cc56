"""What the gate compares: a run directory or a baseline file, boiled down per task and model.

A ``Snapshot`` holds, for every (task, model), the sample count, passes, scores, how often
each requirement was met, and the notes with a severity. ``grade baseline save`` writes one
as a small JSON (or YAML) file to commit; a run directory is read the same way on the fly.
Nothing here grades: it only reads stored results.

A note's id, severity and requirement come with it from scoring (``note_details``). Only a
results file written before notes were values has notes that are bare sentences; those are
tied back to requirements by matching the task spec's note templates (``classify_note``).
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from grader.errors import GraderError
from grader.gate._config import field_error
from grader.notes import BROKEN_STATUSES, NO_CODE, run_problem_note
from grader.store import RESULTS_FILE, RUN_FILE, load_run, now_iso
from grader.types import SEVERITY_RANK, SampleResult, Severity, note_key, worst

FORMAT = "grader-baseline"
FORMAT_VERSION = 1
IGNORED_SETTINGS = frozenset({"seed"})  # random per run unless pinned; not a change of setup


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NoteStat(_Value):
    text: str
    severity: Severity
    requirement: str | None = None
    count: int = Field(ge=1)  # samples that carry it
    # the note's id; None for a note that was a bare sentence (an old results file or baseline)
    id: str | None = None

    @property
    def key(self) -> str:
        return note_key(self.text)

    @property
    def identity(self) -> tuple[str | None, str]:
        """As ``Note.identity``: what ``NoteIndex`` matches across runs."""
        return (self.id, self.key)


class RequirementStat(_Value):
    id: str
    gating: bool = False
    met: int = Field(ge=0)
    samples: int = Field(ge=1)
    mean_credit: float = Field(ge=0, le=1)

    @property
    def rate(self) -> float:
        return self.met / self.samples


class Entry(_Value):
    """One task x model: every sample of it, summed up."""

    task: str
    model: str
    version: str = ""
    samples: int = Field(ge=1)
    passes: int = Field(ge=0)
    scores: list[float]
    requirements: list[RequirementStat] = Field(default_factory=list)
    notes: list[NoteStat] = Field(default_factory=list)
    findings: int = 0
    gaming: int = 0  # samples whose code tried to pass the tests without solving the task
    tokens_per_second: float | None = None

    @property
    def pass_rate(self) -> float:
        return self.passes / self.samples

    @property
    def mean_score(self) -> float:
        return statistics.fmean(self.scores) if self.scores else 0.0

    def requirement(self, rid: str) -> RequirementStat | None:
        return next((r for r in self.requirements if r.id == rid), None)


class TaskInfo(_Value):
    id: str
    language: str = ""
    title: str = ""
    version: str = ""


class Snapshot(_Value):
    format: Literal["grader-baseline"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    source: str = ""  # the run directory it was taken from
    run_id: str | None = None
    started_at: str | None = None
    created_at: str = Field(default_factory=now_iso)
    settings: dict[str, Any] = Field(default_factory=dict)
    models: list[dict[str, Any]] = Field(default_factory=list)
    tasks: list[TaskInfo] = Field(default_factory=list)
    entries: list[Entry]
    throughput: dict[str, float | None] = Field(default_factory=dict)  # model -> tokens/s

    _results: list[SampleResult] = PrivateAttr(default_factory=list)

    @property
    def results(self) -> list[SampleResult]:
        """The stored samples, when taken from a run directory (empty for a baseline file)."""
        return self._results

    @property
    def model_names(self) -> list[str]:
        names = [str(m.get("name")) for m in self.models if m.get("name") is not None]
        return list(dict.fromkeys(names + [e.model for e in self.entries]))

    def entry(self, task: str, model: str) -> Entry | None:
        return next((e for e in self.entries if e.task == task and e.model == model), None)

    def task(self, task_id: str) -> TaskInfo | None:
        return next((t for t in self.tasks if t.id == task_id), None)


# --------------------------------------------------------------------------- notes


def _template_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{[^{}]*\}", note_key(template))
    return re.compile(".+?".join(re.escape(part) for part in parts) + r"\Z", re.DOTALL)


def _templates(run: dict[str, Any]) -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """Per task, (note pattern, requirement id) from the spec's note templates, where the spec
    can still be read: what ties an old results file's bare sentences back to requirements."""
    from grader.tasks import load_task

    found: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for info in run.get("tasks") or []:
        source = info.get("source") if isinstance(info, dict) else None
        if not source or not Path(source).is_file():
            continue
        try:
            spec = load_task(source)
        except (GraderError, OSError, ValueError):
            continue
        found[str(info.get("id"))] = [
            (_template_pattern(template), req.id)
            for req in spec.requirements
            for template in (req.notes.partial, req.notes.unmet)
            if template
        ]
    return found


def classify_note(
    note: str, result: SampleResult, templates: Sequence[tuple[re.Pattern[str], str]] = ()
) -> tuple[Severity, str | None]:
    """(severity, requirement) of one note of one sample, from its text alone: for a note
    of an old results file (no kind, no severity).

    A note tied to a gating requirement or to an error finding is an error; a note of another
    requirement takes the worst severity of that requirement's findings, else warning. Notes
    that say the code could not be judged (no code, syntax error, a broken test run) are errors.
    """
    key = note_key(note)
    gating = {r.id for r in result.requirements if r.gating}
    for finding in result.findings:
        if note_key(finding.message) == key:
            severity = "error" if finding.requirement in gating else finding.severity
            return severity, finding.requirement  # type: ignore[return-value]
    requirement = next((rid for pattern, rid in templates if pattern.match(key)), None)
    if requirement is None:
        if _is_run_problem(note, result):
            return "error", None
        unmet = [r.id for r in result.requirements if not r.met]
        requirement = unmet[0] if len(unmet) == 1 else None
    if requirement is None:
        return "warning", None
    if requirement in gating:
        return "error", requirement
    found = worst(f.severity for f in result.findings if f.requirement == requirement)
    return (found or "warning"), requirement


def _is_run_problem(note: str, result: SampleResult) -> bool:
    key = note_key(note)
    if key == note_key(NO_CODE) or key.startswith("the code has a syntax error"):
        return True
    tests = result.tests
    return tests.status in BROKEN_STATUSES and key == note_key(
        run_problem_note(tests.status, tests.note, tests.timeout_s)
    )


# --------------------------------------------------------------------------- building


def snapshot_from_run(run_dir: Path | str) -> Snapshot:
    loaded = load_run(run_dir)
    if not loaded.results:
        raise GraderError(f"{Path(run_dir) / RESULTS_FILE}: no sample results to compare")
    run = loaded.run
    bare = any(n.bare for r in loaded.results for n in r.note_values())
    templates = _templates(run) if bare else {}
    groups: dict[tuple[str, str], list[SampleResult]] = {}
    for result in loaded.results:
        groups.setdefault((result.task, result.model), []).append(result)
    entries = [
        _entry(task, model, sorted(items, key=lambda r: r.sample), templates.get(task, []))
        for (task, model), items in sorted(groups.items())
    ]
    tasks = [
        _task_info(info)
        for info in run.get("tasks") or []
        if isinstance(info, dict) and info.get("id")
    ]
    known = {t.id for t in tasks}
    tasks += [TaskInfo(id=e.task, version=e.version) for e in entries if e.task not in known]
    models = [m for m in run.get("models") or [] if isinstance(m, dict)]
    snapshot = Snapshot(
        source=str(loaded.path),
        run_id=_text(run.get("id")),
        started_at=_text(run.get("started_at")),
        settings={k: v for k, v in (run.get("settings") or {}).items()},
        models=models,
        tasks=tasks,
        entries=entries,
        throughput=_throughput(run, entries),
    )
    snapshot._results = list(loaded.results)
    return snapshot


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _task_info(info: dict[str, Any]) -> TaskInfo:
    return TaskInfo(
        id=str(info["id"]),
        language=str(info.get("language") or ""),
        title=str(info.get("title") or ""),
        version=str(info.get("version") or ""),
    )


def _entry(
    task: str,
    model: str,
    results: list[SampleResult],
    templates: Sequence[tuple[re.Pattern[str], str]],
) -> Entry:
    requirements: dict[str, list[Any]] = {}
    for result in results:
        for req in result.requirements:
            requirements.setdefault(req.id, []).append(req)
    notes: dict[tuple[str | None, str], dict[str, Any]] = {}
    for result in results:
        seen: set[tuple[str | None, str]] = set()
        for note in result.note_values():
            if not note.text.strip():
                continue
            identity = note.identity
            if identity in seen:
                continue
            seen.add(identity)
            if note.bare:
                severity, requirement = classify_note(note.text, result, templates)
            else:
                severity, requirement = note.severity, note.requirement  # type: ignore[assignment]
            stat = notes.setdefault(
                identity,
                {
                    "text": note.text.strip(),
                    "severity": severity,
                    "requirement": requirement,
                    "count": 0,
                    "id": identity[0],
                },
            )
            stat["count"] += 1
            if SEVERITY_RANK[severity] > SEVERITY_RANK[stat["severity"]]:
                stat["severity"] = severity
    speeds = [r.tokens_per_second for r in results if r.tokens_per_second]
    versions = [r.task_version for r in results if r.task_version]
    return Entry(
        task=task,
        model=model,
        version=versions[-1] if versions else "",
        samples=len(results),
        passes=sum(bool(r.passed) for r in results),
        scores=[round(float(r.score), 2) for r in results],
        requirements=[
            RequirementStat(
                id=rid,
                gating=any(v.gating for v in items),
                met=sum(bool(v.met) for v in items),
                samples=len(items),
                mean_credit=round(statistics.fmean(v.credit for v in items), 4),
            )
            for rid, items in requirements.items()
        ],
        notes=[NoteStat(**stat) for stat in notes.values()],
        findings=sum(len(r.findings) for r in results),
        gaming=sum(bool(r.gaming) for r in results),
        tokens_per_second=round(statistics.median(speeds), 2) if speeds else None,
    )


def _throughput(run: dict[str, Any], entries: Sequence[Entry]) -> dict[str, float | None]:
    """Median tokens/s per model: from the samples, else from run.json's throughput."""
    out: dict[str, float | None] = {}
    stored = run.get("throughput") or {}
    models = sorted({e.model for e in entries})
    for model in models:
        speeds = [e.tokens_per_second for e in entries if e.model == model and e.tokens_per_second]
        value: Any = statistics.median(speeds) if speeds else None
        if value is None and isinstance(stored, dict):
            per_model = stored.get(model)
            if isinstance(per_model, dict):
                value = per_model.get(
                    "tokens_per_second_median", per_model.get("tokens_per_second")
                )
            elif len(models) == 1:
                value = stored.get("tokens_per_second_median", stored.get("tokens_per_second"))
        out[model] = round(float(value), 2) if isinstance(value, int | float) else None
    return out


# --------------------------------------------------------------------------- files


def load_snapshot(path: Path | str) -> Snapshot:
    """A run directory or a baseline file (JSON, or YAML by its suffix)."""
    path = Path(path)
    if path.is_dir():
        return snapshot_from_run(path)
    if not path.exists():
        raise GraderError(f"{path}: no such run directory or baseline file")
    if path.name in (RUN_FILE, RESULTS_FILE):
        return snapshot_from_run(path.parent)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GraderError(f"{path}: cannot read the baseline file ({error})") from None
    try:
        raw = yaml.safe_load(text) if path.suffix.lower() in (".yaml", ".yml") else json.loads(text)
    except json.JSONDecodeError as error:
        raise GraderError(f"{path}: invalid JSON at line {error.lineno}: {error.msg}") from None
    except yaml.YAMLError:
        raise GraderError(f"{path}: invalid YAML") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise GraderError(f'{path}: format: not a grader baseline (expected "format": "{FORMAT}")')
    try:
        snapshot = Snapshot.model_validate(raw)
    except ValidationError as error:
        raise GraderError(f"{path}: {field_error(error)}") from None
    if not snapshot.entries:
        raise GraderError(f"{path}: entries: the baseline holds no results")
    return snapshot


def dump_snapshot(snapshot: Snapshot, file: Path | str) -> Path:
    file = Path(file)
    data = snapshot.model_dump(mode="json")
    file.parent.mkdir(parents=True, exist_ok=True)
    if file.suffix.lower() in (".yaml", ".yml"):
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    else:
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    file.write_text(text, encoding="utf-8")
    return file


def save_baseline(run_dir: Path, file: Path) -> Path:
    """Boil ``run_dir`` down to a small baseline file to commit; returns its path."""
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise GraderError(f"{run_dir}: not a run directory")
    return dump_snapshot(snapshot_from_run(run_dir), file)
