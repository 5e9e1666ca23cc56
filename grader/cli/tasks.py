"""``grade tasks``: check task specs."""

from __future__ import annotations

import click

from grader.tasks import find_spec_files, load_tasks
from grader.tasks.advice import shared_tests, unbacked_causes


@click.group()
def tasks() -> None:
    """Work with task specs."""


@tasks.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--strict", is_flag=True, help="Exit 2 on warnings too.")
def lint(paths: tuple[str, ...], strict: bool) -> None:
    """Check every task spec under PATHS; one line per problem, exit 2 if any.

    Warnings name note templates that assert a cause no rule of theirs can find, and tests
    that two requirements' patterns both match by accident."""
    files = find_spec_files(paths)
    loaded, errors = load_tasks(paths)
    for error in errors:
        click.echo(f"error: {error}", err=True)
    warnings = [line for task in loaded for line in (*unbacked_causes(task), *shared_tests(task))]
    for line in warnings:
        click.echo(f"warning: {line}", err=True)
    click.echo(f"{len(loaded)} of {len(files)} specs ok, {len(warnings)} warnings")
    if errors or (strict and warnings):
        raise SystemExit(2)


def register(grade: click.Group) -> None:
    grade.add_command(tasks)
