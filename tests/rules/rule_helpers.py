"""Shared helpers for the rule-engine tests: the reference rubric's bindings and the fixtures.

(A module of its own, not conftest.py: tests/scoring has a conftest too, and two modules
named conftest on sys.path shadow each other when both folders are collected.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from grader.languages import LANGUAGES
from grader.types import RuleBinding

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RUBRIC = REPO / "rubrics" / "user-flags.yaml"
EXTENSIONS = {name: spec.extension for name, spec in LANGUAGES.items()}
LANGS = list(EXTENSIONS)


def rubric_bindings() -> list[RuleBinding]:
    rubric = yaml.safe_load(RUBRIC.read_text())
    bindings = [
        RuleBinding.model_validate({**binding, "requirement": requirement["id"]})
        for requirement in rubric["requirements"]
        for binding in requirement.get("rules", [])
    ]
    return bindings + [RuleBinding.model_validate(b) for b in rubric.get("rules", [])]


def task_params(language: str) -> dict[str, Any]:
    """The reference task's params; C# and Go name the repository methods Find/Save."""
    params = dict(yaml.safe_load(RUBRIC.read_text())["params"])
    if language in ("csharp", "go"):
        params["repo_calls"] = ["Find", "Save"]
    return params


def fixture(name: str, language: str) -> str:
    return (FIXTURES / f"{name}.{EXTENSIONS[language]}").read_text()
