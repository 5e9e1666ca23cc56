"""Scaffold a new task folder: a spec, a hidden test file and a reference stub.

The result loads cleanly (``grade tasks lint`` accepts it) and its reference passes its one
example test, so an author starts from something that runs and fills in the rest:
the prompt, the requirements with their reviewer notes, more tests, and ``wrong-*``
solutions (the corpus tests want at least two per task).
"""

from __future__ import annotations

import re
from pathlib import Path

from grader.errors import GraderError
from grader.languages import Layout, Names, language_spec

NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


def layout(names: Names, language: str) -> Layout:
    """File names and starter contents for ``language`` (its spec's ``scaffold``)."""
    return language_spec(language).scaffold(names)


def spec_text(names: Names, language: str, files: Layout, title: str) -> str:
    lines = [
        f"# Scaffolded by `grade tasks new {names.task} --language {language}`: fill in the TODOs.",
        f"id: {names.task}/{language}",
        f"language: {language}",
        f"title: {_yaml_string(title)}",
        f"entry_point: {files.entry_point}",
    ]
    if files.solution_file:
        lines.append(f"solution_file: {files.solution_file}")
    lines += [
        "prompt: |",
        f"  TODO: describe `{files.entry_point}` precisely: its signature, every rule it must follow,",
        "  and the error codes it returns. Ask for the complete code in one code block.",
        "requirements:",
        "  - id: example",
        "    description: TODO what a reviewer checks.",
        "    weight: 1",
        '    tests: ["example"]',
        "    notes:",
        '      unmet: "TODO: the reviewer\'s sentence when this is not done."',
        f"tests: [{language}/{files.test_file}]",
        f"reference: {language}/{files.reference}",
        "tags: []",
        "",
    ]
    return "\n".join(lines)


def scaffold_task(
    root: Path | str, name: str, language: str, *, title: str | None = None, force: bool = False
) -> list[Path]:
    """Write ``root/<name>/<language>.yaml`` and ``root/<name>/<language>/``; return the files."""
    if not NAME.fullmatch(name):
        raise GraderError(
            f"task name {name!r}: use lower-case words joined by '-', e.g. 'rate-limit'"
        )
    language_spec(language)  # unknown: an error naming the known ones
    names = Names(name)
    files = layout(names, language)
    folder = Path(root) / name
    spec = folder / f"{language}.yaml"
    code_dir = folder / language
    targets = {
        spec: spec_text(names, language, files, title or name.replace("-", " ").capitalize()),
        code_dir / files.test_file: files.test_text,
        code_dir / files.reference: files.reference_text,
    }
    existing = [path for path in targets if path.exists()]
    if existing and not force:
        raise GraderError(f"{existing[0]}: already exists (pass --force to overwrite)")
    code_dir.mkdir(parents=True, exist_ok=True)
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
    return list(targets)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
