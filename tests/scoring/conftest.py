"""Fixtures for the scoring tests; the builders live in scoring_builders.py."""

from __future__ import annotations

import pytest
import yaml
from scoring_builders import REPO

from grader.types import TaskSpec


@pytest.fixture(scope="session")
def user_flags() -> TaskSpec:
    """The reference task built straight from its rubric (requirements, templates, params).

    Built here rather than through the loader so these tests do not depend on the rule files
    that the loader checks exist.
    """
    rubric = yaml.safe_load((REPO / "rubrics" / "user-flags.yaml").read_text(encoding="utf-8"))
    for requirement in rubric["requirements"]:
        for binding in requirement.get("rules", []):
            binding.setdefault("requirement", requirement["id"])
    return TaskSpec.model_validate(
        {
            "id": "user-flags/python",
            "language": "python",
            "title": "Update a user's flags",
            "prompt": "...",
            "entry_point": "update_user_flags",
            **rubric,
        }
    )
