"""``grade gate`` and ``grade baseline save``: thin wrappers over grader.gate."""

from __future__ import annotations

from pathlib import Path

import click

from grader import gate as gating
from grader.errors import GraderError


@click.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option(
    "--baseline",
    required=True,
    type=click.Path(path_type=Path),
    help="A run directory or a baseline file (grade baseline save).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Gate file (YAML) saying what counts as a regression. Default: gates/default.yaml.",
)
@click.option(
    "--junit", type=click.Path(dir_okay=False, path_type=Path), help="Write JUnit XML here."
)
@click.option(
    "--sarif",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the run's static findings as SARIF 2.1.0 here.",
)
@click.option(
    "--markdown",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a Markdown summary (for a pull-request comment) here.",
)
def gate(
    run_dir: Path,
    baseline: Path,
    config_path: Path | None,
    junit: Path | None,
    sarif: Path | None,
    markdown: Path | None,
) -> None:
    """Exit 1 when RUN_DIR regressed against BASELINE, naming what; 0 when nothing did."""
    config = gating.load_config(config_path)
    if not run_dir.is_dir():
        raise GraderError(f"{run_dir}: not a run directory")
    current = gating.load_snapshot(run_dir)
    verdict = gating.compare_runs(current, gating.load_snapshot(baseline), config)
    if junit:
        gating.write_junit(verdict, junit)
    if sarif:
        gating.write_sarif(current.results, sarif)
    if markdown:
        gating.write_markdown(verdict, markdown)
    click.echo(verdict.summary())
    raise SystemExit(verdict.exit_code)


@click.group()
def baseline() -> None:
    """Baselines for the regression gate."""


@baseline.command("save")
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def save(run_dir: Path, file: Path) -> None:
    """Write RUN_DIR's per-task scores, verdicts and notes to FILE (JSON, or YAML by suffix)."""
    path = gating.save_baseline(run_dir, file)
    snapshot = gating.load_snapshot(path)
    click.echo(
        f"baseline: {path} ({len(snapshot.entries)} task x model entries, "
        f"models: {', '.join(snapshot.model_names)})"
    )


def register(grade: click.Group) -> None:
    grade.add_command(gate)
    grade.add_command(baseline)
