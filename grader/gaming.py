"""Gaming: code that tries to pass the tests without solving the task.

The gaming rules are ordinary static rules, ``rubrics/rules/gaming-<strategy>.yml``; every
task gets all of them (``bindings``), whatever it binds itself. A failed gaming check is a
strategy found (``found``); scoring fails such a sample whatever its tests say.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from grader import rules
from grader.types import Gaming, RuleBinding, RuleCheck

PREFIX = "gaming-"


def is_gaming(rule_id: str) -> bool:
    return rule_id.startswith(PREFIX)


def strategy(rule_id: str) -> str:
    """``gaming-always-equal`` -> ``always-equal``."""
    return rule_id.removeprefix(PREFIX)


@lru_cache(maxsize=1)
def rule_ids() -> tuple[str, ...]:
    """Every gaming rule in ``rubrics/rules/``, by id."""
    return rules.rule_ids(PREFIX)


def bindings() -> list[RuleBinding]:
    """The always-on bindings: one per gaming rule, tied to no requirement."""
    return [RuleBinding(rule=rule_id) for rule_id in rule_ids()]


def found(checks: Iterable[RuleCheck]) -> list[Gaming]:
    """The strategies ``checks`` found, one entry per finding, in line order."""
    out = [
        Gaming(strategy=strategy(check.rule), rule=check.rule, line=f.line, message=f.message)
        for check in checks
        if is_gaming(check.rule) and check.applicable and not check.passed
        for f in check.findings
    ]
    return sorted(out, key=lambda g: (g.line, g.rule))
