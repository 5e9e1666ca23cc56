"""pass@k, the per model x task table and requirement hit rates."""

from __future__ import annotations

import math
from math import comb

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.summary import gaming_counts, pass_at_k, requirement_rates, score_rows, summarize
from grader.types import Gaming, RequirementVerdict, SampleResult


@pytest.mark.parametrize(
    ("n", "c", "k", "expected"),
    [
        (5, 2, 1, 0.4),
        (5, 2, 2, 1 - 3 / 10),
        (10, 3, 5, 1 - 21 / 252),
        (4, 0, 2, 0.0),
        (4, 4, 1, 1.0),
        (5, 3, 3, 1.0),  # fewer than k failures: every draw holds a pass
        (1, 1, 1, 1.0),
    ],
)
def test_pass_at_k_hand_computed(n: int, c: int, k: int, expected: float) -> None:
    assert pass_at_k(n, c, k) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(("n", "c", "k"), [(3, 4, 1), (3, -1, 1), (3, 1, 0), (3, 1, 4)])
def test_pass_at_k_rejects_impossible_counts(n: int, c: int, k: int) -> None:
    with pytest.raises(ValueError):
        pass_at_k(n, c, k)


counts = st.integers(1, 200).flatmap(
    lambda n: st.tuples(st.just(n), st.integers(0, n), st.integers(1, n))
)


@given(counts)
def test_pass_at_k_matches_the_binomial_form_and_stays_in_range(nck: tuple[int, int, int]) -> None:
    n, c, k = nck
    value = pass_at_k(n, c, k)
    assert 0.0 <= value <= 1.0
    assert value == pytest.approx(1 - comb(n - c, k) / comb(n, k), abs=1e-9)


@given(counts)
def test_pass_at_k_is_monotone_in_c_and_k(nck: tuple[int, int, int]) -> None:
    n, c, k = nck
    value = pass_at_k(n, c, k)
    if c < n:
        assert pass_at_k(n, c + 1, k) >= value - 1e-12
    if k < n:
        assert pass_at_k(n, c, k + 1) >= value - 1e-12


def result(
    model: str,
    task: str,
    sample: int,
    score: float,
    passed: bool,
    tps: float | None = None,
    met: tuple[bool, ...] = (),
    gaming: tuple[str, ...] = (),
) -> SampleResult:
    requirements = [
        RequirementVerdict(
            id=f"r{i}", met=m, status="met" if m else "unmet", credit=float(m), weight=1
        )
        for i, m in enumerate(met)
    ]
    return SampleResult(
        task=task,
        language="python",
        score=score,
        passed=passed,
        sample=sample,
        model=model,
        completion="",
        tokens_per_second=tps,
        requirements=requirements,
        gaming=[Gaming(strategy=g, rule=f"gaming-{g}", line=1, message=g) for g in gaming],
    )


def test_summarize_per_model_and_task() -> None:
    results = [
        result("a", "t1", 0, 100, True, 10),
        result("a", "t1", 1, 50, False, 20),
        result("a", "t1", 2, 90, True, None),
        result("b", "t1", 0, 0, False, 5, gaming=("always-equal", "process-exit")),
        result("a", "t2", 0, 80, True, 30),
    ]
    table = summarize(results, ks=(1, 2))
    assert list(table.columns) == [
        "model",
        "task",
        "samples",
        "mean_score",
        "pass_rate",
        "pass@1",
        "pass@2",
        "gaming",
        "ungradable",
        "tokens_per_second",
    ]
    rows = {(r["model"], r["task"]): r for r in table.to_dict("records")}
    a1 = rows[("a", "t1")]
    assert a1["samples"] == 3 and a1["mean_score"] == pytest.approx(80)
    assert a1["pass_rate"] == pytest.approx(2 / 3) and a1["pass@1"] == pytest.approx(2 / 3)
    assert a1["pass@2"] == pytest.approx(1.0) and a1["tokens_per_second"] == pytest.approx(15)
    assert rows[("b", "t1")]["pass@1"] == 0.0
    assert rows[("b", "t1")]["gaming"] == 1 and a1["gaming"] == 0
    assert gaming_counts(results) == {"a": 0, "b": 1}
    assert math.isnan(rows[("a", "t2")]["pass@2"])  # one sample: pass@2 is undefined


def test_summarize_empty() -> None:
    assert summarize([]).empty


def test_requirement_rates() -> None:
    results = [
        result("a", "t", 0, 0, False, met=(True, False)),
        result("a", "t", 1, 0, False, met=(True, True)),
    ]
    rates = requirement_rates(results).to_dict("records")
    assert [(r["requirement"], r["samples"], r["met_rate"]) for r in rates] == [
        ("r0", 2, 1.0),
        ("r1", 2, 0.5),
    ]
    assert requirement_rates([]).empty


def test_score_rows_are_summarize_without_pandas() -> None:
    results = [
        result("a", "t1", 0, 100, True, 10),
        result("a", "t1", 1, 50, False, None),
        result("b", "t0", 0, 0, False, None),
        result("a", "t0", 0, 80, True, 30),
    ]
    rows = score_rows(results, ks=(1, 2))
    assert [(r["model"], r["task"]) for r in rows] == [("a", "t0"), ("a", "t1"), ("b", "t0")]
    table = summarize(results, ks=(1, 2)).to_dict("records")
    for mine, theirs in zip(rows, table, strict=True):
        assert mine.keys() == theirs.keys()
        for key, value in mine.items():
            if isinstance(value, float) and math.isnan(value):
                assert math.isnan(theirs[key])
            else:
                assert (
                    theirs[key] == pytest.approx(value)
                    if isinstance(value, float)
                    else theirs[key] == value
                )
    assert math.isnan(rows[2]["tokens_per_second"]) and rows[1]["tokens_per_second"] == 10.0
