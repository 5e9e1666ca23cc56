"""Across samples and models: pass@k, mean score and per-requirement hit rates (tables in pandas)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from grader.types import SampleResult

if TYPE_CHECKING:  # pandas is imported where a table is built: pass@k alone stays light
    import pandas as pd

KEYS = ["model", "task"]


def pass_at_k(n: int, c: int, k: int) -> float:
    """The unbiased estimator of Chen et al. (2021): 1 - C(n-c, k) / C(n, k).

    ``n`` samples, ``c`` of them correct, ``k`` drawn. Computed as a product so large ``n``
    stays exact enough and never overflows.
    """
    if not 0 <= c <= n:
        raise ValueError(f"need 0 <= c <= n, got n={n}, c={c}")
    if not 1 <= k <= n:
        raise ValueError(f"need 1 <= k <= n, got n={n}, k={k}")
    if n - c < k:
        return 1.0
    return 1.0 - math.prod(1.0 - k / i for i in range(n - c + 1, n + 1))


def score_rows(results: Sequence[SampleResult], ks: Sequence[int] = (1,)) -> list[dict[str, Any]]:
    """``summarize``'s rows as plain dicts, sorted by model and task. Needs no pandas, so the
    evaluation record written after every run does not pay pandas' import (~0.8 s)."""
    ks = sorted({int(k) for k in ks})
    groups: dict[tuple[str, str], list[SampleResult]] = {}
    for result in results:
        groups.setdefault((result.model, result.task), []).append(result)
    rows = []
    for (model, task), group in sorted(groups.items()):
        n = len(group)
        passes = sum(bool(r.passed) for r in group)
        speeds = [float(r.tokens_per_second) for r in group if r.tokens_per_second is not None]
        rows.append(
            {
                "model": model,
                "task": task,
                "samples": n,
                "mean_score": statistics.fmean(float(r.score) for r in group),
                "pass_rate": passes / n,
                **{f"pass@{k}": pass_at_k(n, passes, k) if k <= n else math.nan for k in ks},
                "gaming": sum(bool(r.gaming) for r in group),  # samples that gamed the tests
                # samples this machine's toolchain could not build (newer syntax): not failures
                "ungradable": sum(bool(getattr(r, "ungradable", None)) for r in group),
                "tokens_per_second": statistics.fmean(speeds) if speeds else math.nan,
            }
        )
    return rows


def summarize(results: Sequence[SampleResult], ks: Sequence[int] = (1,)) -> pd.DataFrame:
    """One row per model x task: samples, mean score, pass rate, pass@k, gaming samples
    (code that tried to pass the tests without solving the task), ungradable samples (syntax
    newer than this machine's compiler builds: failed, but not the code's fault), mean tokens/s.

    ``pass@k`` is NaN where a model has fewer than ``k`` samples of a task.
    """
    import pandas as pd

    ks = sorted({int(k) for k in ks})
    columns = [
        *KEYS,
        "samples",
        "mean_score",
        "pass_rate",
        *(f"pass@{k}" for k in ks),
        "gaming",
        "ungradable",
        "tokens_per_second",
    ]
    return pd.DataFrame(score_rows(results, ks), columns=columns)


def gaming_counts(results: Sequence[SampleResult]) -> dict[str, int]:
    """Per model, the samples whose code tried to game the tests (any model with samples)."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result.model] = counts.get(result.model, 0) + bool(result.gaming)
    return counts


def requirement_rates(results: Sequence[SampleResult]) -> pd.DataFrame:
    """One row per model x task x requirement: samples, share met, mean credit."""
    import pandas as pd

    rows = [
        {
            "model": r.model,
            "task": r.task,
            "requirement": req.id,
            "met": bool(req.met),
            "credit": float(req.credit),
        }
        for r in results
        for req in r.requirements
    ]
    columns = [*KEYS, "requirement", "samples", "met_rate", "mean_credit"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows)
    order = {rid: i for i, rid in enumerate(dict.fromkeys(frame["requirement"]))}
    table = (
        frame.groupby([*KEYS, "requirement"], sort=False)
        .agg(samples=("met", "size"), met_rate=("met", "mean"), mean_credit=("credit", "mean"))
        .reset_index()
    )
    table["_order"] = table["requirement"].map(order)
    return (
        table.sort_values([*KEYS, "_order"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)[columns]
    )
