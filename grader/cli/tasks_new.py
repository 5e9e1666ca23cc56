"""``grade tasks new``: scaffold a task folder."""

from __future__ import annotations

import click

from grader.languages import LANGUAGES
from grader.tasks.scaffold import scaffold_task


@click.command("new")
@click.argument("name")
@click.option(
    "--language",
    "-l",
    required=True,
    type=click.Choice(list(LANGUAGES)),
    help="Language of the variant.",
)
@click.option(
    "--root",
    default="tasks",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder holding the tasks.",
)
@click.option("--title", default=None, help="The task's title (default: from NAME).")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def new(name: str, language: str, root: str, title: str | None, force: bool) -> None:
    """Scaffold ROOT/NAME/: a LANGUAGE spec, a test file and a reference stub."""
    for path in scaffold_task(root, name, language, title=title, force=force):
        click.echo(f"wrote {path}")
    click.echo(
        f"next: fill in the TODOs, add wrong-* solutions, then `grade tasks lint {root}/{name}`"
    )


def register(grade: click.Group) -> None:
    group = grade.commands.get("tasks")
    if not isinstance(group, click.Group):  # grader.cli.tasks not loaded: a group of our own
        group = click.Group("tasks", help="Work with task specs.")
        grade.add_command(group)
    group.add_command(new)
