"""The language registry: one spec per language, and every table the grader reads agrees."""

from __future__ import annotations

import subprocess
import sys
from typing import get_args

import pytest

from grader.errors import GraderError
from grader.extract import extract_code
from grader.languages import LANGUAGES, Names, by_extension, by_fence_tag, language_spec
from grader.rules._concepts import CONCEPTS
from grader.rules._tree import parser
from grader.sandbox.runners import RUNNERS
from grader.types import Language

SAMPLES = {
    "python": "def f(x):\n    return x\n",
    "javascript": "function f(x) { return x; }\n",
    "typescript": "function f(x: number): number { return x; }\n",
    "java": "class A { int f(int x) { return x; } }\n",
    "csharp": "class A { int F(int x) { return x; } }\n",
    "go": "package a\n\nfunc F(x int) int { return x }\n",
}


def test_the_literal_and_the_registry_name_the_same_languages() -> None:
    assert get_args(Language) == tuple(LANGUAGES)
    assert set(SAMPLES) == set(LANGUAGES)
    assert all(name == spec.name for name, spec in LANGUAGES.items())


@pytest.mark.parametrize("name", list(LANGUAGES))
def test_each_grammar_parses_a_tiny_sample(name: str) -> None:
    tree = parser(name).parse(SAMPLES[name].encode())
    assert not tree.root_node.has_error
    kinds = {kind for kind in CONCEPTS[name]["module"] if isinstance(kind, str)}
    assert tree.root_node.type in kinds


@pytest.mark.parametrize("name", list(LANGUAGES))
def test_extensions_and_fence_tags_map_back(name: str) -> None:
    spec = language_spec(name)
    for extension in spec.extensions:
        assert by_extension(extension) is spec
        assert by_extension(f".{extension}") is spec
    for tag in spec.fence_tags:
        assert by_fence_tag(tag) is spec
        assert by_fence_tag(tag.upper()) is spec
    assert name in spec.fence_tags


def test_no_two_languages_share_an_extension_or_a_tag() -> None:
    extensions = [e for spec in LANGUAGES.values() for e in spec.extensions]
    tags = [t for spec in LANGUAGES.values() for t in spec.fence_tags]
    assert len(extensions) == len(set(extensions))
    assert len(tags) == len(set(tags))


def test_unknown_names_are_said_plainly() -> None:
    with pytest.raises(GraderError, match=r"unknown language 'cobol' \(known: python, "):
        language_spec("cobol")
    assert by_extension(".txt") is None and by_fence_tag("cobol") is None


@pytest.mark.parametrize("name", list(LANGUAGES))
def test_each_spec_runner_is_registered_and_agrees(name: str) -> None:
    assert name in RUNNERS
    runner = RUNNERS.get(name)
    assert runner.language == name
    assert runner.default_solution == LANGUAGES[name].default_solution
    assert LANGUAGES[name].default_solution.endswith(f".{LANGUAGES[name].extension}")


@pytest.mark.parametrize("name", list(LANGUAGES))
def test_each_scaffold_test_file_names_its_test(name: str) -> None:
    files = language_spec(name).scaffold(Names("rate-limit"))
    found = [
        m.group(m.lastindex or 1) for m in LANGUAGES[name].test_names.finditer(files.test_text)
    ]
    assert len(found) == 1, found
    assert by_extension(files.reference.rsplit(".", 1)[1]) is LANGUAGES[name]


def test_a_block_tagged_with_the_tasks_language_wins() -> None:
    reply = "```py\nx = 1\n```\n\n```golang\npackage a\n\nvar longer = 12345\n```\n"
    assert "x = 1" in (extract_code(reply, "python", "missing").code or "")
    assert "longer" in (extract_code(reply, "go", "missing").code or "")


def test_importing_the_registry_loads_no_grammar_and_no_runner() -> None:
    # (``grader/__init__`` itself loads pydantic; the registry adds nothing heavy to it)
    code = (
        "import sys, grader.languages\n"
        "print([m for m in sys.modules if m.startswith(('tree_sitter', 'grader.sandbox', "
        "'grader.rules'))])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
