"""``grade report`` and ``grade review import``: thin wrappers over grader.report."""

from __future__ import annotations

from pathlib import Path

import click

from grader.errors import GraderError
from grader.report import import_review, write_report


def _run_dir(path: Path, what: str) -> Path:
    if not path.is_dir():
        raise GraderError(f"{path}: {what} is not a directory")
    return path


@click.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    help="Another run directory to compare with (what changed per task, side by side).",
)
def report(run_dir: Path, baseline: Path | None) -> None:
    """(Re)write RUN_DIR/report.html: one self-contained page to review the run."""
    _run_dir(run_dir, "RUN_DIR")
    if baseline is not None:
        _run_dir(baseline, "--baseline")
    path = write_report(run_dir, baseline)
    click.echo(f"report: {path} ({path.stat().st_size / 1e6:.1f} MB)")


@click.group()
def review() -> None:
    """Review marks made in the HTML report."""


@review.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("run_dir", type=click.Path(path_type=Path))
def import_(file: Path, run_dir: Path) -> None:
    """Store FILE (a review.json exported from the report) as RUN_DIR/review.json."""
    if not file.is_file():
        raise GraderError(f"{file}: no such file")
    _run_dir(run_dir, "RUN_DIR")
    summary = import_review(file, run_dir)
    line = f"review: {summary.path} ({summary.marks} marks"
    if summary.unmatched:
        line += f", {summary.unmatched} match no note in this run"
    click.echo(line + "); run `grade report` to show them")


def register(grade: click.Group) -> None:
    grade.add_command(report)
    grade.add_command(review)
