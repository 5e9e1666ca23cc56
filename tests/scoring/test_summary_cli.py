"""``grade summary RUN_DIR``: the printed table and the CSV files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from grader.cli import grade
from grader.store import RunStore
from grader.types import Gaming, RequirementVerdict, SampleResult


def make_run(path: Path, samples: int = 3) -> Path:
    store = RunStore.create(path, {"id": "r", "models": [{"name": "m"}]})
    for i in range(samples):
        met = i == 0
        store.append(
            SampleResult(
                task="user-flags/python",
                language="python",
                score=100.0 if met else 20.0,
                passed=met,
                sample=i,
                model="m",
                completion="",
                tokens_per_second=30.0 + i,
                requirements=[
                    RequirementVerdict(
                        id="parameter-validation",
                        met=met,
                        status="met" if met else "unmet",
                        credit=float(met),
                        weight=3,
                    )
                ],
            )
        )
    return path


def test_summary_prints_and_writes_csv(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    outcome = CliRunner().invoke(grade, ["summary", str(run)])
    assert outcome.exit_code == 0, outcome.output
    assert (
        "user-flags/python" in outcome.output
        and "pass@2" in outcome.output
        and "pass@5" not in outcome.output
    )
    assert "parameter-validation" in outcome.output
    table = pd.read_csv(run / "summary.csv")
    row = table.iloc[0]
    assert row["samples"] == 3 and abs(row["pass@1"] - 1 / 3) < 1e-9
    assert abs(row["pass@2"] - (1 - 1 / 3)) < 1e-9 and abs(row["mean_score"] - 140 / 3) < 1e-9
    assert abs(row["tokens_per_second"] - 31.0) < 1e-9
    rates = pd.read_csv(run / "summary-requirements.csv")
    assert (
        rates.loc[0, "requirement"] == "parameter-validation"
        and abs(rates.loc[0, "met_rate"] - 1 / 3) < 1e-9
    )


def test_summary_csv_option_and_chosen_k(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run", samples=2)
    target = tmp_path / "out" / "s.csv"
    outcome = CliRunner().invoke(
        grade, ["summary", str(run), "--csv", str(target), "-k", "1", "-k", "3"]
    )
    assert outcome.exit_code == 0, outcome.output
    assert list(pd.read_csv(target).columns)[5:7] == ["pass@1", "pass@3"]
    assert (tmp_path / "out" / "s-requirements.csv").exists() and not (run / "summary.csv").exists()


def test_summary_of_a_directory_that_is_not_a_run(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(grade, ["summary", str(tmp_path)])
    assert outcome.exit_code == 2 and "not a run directory" in outcome.output


def test_summary_counts_gaming_samples_per_model(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    gamed = Gaming(strategy="always-equal", rule="gaming-always-equal", line=2, message="x")
    line = SampleResult(
        task="user-flags/python",
        language="python",
        score=0.0,
        passed=False,
        sample=3,
        model="m",
        completion="",
        gaming=[gamed],
    )
    with (run / "results.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(line.model_dump_json() + "\n")
    outcome = CliRunner().invoke(grade, ["summary", str(run)])
    assert outcome.exit_code == 0, outcome.output
    assert "gaming: m: 1 sample tried to pass the tests without solving the task" in outcome.output
    table = pd.read_csv(run / "summary.csv")
    assert list(table["gaming"]) == [1]
