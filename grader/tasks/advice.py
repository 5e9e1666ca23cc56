"""Advice on specs that load: what an author should know before grading with them.

A requirement's ``notes.unmet``/``notes.partial`` may name a cause ("Used || for the
defaults"), so the grader says them only when one of the requirement's rules found something
in the code; with tests alone it says what the tests observed. A template that names a
construct on a requirement with no rule is never shown, and would be a guess if it were.
"""

from __future__ import annotations

import re

from grader.types import TaskSpec

# what a template names when it asserts how the code went wrong: operators, calls,
# members (TimeSpan.Days), regex escapes, "used ..."
CONSTRUCT = re.compile(
    r"\|\||&&|\?\?|[=!]==?|\\[a-z]|\b[A-Za-z_]\w+\.[A-Za-z_]\w+\b|\b\w+\(\)"
    r"|\b(?:used|uses|using)\b|truthiness|banker",
    re.IGNORECASE,
)


def unbacked_causes(task: TaskSpec) -> list[str]:
    """One line per template that names a construct no rule of its requirement can find."""
    out = []
    for requirement in task.requirements:
        if requirement.rules:
            continue
        for kind in ("unmet", "partial"):
            template = getattr(requirement.notes, kind)
            found = CONSTRUCT.search(template or "")
            if found:
                out.append(
                    f"{task.source or task.id}: requirement {requirement.id}: notes.{kind} names "
                    f"{found.group(0)!r}, but no rule of it looks for that; it is never shown "
                    "(failing tests are said as observed): bind a rule that finds it, or drop it"
                )
    return out
