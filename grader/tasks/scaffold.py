"""Scaffold a new task folder: a spec, a hidden test file and a reference stub.

The result loads cleanly (``grade tasks lint`` accepts it) and its reference passes its one
example test, so an author starts from something that runs and fills in the rest:
the prompt, the requirements with their reviewer notes, more tests, and ``wrong-*``
solutions (the corpus tests want at least two per task).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from grader.errors import GraderError
from grader.types import LANGUAGES

NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Names:
    """The task name in each spelling a language wants."""

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


@dataclass(frozen=True)
class Layout:
    entry_point: str
    reference: str  # file name inside <language>/
    test_file: str
    reference_text: str
    test_text: str
    solution_file: str | None = None


def layout(names: Names, language: str) -> Layout:
    """File names and starter contents for ``language``."""
    if language == "python":
        fn = names.snake
        return Layout(
            fn,
            "reference.py",
            f"test_{names.snake}.py",
            f"def {fn}(value):\n    # TODO: the correct solution\n    return value\n",
            f'"""Hidden tests for tasks/{names.task}/python.yaml. The code under test is solution.py."""\n\n'
            f"from solution import {fn}\n\n\n"
            f"def test_example():\n    assert {fn}(1) == 1\n",
        )
    if language in ("javascript", "typescript"):
        fn = names.camel
        if language == "javascript":
            reference = f"function {fn}(value) {{\n  // TODO: the correct solution\n  return value;\n}}\n\nmodule.exports = {{ {fn} }};\n"
            name = "reference.js"
        else:
            reference = f"export function {fn}(value: number): number {{\n  // TODO: the correct solution\n  return value;\n}}\n"
            name = "reference.ts"
        test = (
            f"// Hidden tests for tasks/{names.task}/{language}.yaml. The code under test is solution.js.\n"
            "const { test } = require('node:test');\n"
            "const assert = require('node:assert/strict');\n"
            f"const {{ {fn} }} = require('./solution.js');\n\n"
            f"test('example', async () => {{\n  assert.equal(await {fn}(1), 1);\n}});\n"
        )
        return Layout(fn, name, f"{names.task}.test.js", reference, test)
    if language == "java":
        cls, fn = names.pascal, names.camel
        return Layout(
            fn,
            "reference.java",
            f"{cls}Test.java",
            f"public class {cls} {{\n\n    public static int {fn}(int value) {{\n"
            "        // TODO: the correct solution\n        return value;\n    }\n}\n",
            f"// Hidden tests for tasks/{names.task}/java.yaml. The code under test is {cls}.java.\n"
            "import static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
            "import org.junit.jupiter.api.Test;\n\n"
            f"class {cls}Test {{\n\n    @Test\n    void example() {{\n"
            f"        assertEquals(1, {cls}.{fn}(1));\n    }}\n}}\n",
            solution_file=f"{cls}.java",
        )
    if language == "csharp":
        cls = names.pascal
        return Layout(
            cls,
            "reference.cs",
            f"{cls}Tests.cs",
            f"public static class {cls}Service\n{{\n    public static int {cls}(int value)\n    {{\n"
            "        // TODO: the correct solution\n        return value;\n    }\n}\n",
            f"// Hidden tests for tasks/{names.task}/csharp.yaml. The code under test is Solution.cs.\n"
            f"public class {cls}Tests\n{{\n    public static void TestExample()\n    {{\n"
            f"        Assert.Equal(1, {cls}Service.{cls}(1));\n    }}\n}}\n",
        )
    if language == "go":
        fn = names.pascal
        return Layout(
            fn,
            "reference.go",
            f"{names.snake}_test.go",
            f"package solution\n\nfunc {fn}(value int) int {{\n\t// TODO: the correct solution\n\treturn value\n}}\n",
            f"// Hidden tests for tasks/{names.task}/go.yaml. The code under test is solution.go.\n"
            'package solution\n\nimport "testing"\n\n'
            f"func TestExample(t *testing.T) {{\n\tif got := {fn}(1); got != 1 {{\n"
            '\t\tt.Errorf("got %d, want 1", got)\n\t}\n}\n',
        )
    known = ", ".join(LANGUAGES)
    raise GraderError(f"unknown language {language!r} (known: {known})")


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
        raise GraderError(f"task name {name!r}: use lower-case words joined by '-', e.g. 'rate-limit'")
    if language not in LANGUAGES:
        raise GraderError(f"unknown language {language!r} (known: {', '.join(LANGUAGES)})")
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
