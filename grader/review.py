"""Review rules: facts about the code that a reviewer points at when it fails its tests.

They are ordinary static rules, ``rubrics/rules/review-<fact>.yml`` (a parameter the entry
point never uses, one it overwrites before reading, a value computed and dropped, a
third-party import never used, an entry point not exported); every
task gets all of them (``bindings``). Their findings are warnings: they stay in a result's
findings whatever happens, and are said as notes only on a sample that does not pass, since
there they are evidence of what went wrong, and on passing code they are a matter of style.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from grader import rules
from grader.types import RuleBinding

PREFIX = "review-"


def is_review(rule_id: str | None) -> bool:
    return bool(rule_id) and rule_id.startswith(PREFIX)  # type: ignore[union-attr]


@lru_cache(maxsize=1)
def rule_ids() -> tuple[str, ...]:
    return rules.rule_ids(PREFIX)


# what review rules may need to know of a language beyond its grammar
PARAMS: dict[str, dict[str, Any]] = {
    # an unused import is worth saying when the module is not Python's own
    "review-unused-import": {"stdlib": sorted(sys.stdlib_module_names)},
}


def bindings() -> list[RuleBinding]:
    """The always-on bindings: one per review rule, tied to no requirement."""
    return [RuleBinding(rule=rule_id, params=PARAMS.get(rule_id, {})) for rule_id in rule_ids()]
