"""Two snapshots -> a gate verdict: what regressed, what only differs. Reads, never grades."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Literal

from grader.gate._config import Action, GateConfig, PassRate
from grader.gate._snapshot import IGNORED_SETTINGS, Entry, NoteStat, Snapshot
from grader.notes import NoteIndex
from grader.summary import pass_at_k
from grader.types import SEVERITY_RANK

Level = Literal["fail", "warn", "info"]
Status = Literal["compared", "missing", "new", "version_changed"]


@dataclass(frozen=True)
class Issue:
    """One thing the gate says: a regression (``fail``), a difference (``warn``) or a fact."""

    kind: (
        str  # pass_rate, score, requirement, note, pass_at_k, tokens_per_second, missing_task, ...
    )
    level: Level
    message: str
    task: str | None = None
    model: str | None = None
    requirement: str | None = None

    def line(self) -> str:
        label = {"fail": "REGRESSION", "warn": "warning", "info": "note"}[self.level]
        where = " ".join(
            part for part in (self.task, f"[{self.model}]" if self.model else None) if part
        )
        return f"{label}: {where}: {self.message}" if where else f"{label}: {self.message}"


@dataclass
class TaskComparison:
    """One task of one model, both sides."""

    task: str
    model: str
    baseline_model: str | None
    status: Status
    baseline: Entry | None = None
    current: Entry | None = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def regressed(self) -> bool:
        return any(i.level == "fail" for i in self.issues)


@dataclass
class GateVerdict:
    issues: list[Issue]
    comparisons: list[TaskComparison]
    config: GateConfig
    current: Snapshot
    baseline: Snapshot

    @property
    def failures(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "fail"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "warn"]

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def summary(self) -> str:
        compared = sum(c.status == "compared" for c in self.comparisons)
        regressed = sorted({(c.task, c.model) for c in self.comparisons if c.regressed})
        lines = [i.line() for i in self.failures + self.warnings]
        if self.ok:
            lines.append(
                f"gate passed: {compared} task(s) compared, nothing regressed"
                + (f", {len(self.warnings)} warning(s)" if self.warnings else "")
            )
        else:
            names = ", ".join(f"{t} [{m}]" for t, m in regressed) or "the suite"
            lines.append(f"gate FAILED: {len(self.failures)} regression(s) in {names}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- statistics


def z_value(confidence: float) -> float:
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def wilson_upper(successes: int, n: int, confidence: float) -> float:
    """Upper end of the Wilson score interval for ``successes`` of ``n``."""
    if n <= 0:
        return 1.0
    z = z_value(confidence)
    p = successes / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return min(1.0, (centre + spread) / (1 + z * z / n))


def rate_dropped(
    base_hits: int, base_n: int, hits: int, n: int, rule: PassRate
) -> tuple[bool, str]:
    """Whether a success rate fell, and the reason in words.

    One sample on each side: it fell when it held then and fails now. Otherwise per
    ``rule.method`` (see ``PassRate``).
    """
    base = base_hits / base_n
    now = hits / n
    if base_n == 1 and n == 1:
        return base_hits == 1 and hits == 0, ""
    floor = base - rule.tolerance
    if rule.method == "tolerance":
        return now < floor, f"below {base:.2f} - tolerance {rule.tolerance:g}"
    upper = wilson_upper(hits, n, rule.confidence)
    return upper < floor, (
        f"Wilson {rule.confidence:.0%} upper bound {upper:.2f} < "
        f"baseline {base:.2f} - tolerance {rule.tolerance:g}"
    )


def _spread(scores: list[float]) -> float:
    return statistics.variance(scores) if len(scores) >= 2 else 0.0


# --------------------------------------------------------------------------- comparing


def _level(action: Action) -> Level:
    return "fail" if action == "fail" else "warn"


def pair_models(
    current: Snapshot, baseline: Snapshot
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(current, baseline) model pairs: same names first; one left on each side pair up."""
    now = [m for m in current.model_names if any(e.model == m for e in current.entries)]
    then = [m for m in baseline.model_names if any(e.model == m for e in baseline.entries)]
    pairs = [(m, m) for m in now if m in then]
    rest_now = [m for m in now if m not in then]
    rest_then = [m for m in then if m not in now]
    if len(rest_now) == 1 and len(rest_then) == 1:
        pairs.append((rest_now[0], rest_then[0]))
        rest_now, rest_then = [], []
    return pairs, rest_now, rest_then


def compare_runs(
    current: Snapshot, baseline: Snapshot, config: GateConfig | None = None
) -> GateVerdict:
    """Everything that got worse from ``baseline`` to ``current``, and every difference."""
    config = config or GateConfig()
    issues: list[Issue] = []
    comparisons: list[TaskComparison] = []
    pairs, new_models, gone_models = pair_models(current, baseline)
    act = config.mismatch

    for model in gone_models:
        issues.append(
            Issue(
                "missing_model",
                _level(act.missing_task),
                f"model {model} is in the baseline but not in this run",
                model=model,
            )
        )
    for model in new_models:
        issues.append(
            Issue(
                "new_model",
                _level(act.new_task),
                f"model {model} is new: no baseline to compare it with",
                model=model,
            )
        )
    for model, base_model in pairs:
        if model != base_model:
            issues.append(
                Issue(
                    "model",
                    _level(act.model),
                    f"the model changed: baseline {base_model}, now {model}; compared as a pair",
                    model=model,
                )
            )
    issues += _settings_issues(current, baseline, config)

    for model, base_model in pairs:
        now = {e.task: e for e in current.entries if e.model == model}
        then = {e.task: e for e in baseline.entries if e.model == base_model}
        for task in sorted(set(now) | set(then)):
            comparison = _compare_task(
                task, model, base_model, now.get(task), then.get(task), config
            )
            comparisons.append(comparison)
            issues += comparison.issues
        issues += _model_floors(model, base_model, current, baseline, config)
    for model in new_models:
        for entry in (e for e in current.entries if e.model == model):
            comparisons.append(TaskComparison(entry.task, model, None, "new", current=entry))
    return GateVerdict(
        issues=issues, comparisons=comparisons, config=config, current=current, baseline=baseline
    )


def _settings_issues(current: Snapshot, baseline: Snapshot, config: GateConfig) -> list[Issue]:
    changed = []
    for key in sorted(set(current.settings) | set(baseline.settings)):
        if key in IGNORED_SETTINGS:
            continue
        old, new = baseline.settings.get(key), current.settings.get(key)
        if old != new:
            changed.append(f"{key} {old!r} -> {new!r}")
    if not changed:
        return []
    return [
        Issue(
            "settings",
            _level(config.mismatch.settings),
            "generation settings changed: " + "; ".join(changed),
        )
    ]


def _compare_task(
    task: str,
    model: str,
    base_model: str,
    now: Entry | None,
    then: Entry | None,
    config: GateConfig,
) -> TaskComparison:
    act = config.mismatch
    if now is None:
        issue = Issue(
            "missing_task",
            _level(act.missing_task),
            "in the baseline but not in this run: not compared",
            task,
            model,
        )
        return TaskComparison(task, model, base_model, "missing", baseline=then, issues=[issue])
    if then is None:
        issue = Issue(
            "new_task",
            _level(act.new_task),
            "new in this run: no baseline to compare with",
            task,
            model,
        )
        issues = [issue, *_gaming(task, model, now, None, config), *_task_floors(now, config)]
        return TaskComparison(task, model, base_model, "new", current=now, issues=issues)
    issues: list[Issue] = []
    status: Status = "compared"
    if now.version and then.version and now.version != then.version:
        compared = act.compare_changed_versions
        issues.append(
            Issue(
                "task_version",
                _level(act.task_version),
                f"the task spec changed since the baseline (version {then.version} -> {now.version})"
                + ("; compared anyway" if compared else "; not compared"),
                task,
                model,
            )
        )
        if not compared:
            return TaskComparison(
                task,
                model,
                base_model,
                "version_changed",
                then,
                now,
                issues + _task_floors(now, config),
            )
    issues += _regressions(task, model, now, then, config)
    issues += _gaming(task, model, now, then, config)
    issues += _task_floors(now, config)
    return TaskComparison(task, model, base_model, status, then, now, issues)


def _gaming(
    task: str, model: str, now: Entry, then: Entry | None, config: GateConfig
) -> list[Issue]:
    """A fail when more samples game the tests than in the baseline (none for a new task)."""
    before = then.gaming if then is not None else 0
    if not config.gaming.enabled or now.gaming <= before:
        return []
    text = f"{now.gaming}/{now.samples} samples tried to pass the tests without solving the task"
    return [Issue("gaming", "fail", text + f" (baseline: {before})", task, model)]


def _regressions(task: str, model: str, now: Entry, then: Entry, config: GateConfig) -> list[Issue]:
    issues: list[Issue] = []
    if config.pass_rate.enabled:
        dropped, why = rate_dropped(
            then.passes, then.samples, now.passes, now.samples, config.pass_rate
        )
        if dropped:
            if then.samples == 1 and now.samples == 1:
                text = f"passed in the baseline, fails now (score {then.mean_score:g} -> {now.mean_score:g})"
            else:
                text = f"pass rate fell from {then.passes}/{then.samples} to {now.passes}/{now.samples} ({why})"
            issues.append(Issue("pass_rate", "fail", text, task, model))
    if config.score.enabled:
        allowance = config.score.tolerance
        if config.score.noise_aware and (now.samples >= 2 or then.samples >= 2):
            allowance += z_value(config.pass_rate.confidence) * math.sqrt(
                _spread(now.scores) / now.samples + _spread(then.scores) / then.samples
            )
        drop = then.mean_score - now.mean_score
        if drop > allowance:
            issues.append(
                Issue(
                    "score",
                    "fail",
                    f"mean score fell {drop:.1f} points ({then.mean_score:.1f} -> {now.mean_score:.1f}; "
                    f"allowed {allowance:.1f})",
                    task,
                    model,
                )
            )
    if config.requirements.enabled:
        for old in then.requirements:
            new = now.requirement(old.id)
            if new is None or (config.requirements.gating_only and not (old.gating or new.gating)):
                continue
            dropped, why = rate_dropped(
                old.met, old.samples, new.met, new.samples, config.pass_rate
            )
            if dropped:
                detail = (
                    f"met in {old.met}/{old.samples} baseline samples, {new.met}/{new.samples} now"
                    + (f"; {why}" if why else "")
                )
                notes = [n.text for n in now.notes if n.requirement == old.id]
                text = f"requirement {old.id} newly unmet ({detail})" + (
                    f": {notes[0]}" if notes else ""
                )
                issues.append(Issue("requirement", "fail", text, task, model, old.id))
    said = {
        i.requirement for i in issues if i.kind == "requirement"
    }  # those issues quote their notes
    issues += [
        i
        for i in _new_notes(task, model, now, then, config)
        if i.requirement not in said or i.level != "fail"
    ]
    return issues


def _new_notes(task: str, model: str, now: Entry, then: Entry, config: GateConfig) -> list[Issue]:
    rule = config.new_notes
    if rule.severity == "off":
        return []
    threshold = SEVERITY_RANK[rule.severity]
    known = NoteIndex(n.identity for n in then.notes)
    issues = []
    for note in now.notes:
        if note.identity in known or note.count / now.samples < rule.min_share:
            continue
        level: Level = "fail" if SEVERITY_RANK[note.severity] >= threshold else "info"
        issues.append(
            Issue("note", level, _note_text(note, now.samples), task, model, note.requirement)
        )
    return issues


def _note_text(note: NoteStat, samples: int) -> str:
    about = f" (requirement {note.requirement})" if note.requirement else ""
    share = f", {note.count}/{samples} samples" if samples > 1 else ""
    return f"new {note.severity} note{about}{share}: {note.text}"


def _task_floors(now: Entry, config: GateConfig) -> list[Issue]:
    issues = []
    for k, floor in sorted(config.floors.task_pass_at_k.items()):
        if k > now.samples:
            issues.append(
                Issue(
                    "pass_at_k",
                    "warn",
                    f"pass@{k} not checked: only {now.samples} sample(s)",
                    now.task,
                    now.model,
                )
            )
            continue
        value = pass_at_k(now.samples, now.passes, k)
        if value < floor:
            issues.append(
                Issue(
                    "pass_at_k",
                    "fail",
                    f"pass@{k} {value:.2f} is below the floor {floor:g}",
                    now.task,
                    now.model,
                )
            )
    return issues


def _model_floors(
    model: str, base_model: str, current: Snapshot, baseline: Snapshot, config: GateConfig
) -> list[Issue]:
    floors = config.floors
    entries = [e for e in current.entries if e.model == model]
    issues = []
    for k, floor in sorted(floors.pass_at_k.items()):
        usable = [e for e in entries if e.samples >= k]
        if not usable:
            issues.append(
                Issue(
                    "pass_at_k",
                    "warn",
                    f"pass@{k} not checked: fewer than {k} samples per task",
                    model=model,
                )
            )
            continue
        value = statistics.fmean(pass_at_k(e.samples, e.passes, k) for e in usable)
        if value < floor:
            issues.append(
                Issue(
                    "pass_at_k",
                    "fail",
                    f"mean pass@{k} over {len(usable)} task(s) is {value:.2f}, below the floor {floor:g}",
                    model=model,
                )
            )
    speed = current.throughput.get(model)
    if floors.tokens_per_second is not None:
        if speed is None:
            issues.append(
                Issue(
                    "tokens_per_second",
                    "warn",
                    "tokens/s floor not checked: the run measured none",
                    model=model,
                )
            )
        elif speed < floors.tokens_per_second:
            issues.append(
                Issue(
                    "tokens_per_second",
                    "fail",
                    f"{speed:g} tokens/s is below the floor {floors.tokens_per_second:g}",
                    model=model,
                )
            )
    before = baseline.throughput.get(base_model)
    drop = floors.tokens_per_second_drop
    if drop is not None and speed is not None and before and speed < before * (1 - drop):
        issues.append(
            Issue(
                "tokens_per_second",
                "fail",
                f"{speed:g} tokens/s, down from {before:g} in the "
                f"baseline (more than {drop:.0%} slower)",
                model=model,
            )
        )
    return issues
