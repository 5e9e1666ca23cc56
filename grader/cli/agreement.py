"""``grade agreement LABELS RUN_DIR``: how well the grader agrees with blind labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from grader.agreement import OUTCOMES, STATUSES, compare, load_labels
from grader.store import load_run

SHOW = 10  # unmatched labels named in the printed summary


def _rate(figures: dict[str, Any]) -> str:
    return "–" if figures["rate"] is None else f"{figures['rate']:.1%}"


def _kappa(figures: dict[str, Any]) -> str:
    return "–" if figures["kappa"] is None else f"{figures['kappa']:.2f}"


def _confusion_table(title: str, table: dict[str, dict[str, int]], values: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from rich.table import Table

    out = Table(title=title)
    out.add_column("label \\ grader")
    for value in values:
        out.add_column(value, justify="right")
    for row in values:
        out.add_row(row, *(str(table[row][col]) for col in values))
    return out


def _print(figures: dict[str, Any], labels: Path, run_dir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if Console().is_terminal else 120)
    samples, reqs, passes = figures["samples"], figures["requirements"], figures["pass"]
    console.print(
        f"{labels} vs {run_dir}: {samples['matched']} samples matched, "
        f"{samples['labels_without_result']} labels without a result, "
        f"{samples['results_without_label']} results without a label",
        soft_wrap=True,
    )
    unmatched = samples["unmatched_labels"]
    if unmatched:
        shown = ", ".join(f"{k['task']}#{k['sample']}" for k in unmatched[:SHOW])
        more = f" and {len(unmatched) - SHOW} more" if len(unmatched) > SHOW else ""
        console.print(f"labels without a result: {shown}{more}", soft_wrap=True)

    overall = Table(title="Agreement")
    for name, justify in (("measure", "left"), ("pairs", "right"), ("agree", "right")):
        overall.add_column(name, justify=justify)  # type: ignore[arg-type]
    overall.add_column("rate", justify="right")
    overall.add_column("kappa", justify="right")
    rows = (
        ("requirements, met vs not met", reqs["pairs"], reqs["binary"]),
        ("requirements, met/partial/unmet", reqs["pairs"], reqs["three_way"]),
        ("passed", passes["pairs"], passes),
    )
    for name, pairs, fig in rows:
        overall.add_row(name, str(pairs), str(fig["agree"]), _rate(fig), _kappa(fig))
    console.print(overall)
    if reqs["unlabelled"]:
        console.print(f"{reqs['unlabelled']} requirement verdicts had no label and were left out")
    console.print(_confusion_table("Requirements", reqs["confusion"], STATUSES))
    console.print(_confusion_table("Passed", passes["confusion"], OUTCOMES))

    if reqs["by_requirement"]:
        kinds = Table(title="By requirement")
        kinds.add_column("requirement", no_wrap=True)
        for name in ("pairs", "binary", "three-way"):
            kinds.add_column(name, justify="right")
        for rid, fig in reqs["by_requirement"].items():
            kinds.add_row(rid, str(fig["pairs"]), _rate(fig["binary"]), _rate(fig["three_way"]))
        console.print(kinds)


@click.command()
@click.argument("labels", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--model", help="Compare only this model's results (for a run of several models).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def agreement(labels: Path, run_dir: Path, model: str | None, as_json: bool) -> None:
    """Compare RUN_DIR's verdicts with LABELS written blind by a person (YAML list or JSONL).

    Matches samples by task and sample; reports requirement agreement (met vs not met, and
    met/partial/unmet) and pass agreement with their confusion tables (label rows, grader
    columns). A bad label entry is refused whole (exit 2), naming its position.
    """
    entries = load_labels(labels)
    figures = compare(entries, load_run(run_dir).results, source=str(labels), model=model)
    report = {"labels": str(labels), "run": str(run_dir), "model": model, **figures.to_dict()}
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        _print(report, labels, run_dir)


def register(grade: click.Group) -> None:
    grade.add_command(agreement)
