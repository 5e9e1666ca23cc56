"""Review rules: facts about the code that a reviewer points at when it fails its tests.

They are ordinary static rules, ``rubrics/rules/review-<fact>.yml`` (a parameter the entry
point never uses, one it overwrites before reading, a value computed and dropped); every
task gets all of them (``bindings``). Their findings are warnings: they stay in a result's
findings whatever happens, and are said as notes only on a sample that does not pass, since
there they are evidence of what went wrong, and on passing code they are a matter of style.
"""

from __future__ import annotations

from functools import lru_cache

from grader import rules
from grader.types import RuleBinding

PREFIX = "review-"


def is_review(rule_id: str | None) -> bool:
    return bool(rule_id) and rule_id.startswith(PREFIX)  # type: ignore[union-attr]


@lru_cache(maxsize=1)
def rule_ids() -> tuple[str, ...]:
    return rules.rule_ids(PREFIX)


def bindings() -> list[RuleBinding]:
    """The always-on bindings: one per review rule, tied to no requirement."""
    return [RuleBinding(rule=rule_id) for rule_id in rule_ids()]
