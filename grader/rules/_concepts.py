"""The tables that map language-neutral concepts onto each grammar's node types.

Each concept maps, per language, to a list of entries: a node type, or a node type with a
``where`` refinement written in the rule language itself (so ``catch`` in Go can mean "an
``if err != nil`` branch" or "a deferred ``recover()`` function"). A concept with no entry
for a language does not exist there; rules that need it are "not applicable".

Each language's tables live in its spec (``grader/languages/<name>.py``, where Go's mapping
of error handling is explained); these are views of them keyed by language name.
"""

from __future__ import annotations

from grader.languages import LANGUAGES, Entry
from grader.languages.spec import Definition

CONCEPTS: dict[str, dict[str, list[Entry]]] = {n: s.concepts for n, s in LANGUAGES.items()}

# Where a variable gets its value, for ``mentions`` with ``follow`` and for ``defined_as``:
# node type -> (fields holding the names defined, fields holding the value; None: the node).
DEFINITIONS: dict[str, dict[str, Definition]] = {n: s.definitions for n, s in LANGUAGES.items()}

# Members that name a value inside an object, map or enum, as (key field, value field):
# ``Codes = {MISSING_ID: 50001}`` makes ``Codes.MISSING_ID`` read as 50001.
MEMBER_ENTRIES: dict[str, dict[str, tuple[str, str]]] = {
    n: s.member_entries for n, s in LANGUAGES.items()
}

# Value nodes that only wrap one expression (Go's ``expression_list``), unwrapped when a
# definition's value is compared or matched.
WRAPPERS = frozenset(
    {"expression_list", "literal_element", "parenthesized_expression", "equals_value_clause"}
)


def concept_names() -> list[str]:
    return sorted({name for table in CONCEPTS.values() for name in table})
