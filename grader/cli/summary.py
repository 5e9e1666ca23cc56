"""``grade summary RUN_DIR``: per model x task figures and per-requirement hit rates."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import click

from grader.store import load_run
from grader.summary import gaming_counts, requirement_rates, summarize

DEFAULT_KS = (1, 2, 5, 10, 20, 50, 100)
HEADERS = {
    "mean_score": "mean score",
    "pass_rate": "pass rate",
    "tokens_per_second": "tok/s",
    "met_rate": "met rate",
    "mean_credit": "mean credit",
}

if TYPE_CHECKING:
    import pandas as pd


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "–" if math.isnan(value) else f"{value:.2f}"
    return str(value)


def _table(frame: pd.DataFrame, title: str):  # type: ignore[no-untyped-def]
    import pandas as pd
    from rich.table import Table

    table = Table(title=title)
    for column in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[column])
        table.add_column(
            HEADERS.get(str(column), str(column)),
            justify="right" if numeric else "left",
            no_wrap=not numeric,
            overflow="fold",
        )
    for row in frame.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    return table


@click.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the table (default RUN_DIR/summary.csv); the requirement rates go "
    "next to it as <name>-requirements.csv.",
)
@click.option(
    "-k",
    "ks",
    type=click.IntRange(1),
    multiple=True,
    help="pass@k to report (repeatable). Default: 1 and every k in 2, 5, 10, 20, 50, 100 up to the samples taken.",
)
def summary(run_dir: Path, csv_path: Path | None, ks: tuple[int, ...]) -> None:
    """Print samples, mean score, pass rate, pass@k, gaming and ungradable samples and tokens/s
    per model and task; write CSV."""
    from rich.console import Console

    loaded = load_run(run_dir)
    most = max((n for n in summarize(loaded.results)["samples"]), default=1)
    chosen = sorted(set(ks)) if ks else [k for k in DEFAULT_KS if k == 1 or k <= most]
    table = summarize(loaded.results, ks=chosen)
    rates = requirement_rates(loaded.results)
    csv_path = csv_path or run_dir / "summary.csv"
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(csv_path, index=False)
    rates_path = csv_path.with_name(f"{csv_path.stem}-requirements.csv")
    rates.to_csv(rates_path, index=False)

    console = Console(width=None if Console().is_terminal else 160)
    if table.empty:
        console.print(f"{run_dir}: no graded samples")
    else:
        console.print(_table(table, "Per model and task"))
        console.print(_table(rates, "Requirement hit rates"))
        for model, count in gaming_counts(loaded.results).items():
            if count:
                console.print(
                    f"gaming: {model}: {count} sample{'s' if count != 1 else ''} tried to pass "
                    "the tests without solving the task"
                )
        for model, count in table.groupby("model")["ungradable"].sum().items():
            if count:
                console.print(
                    f"ungradable: {model}: {count} sample{'s' if count != 1 else ''} used syntax "
                    "newer than this machine's compiler builds (failed, not counted as mistakes)"
                )
    console.print(f"csv: {csv_path}")
    console.print(f"csv: {rates_path}")


def register(grade: click.Group) -> None:
    grade.add_command(summary)
