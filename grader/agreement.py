"""How well the grader's verdicts agree with labels a person wrote blind.

A label file is a YAML list (or JSONL, one object a line) of entries::

    {task: user-flags/python, sample: 0, passed: false,
     requirements: {parameter-validation: unmet, ...}, notes: ["...", ...]}

``model`` is optional (it narrows the match when a run holds several models); ``passed``,
``requirements`` and ``notes`` may each be left out. Entries are matched to a run's results
by (task, sample). A requirement pair is one label status beside the grader's status for
the same requirement of the same sample. Confusion tables have the label in rows and the
grader in columns.

Bad entries are refused whole: the first malformed entry, bad status or requirement id the
grader does not know raises ``LabelError`` naming the entry's position, so figures never
silently leave out part of what a person labelled.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from grader.errors import GraderError
from grader.types import Frozen, RequirementStatus, SampleResult

STATUSES: tuple[RequirementStatus, ...] = ("met", "partial", "unmet")
OUTCOMES: tuple[str, ...] = ("passed", "failed")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class LabelError(GraderError):
    """A label entry that cannot be used; the message names the file and the entry."""


class Label(Frozen):
    """One person's verdict on one sample."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    task: StrictStr = Field(min_length=1)
    sample: StrictInt = Field(ge=0)
    model: StrictStr | None = None
    passed: StrictBool | None = None
    requirements: dict[StrictStr, RequirementStatus] = Field(default_factory=dict)
    notes: list[StrictStr] = Field(default_factory=list)


@dataclass(frozen=True)
class LabelEntry:
    """A label and where it sits in its file ("entry 3 (line 12)", "line 4")."""

    label: Label
    where: str


# --------------------------------------------------------------------------- reading


def parse_labels(text: str, source: str, *, jsonl: bool = False) -> list[LabelEntry]:
    """Label entries from a YAML list or (``jsonl``) one JSON object a line."""
    raws = _jsonl_entries(text, source) if jsonl else _yaml_entries(text, source)
    entries = []
    for where, raw in raws:
        if not isinstance(raw, dict):
            raise LabelError(f"{source}: {where}: not a mapping ({type(raw).__name__})")
        try:
            label = Label.model_validate(raw)
        except ValidationError as error:
            first = error.errors()[0]
            field_name = ".".join(str(part) for part in first["loc"]) or "entry"
            raise LabelError(f"{source}: {where}: {field_name}: {first['msg']}") from None
        entries.append(LabelEntry(label, where))
    return entries


def load_labels(path: Path) -> list[LabelEntry]:
    """Read a label file; ``.jsonl``/``.ndjson`` is JSON lines, anything else YAML."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LabelError(f"{path}: cannot read ({error})") from None
    return parse_labels(text, str(path), jsonl=path.suffix.lower() in JSONL_SUFFIXES)


def _jsonl_entries(text: str, source: str) -> list[tuple[str, Any]]:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append((f"line {number}", json.loads(line)))
        except json.JSONDecodeError as error:
            raise LabelError(f"{source}: line {number}: invalid JSON ({error.msg})") from None
    return entries


def _yaml_entries(text: str, source: str) -> list[tuple[str, Any]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f": line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise LabelError(f"{source}{where}: invalid YAML ({problem})") from None
    if data is None:
        return []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise LabelError(f"{source}: expected a list of label entries, got {type(data).__name__}")
    return [
        (f"entry {index} (line {item.start_mark.line + 1})", raw)
        for index, (item, raw) in enumerate(zip(node.value, data, strict=True), start=1)
    ]


# --------------------------------------------------------------------------- comparing


@dataclass(frozen=True)
class RequirementPair:
    task: str
    sample: int
    requirement: str
    label: RequirementStatus
    grader: RequirementStatus


@dataclass(frozen=True)
class PassPair:
    task: str
    sample: int
    label: bool
    grader: bool


@dataclass
class Agreement:
    """The matched pairs; every figure is computed from them."""

    matched: int = 0
    labels_without_result: list[tuple[str, int]] = field(default_factory=list)
    results_without_label: list[tuple[str, int]] = field(default_factory=list)
    requirements: list[RequirementPair] = field(default_factory=list)
    unlabelled_requirements: int = 0  # the grader judged them, the label left them out
    passes: list[PassPair] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The figures as one JSON-ready object with stable keys."""
        pairs = self.requirements
        by_id: dict[str, list[RequirementPair]] = {}
        for pair in pairs:
            by_id.setdefault(pair.requirement, []).append(pair)
        return {
            "samples": {
                "matched": self.matched,
                "labels_without_result": len(self.labels_without_result),
                "results_without_label": len(self.results_without_label),
                "unmatched_labels": [_key(k) for k in self.labels_without_result],
                "unlabelled_results": [_key(k) for k in self.results_without_label],
            },
            "requirements": {
                "pairs": len(pairs),
                "unlabelled": self.unlabelled_requirements,
                "binary": _figures([(p.label == "met", p.grader == "met") for p in pairs]),
                "three_way": _figures([(p.label, p.grader) for p in pairs]),
                "confusion": _confusion(((p.label, p.grader) for p in pairs), STATUSES),
                "by_requirement": {
                    rid: {
                        "pairs": len(group),
                        "binary": _figures([(p.label == "met", p.grader == "met") for p in group]),
                        "three_way": _figures([(p.label, p.grader) for p in group]),
                    }
                    for rid, group in sorted(by_id.items())
                },
            },
            "pass": {
                "pairs": len(self.passes),
                **_figures([(p.label, p.grader) for p in self.passes]),
                "confusion": _confusion(
                    ((_outcome(p.label), _outcome(p.grader)) for p in self.passes), OUTCOMES
                ),
            },
            "disagreements": {
                "requirements": [
                    {
                        "task": p.task,
                        "sample": p.sample,
                        "requirement": p.requirement,
                        "label": p.label,
                        "grader": p.grader,
                    }
                    for p in pairs
                    if p.label != p.grader
                ],
                "pass": [
                    {"task": p.task, "sample": p.sample, "label": p.label, "grader": p.grader}
                    for p in self.passes
                    if p.label != p.grader
                ],
            },
        }


def compare(
    entries: Sequence[LabelEntry],
    results: Iterable[SampleResult],
    *,
    source: str = "labels",
    model: str | None = None,
) -> Agreement:
    """Match labels to results by (task, sample) and pair their verdicts.

    ``model`` keeps only that model's results. A label that matches results of several
    models (and names none), two labels for one sample, or a requirement id the matched
    result does not hold raise ``LabelError``.
    """
    pool = [r for r in results if model is None or r.model == model]
    by_key: dict[tuple[str, int], list[SampleResult]] = {}
    for result in pool:
        by_key.setdefault((result.task, result.sample), []).append(result)

    agreement = Agreement()
    used: set[int] = set()
    seen: dict[tuple[str, str | None, int], str] = {}
    for entry in entries:
        label = entry.label
        where = f"{source}: {entry.where}"
        name = f"{label.task} sample {label.sample}"
        ident = (label.task, label.model, label.sample)
        if ident in seen:
            raise LabelError(f"{where}: {name} is labelled twice (also {seen[ident]})")
        seen[ident] = entry.where
        found = [
            r for r in by_key.get((label.task, label.sample), []) if label.model in (None, r.model)
        ]
        if not found:
            agreement.labels_without_result.append((label.task, label.sample))
            continue
        if len(found) > 1:
            models = ", ".join(sorted(r.model for r in found))
            raise LabelError(
                f"{where}: {name} matches results of several models ({models}); "
                "give the entry a model or pass --model"
            )
        result = found[0]
        if id(result) in used:
            raise LabelError(f"{where}: {name} is labelled twice")
        used.add(id(result))
        agreement.matched += 1

        grader = {req.id: req.status for req in result.requirements}
        unknown = [rid for rid in label.requirements if rid not in grader]
        if unknown:
            known = ", ".join(grader) or "none"
            raise LabelError(
                f"{where}: {name}: unknown requirement {unknown[0]!r} (the grader's: {known})"
            )
        for rid, status in grader.items():
            if rid in label.requirements:
                agreement.requirements.append(
                    RequirementPair(label.task, label.sample, rid, label.requirements[rid], status)
                )
            else:
                agreement.unlabelled_requirements += 1
        if label.passed is not None:
            agreement.passes.append(
                PassPair(label.task, label.sample, label.passed, bool(result.passed))
            )

    agreement.results_without_label = sorted((r.task, r.sample) for r in pool if id(r) not in used)
    agreement.labels_without_result.sort()
    return agreement


# --------------------------------------------------------------------------- figures


def cohen_kappa(pairs: Sequence[tuple[Any, Any]]) -> float | None:
    """Cohen's kappa of (label, grader) pairs; ``None`` when undefined (no pairs, or both
    sides always give the same single value so chance agreement is 1)."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(a == b for a, b in pairs) / n
    values = {v for pair in pairs for v in pair}
    expected = sum(
        (sum(a == v for a, _ in pairs) / n) * (sum(b == v for _, b in pairs) / n) for v in values
    )
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def _figures(pairs: Sequence[tuple[Any, Any]]) -> dict[str, Any]:
    agree = sum(a == b for a, b in pairs)
    return {
        "agree": agree,
        "rate": agree / len(pairs) if pairs else None,
        "kappa": cohen_kappa(pairs),
    }


def _confusion(
    pairs: Iterable[tuple[str, str]], values: Sequence[str]
) -> dict[str, dict[str, int]]:
    table = {row: dict.fromkeys(values, 0) for row in values}
    for label, grader in pairs:
        table[label][grader] += 1
    return table


def _outcome(passed: bool) -> Literal["passed", "failed"]:
    return "passed" if passed else "failed"


def _key(key: tuple[str, int]) -> dict[str, Any]:
    return {"task": key[0], "sample": key[1]}
