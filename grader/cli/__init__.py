"""The ``grade`` command. Each group lives in its own module and registers itself here."""

from __future__ import annotations

import importlib
import sys

import click

from grader.errors import GraderError

# Modules that define commands; each has ``register(grade)``. A module that is missing
# (a capability not installed) is skipped so the rest of the CLI still works.
COMMAND_MODULES = (
    "grader.cli.run",
    "grader.cli.tasks",
    "grader.cli.tasks_new",
    "grader.cli.model",
    "grader.cli.rules",
    "grader.cli.report",
    "grader.cli.gate",
    "grader.cli.summary",
    "grader.cli.importers",
    "grader.cli.agreement",
)


class GraderGroup(click.Group):
    """Turns ``GraderError`` into one line on stderr and exit 2, never a traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except GraderError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=GraderGroup)
@click.version_option(package_name="grader")
def grade() -> None:
    """Grade LLM-written code like a reviewer: static rules, sandboxed tests, notes."""


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as _error:
        if _error.name != _name:
            raise
        continue
    _module.register(grade)


def main() -> None:
    grade(prog_name="grade")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
