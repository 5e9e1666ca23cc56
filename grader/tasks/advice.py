"""Advice on specs that load: what an author should know before grading with them.

- A requirement's ``notes.unmet``/``notes.partial`` may name a cause ("Used || for the
  defaults"), so the grader says them only when one of the requirement's rules found something
  in the code; with tests alone it says what the tests observed. A template that names a
  construct on a requirement with no rule is never shown, and would be a guess if it were.
- A test evidences one requirement: a test that two requirements' patterns match by accident
  ("invalid page" also matches ``invalid_page_size_returns_40002``) fails both for one bug.
  The same pattern in both is taken as meant.
"""

from __future__ import annotations

import re

from grader.languages import language_spec
from grader.scoring import name_matches
from grader.types import TaskSpec


def named_tests(task: TaskSpec) -> list[str]:
    """The task's test cases as its test files name them (read without running them)."""
    pattern = language_spec(task.language).test_names
    names: list[str] = []
    for path in task.tests:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            names.append(match.group(match.lastindex or 1))
    return names


def shared_tests(task: TaskSpec) -> list[str]:
    """One line per test that two requirements' different patterns both match."""
    out = []
    for name in named_tests(task):
        hits = [(r.id, p) for r in task.requirements for p in r.tests if name_matches(p, name)]
        owners = {rid for rid, _ in hits}
        patterns = {p for _, p in hits}
        meant = len(patterns) == 1  # the same pattern in each: shared on purpose
        if len(owners) > 1 and not meant:
            said = ", ".join(f"{rid} ({p!r})" for rid, p in hits)
            out.append(
                f"{task.source or task.id}: test {name!r} is matched by {said}: "
                "one bug would fail both; make the patterns match only their own tests"
            )
    return out


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
