"""Fixtures for the rule-engine tests; the helpers live in rule_helpers.py."""

from __future__ import annotations

import pytest
from rule_helpers import rubric_bindings

from grader.types import RuleBinding


@pytest.fixture(scope="session")
def bindings() -> list[RuleBinding]:
    return rubric_bindings()
