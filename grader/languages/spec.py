"""What the grader knows about one language, as one frozen value.

Nothing here imports a grammar, a runner or pydantic: those are named as ``module:attribute``
strings and loaded by their users (``grader.rules``, ``grader.sandbox``) on first use. The
records are ``NamedTuple``s rather than frozen dataclasses: as immutable, and several times
cheaper to define at import, which every ``grade`` command pays.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any, NamedTuple

# A concept entry: a node type, or a node type with a ``where`` refinement in the rule language.
Entry = str | tuple[str, dict[str, Any]]
# node type -> (fields holding the names defined, fields holding the value; None: the node)
Definition = tuple[tuple[str, ...], tuple[str, ...] | None]


class Names(NamedTuple):
    """A task name in each spelling a language wants."""

    task: str  # kebab-case folder name: "rate-limit"

    @property
    def words(self) -> list[str]:
        return self.task.split("-")

    @property
    def snake(self) -> str:
        return "_".join(self.words)

    @property
    def pascal(self) -> str:
        return "".join(word.capitalize() for word in self.words)

    @property
    def camel(self) -> str:
        pascal = self.pascal
        return pascal[0].lower() + pascal[1:]


class Layout(NamedTuple):
    """A scaffolded task's files: names inside ``<language>/`` and their starter text."""

    entry_point: str
    reference: str  # file name inside <language>/
    test_file: str
    reference_text: str
    test_text: str
    solution_file: str | None = None


class ToolchainLimit(NamedTuple):
    """How a compile error reads when the machine's toolchain is older than the code's syntax.

    ``feature``: errors that are such a limit whatever the grammar says; ``syntax``: errors
    that are one only when tree-sitter's current grammar parses the code."""

    toolchain: str  # words for the note: "javac 17"
    feature: re.Pattern[str]
    syntax: re.Pattern[str] | None = None


class LanguageSpec(NamedTuple):
    """One language: its names, files, grammar, runner and concept tables."""

    name: str  # the task specs' ``language:`` value
    display: str  # for people: "C#"
    extensions: tuple[str, ...]  # without the dot; the first is the one the grader writes
    fence_tags: frozenset[str]  # code-fence info strings that mean this language
    grammar: str  # "module:function" returning tree-sitter's language capsule
    runner: str  # "module:Class" of the sandbox runner
    default_solution: str  # the file the code is saved as unless a task names another
    test_names: re.Pattern[str]  # finds the test cases in a test file (last group: the name)
    scaffold: Callable[[Names], Layout]  # ``grade tasks new``'s files
    concepts: dict[str, list[Entry]]  # concept -> node types (see ``grader.rules._concepts``)
    definitions: dict[str, Definition]  # node types that give a variable its value
    member_entries: dict[str, tuple[str, str]]  # value-naming members: (key, value) fields
    toolchain_limit: ToolchainLimit | None = None

    @property
    def extension(self) -> str:
        """The extension the grader writes this language's code under."""
        return self.extensions[0]

    def load_grammar(self) -> Any:
        """Tree-sitter's language capsule (imports the grammar package)."""
        return load(self.grammar)()

    def load_runner(self) -> Any:
        """A new instance of the sandbox runner (imports the runner module)."""
        return load(self.runner)()


def load(reference: str) -> Any:
    """The object a ``module:attribute`` string names."""
    module, _, attribute = reference.partition(":")
    return getattr(importlib.import_module(module), attribute)
