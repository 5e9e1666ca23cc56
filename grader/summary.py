"""Across samples and models: pass@k, mean score and per-requirement hit rates, with pandas."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

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


def _frame(results: Sequence[SampleResult]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            "model": [r.model for r in results],
            "task": [r.task for r in results],
            "score": [float(r.score) for r in results],
            "passed": [bool(r.passed) for r in results],
            "tokens_per_second": [r.tokens_per_second for r in results],
        },
        columns=["model", "task", "score", "passed", "tokens_per_second"],
    ).astype({"tokens_per_second": "float64"})


def summarize(results: Sequence[SampleResult], ks: Sequence[int] = (1,)) -> pd.DataFrame:
    """One row per model x task: samples, mean score, pass rate, pass@k, mean tokens/s.

    ``pass@k`` is NaN where a model has fewer than ``k`` samples of a task.
    """
    import pandas as pd

    frame = _frame(results)
    ks = sorted({int(k) for k in ks})
    columns = [*KEYS, "samples", "mean_score", "pass_rate", *(f"pass@{k}" for k in ks), "tokens_per_second"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby(KEYS, sort=True)
    table = grouped.agg(
        samples=("score", "size"),
        passes=("passed", "sum"),
        mean_score=("score", "mean"),
        pass_rate=("passed", "mean"),
        tokens_per_second=("tokens_per_second", "mean"),
    ).reset_index()
    for k in ks:
        table[f"pass@{k}"] = [
            pass_at_k(int(n), int(c), k) if k <= n else math.nan
            for n, c in zip(table["samples"], table["passes"], strict=True)
        ]
    return table[columns]


def requirement_rates(results: Sequence[SampleResult]) -> pd.DataFrame:
    """One row per model x task x requirement: samples, share met, mean credit."""
    import pandas as pd

    rows = [
        {"model": r.model, "task": r.task, "requirement": req.id, "met": bool(req.met), "credit": float(req.credit)}
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
    return table.sort_values([*KEYS, "_order"], kind="stable").drop(columns="_order").reset_index(drop=True)[columns]
