"""``grade tasks``: check task specs."""

from __future__ import annotations

import click

from grader.tasks import find_spec_files, load_tasks


@click.group()
def tasks() -> None:
    """Work with task specs."""


@tasks.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def lint(paths: tuple[str, ...]) -> None:
    """Check every task spec under PATHS; one line per problem, exit 2 if any."""
    files = find_spec_files(paths)
    loaded, errors = load_tasks(paths)
    for error in errors:
        click.echo(f"error: {error}", err=True)
    click.echo(f"{len(loaded)} of {len(files)} specs ok")
    if errors:
        raise SystemExit(2)


def register(grade: click.Group) -> None:
    grade.add_command(tasks)
