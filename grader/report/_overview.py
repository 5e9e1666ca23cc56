"""The numbers the report's overview shows: per model, per task x model, charts, changes.

Plain dicts and lists, ready for the template; no HTML here.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from grader.notes import NoteIndex, tally
from grader.summary import pass_at_k
from grader.types import SampleResult


def choose_ks(max_samples: int) -> list[int]:
    """pass@1 always; pass@5 / pass@10 where there are more samples; pass@n at the top."""
    if max_samples <= 1:
        return [1]
    return sorted({1, max_samples} | {k for k in (5, 10) if k < max_samples})


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _group_pass_at(
    groups: dict[Any, list[SampleResult]], ks: Sequence[int]
) -> dict[int, float | None]:
    """Mean over groups (tasks) of each group's pass@k; None where no group has k samples."""
    out: dict[int, float | None] = {}
    for k in ks:
        values = [
            pass_at_k(len(g), sum(r.passed for r in g), k) for g in groups.values() if len(g) >= k
        ]
        out[k] = _mean(values)
    return out


def _speed(results: Sequence[SampleResult]) -> dict[str, Any]:
    speeds = [r.tokens_per_second for r in results if r.tokens_per_second]
    ttft = [r.ttft_s for r in results if r.ttft_s is not None]
    tokens = [r.completion_tokens for r in results if r.completion_tokens]
    if not speeds:
        return {
            "tps": None,
            "tps_low": None,
            "tps_high": None,
            "ttft": _median(ttft),
            "tokens": _mean(tokens),
        }
    return {
        "tps": statistics.median(speeds),
        "tps_low": _quantile(speeds, 0.1),
        "tps_high": _quantile(speeds, 0.9),
        "ttft": _median(ttft),
        "tokens": _mean(tokens),
    }


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _summary(results: Sequence[SampleResult], ks: Sequence[int]) -> dict[str, Any]:
    by_task: dict[str, list[SampleResult]] = defaultdict(list)
    for r in results:
        by_task[r.task].append(r)
    return {
        "samples": len(results),
        "tasks": len(by_task),
        "passed": sum(r.passed for r in results),
        "errors": sum(1 for r in results if r.error),
        "gaming": sum(1 for r in results if r.gaming),  # samples that tried to game the tests
        "ungradable": sum(1 for r in results if getattr(r, "ungradable", None)),
        "score": _mean([r.score for r in results]),
        "pass_rate": _mean([float(r.passed) for r in results]),
        "pass_at": _group_pass_at(by_task, ks),
        **_speed(results),
    }


def models_table(
    results: Sequence[SampleResult], models: Sequence[str], ks: Sequence[int]
) -> list[dict[str, Any]]:
    by_model: dict[str, list[SampleResult]] = defaultdict(list)
    for r in results:
        by_model[r.model].append(r)
    return [{"name": name, **_summary(by_model[name], ks)} for name in models if by_model.get(name)]


def tasks_matrix(
    results: Sequence[SampleResult],
    tasks: Sequence[dict[str, Any]],
    models: Sequence[str],
    ks: Sequence[int],
) -> list[dict[str, Any]]:
    """One row per task: overall figures and one cell per model (None where it has no samples)."""
    cells: dict[tuple[str, str], list[SampleResult]] = defaultdict(list)
    per_task: dict[str, list[SampleResult]] = defaultdict(list)
    for r in results:
        cells[(r.task, r.model)].append(r)
        per_task[r.task].append(r)
    rows = []
    for task in tasks:
        group = per_task.get(task["id"])
        if not group:
            continue
        row = {
            **task,
            "samples": len(group),
            "score": _mean([r.score for r in group]),
            "pass_rate": _mean([float(r.passed) for r in group]),
            "cells": [],
        }
        for model in models:
            cell = cells.get((task["id"], model))
            if not cell:
                row["cells"].append(None)
                continue
            row["cells"].append(
                {
                    "model": model,
                    "samples": len(cell),
                    "score": _mean([r.score for r in cell]),
                    "pass_rate": _mean([float(r.passed) for r in cell]),
                    "tps": _median([r.tokens_per_second for r in cell if r.tokens_per_second]),
                    "pass_at": {
                        k: (
                            pass_at_k(len(cell), sum(r.passed for r in cell), k)
                            if len(cell) >= k
                            else None
                        )
                        for k in ks
                    },
                }
            )
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- charts

CHART_WIDTH = 240


def score_histograms(
    results: Sequence[SampleResult], models: Sequence[str]
) -> list[dict[str, Any]]:
    """Per model (or one overall when there are many): ten bins of ten points, passed/failed."""
    groups: list[tuple[str, list[SampleResult]]]
    if 1 < len(models) <= 6:
        by_model: dict[str, list[SampleResult]] = defaultdict(list)
        for r in results:
            by_model[r.model].append(r)
        groups = [(m, by_model[m]) for m in models if by_model.get(m)]
    else:
        groups = [(models[0] if len(models) == 1 else "all models", list(results))]
    charts = []
    for name, group in groups:
        passed, failed = [0] * 10, [0] * 10
        for r in group:
            index = min(int(r.score // 10), 9)
            (passed if r.passed else failed)[index] += 1
        top = max([p + f for p, f in zip(passed, failed, strict=True)] + [1])
        height, bar = 80.0, CHART_WIDTH / 10
        bars = []
        for i in range(10):
            hp, hf = height * passed[i] / top, height * failed[i] / top
            bars.append(
                {
                    "x": round(i * bar + 1, 1),
                    "w": round(bar - 2, 1),
                    "yp": round(height - hp, 1),
                    "hp": round(hp, 1),
                    "yf": round(height - hp - hf, 1),
                    "hf": round(hf, 1),
                    "passed": passed[i],
                    "failed": failed[i],
                    "label": f"{i * 10}–{i * 10 + 10}",
                }
            )
        charts.append(
            {"name": name, "bars": bars, "top": top, "samples": len(group), "height": height}
        )
    return charts


def requirement_rates(results: Sequence[SampleResult], limit: int = 30) -> dict[str, Any]:
    """Per requirement id (across tasks and models): met / partial / unmet shares, worst first."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        for verdict in r.requirements:
            counts[verdict.id][verdict.status] += 1
    rows = []
    for rid, counter in counts.items():
        total = sum(counter.values())
        met, partial = counter["met"] / total, counter["partial"] / total
        rows.append(
            {
                "id": rid,
                "total": total,
                "met": met,
                "partial": partial,
                "unmet": 1 - met - partial,
                "met_n": counter["met"],
                "partial_n": counter["partial"],
                "unmet_n": counter["unmet"],
            }
        )
    rows.sort(key=lambda row: (row["met"], row["met"] + row["partial"], row["id"]))
    for row in rows:  # bar segments in percent of the bar's width
        row["wm"] = round(100 * row["met"], 2)
        row["wp"] = round(100 * row["partial"], 2)
        row["wu"] = round(max(0.0, 100 - row["wm"] - row["wp"]), 2)
    return {"rows": rows[:limit], "hidden": max(0, len(rows) - limit)}


def speed_chart(models_rows: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Median tokens/s per model, with a 10th–90th percentile whisker."""
    rows = [row for row in models_rows if row["tps"]]
    if not rows:
        return None
    top = max(row["tps_high"] for row in rows) * 1.05
    bars = [
        {  # in percent of the bar's width
            "name": row["name"],
            "tps": row["tps"],
            "low": row["tps_low"],
            "high": row["tps_high"],
            "w": round(100 * row["tps"] / top, 2),
            "x1": round(100 * row["tps_low"] / top, 2),
            "x2": round(100 * row["tps_high"] / top, 2),
        }
        for row in rows
    ]
    return {"bars": bars, "top": top}


# --------------------------------------------------------------------------- baseline


def changes(
    current: Sequence[SampleResult],
    baseline: Sequence[SampleResult],
    current_index: dict[tuple[str, str, int], int],
    baseline_index: dict[tuple[str, str, int], int],
) -> dict[str, Any]:
    """What changed from the baseline run: per task x model, per sample, and in the notes."""
    now_groups: dict[tuple[str, str], list[SampleResult]] = defaultdict(list)
    then_groups: dict[tuple[str, str], list[SampleResult]] = defaultdict(list)
    for r in current:
        now_groups[(r.task, r.model)].append(r)
    for r in baseline:
        then_groups[(r.task, r.model)].append(r)
    then_by_key = {(r.task, r.model, r.sample): r for r in baseline}
    transitions = []
    for r in current:
        old = then_by_key.get((r.task, r.model, r.sample))
        if old is None:
            continue
        if old.passed != r.passed or abs(old.score - r.score) >= 0.005:
            transitions.append(
                {
                    "task": r.task,
                    "model": r.model,
                    "sample": r.sample,
                    "was_passed": old.passed,
                    "passed": r.passed,
                    "was_score": old.score,
                    "score": r.score,
                    "delta": r.score - old.score,
                    "index": current_index[(r.task, r.model, r.sample)],
                    "baseline_index": baseline_index[(r.task, r.model, r.sample)],
                }
            )
    transitions.sort(key=lambda t: (t["passed"] - t["was_passed"], t["delta"]))
    groups = []
    for key in sorted(set(now_groups) | set(then_groups)):
        now, then = now_groups.get(key, []), then_groups.get(key, [])
        now_notes, then_notes = tally(now), tally(then)
        now_seen = NoteIndex(now_notes)
        then_seen = NoteIndex(then_notes)
        pairs = [t for t in transitions if (t["task"], t["model"]) == key]
        groups.append(
            {
                "task": key[0],
                "model": key[1],
                "status": "added" if not then else "removed" if not now else "both",
                "samples": len(now),
                "was_samples": len(then),
                "score": _mean([r.score for r in now]),
                "was_score": _mean([r.score for r in then]),
                "pass_rate": _mean([float(r.passed) for r in now]),
                "was_pass_rate": _mean([float(r.passed) for r in then]),
                "regressed": sum(1 for t in pairs if t["was_passed"] and not t["passed"]),
                "fixed": sum(1 for t in pairs if t["passed"] and not t["was_passed"]),
                "new_notes": sorted(
                    (said for ident, said in now_notes.items() if ident not in then_seen),
                    key=lambda x: -x[1],
                ),
                "resolved_notes": sorted(
                    (said for ident, said in then_notes.items() if ident not in now_seen),
                    key=lambda x: -x[1],
                ),
            }
        )
    for group in groups:
        both = group["score"] is not None and group["was_score"] is not None
        group["delta"] = group["score"] - group["was_score"] if both else None
    groups.sort(
        key=lambda g: (
            g["status"] != "both",
            -g["regressed"],
            g["delta"] if g["delta"] is not None else 0,
            g["task"],
            g["model"],
        )
    )
    return {
        "groups": groups,
        "transitions": transitions,
        "regressed": sum(1 for t in transitions if t["was_passed"] and not t["passed"]),
        "fixed": sum(1 for t in transitions if t["passed"] and not t["was_passed"]),
        "score": _mean([r.score for r in current]),
        "was_score": _mean([r.score for r in baseline]),
        "pass_rate": _mean([float(r.passed) for r in current]),
        "was_pass_rate": _mean([float(r.passed) for r in baseline]),
        "matched": sum(1 for r in current if (r.task, r.model, r.sample) in then_by_key),
        "new_notes": sum(len(g["new_notes"]) for g in groups),
        "resolved_notes": sum(len(g["resolved_notes"]) for g in groups),
    }
