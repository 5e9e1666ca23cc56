"""The condition a return sits under: evidence of which branch gave an answer.

``guard(code, "python", 10)`` -> ``(9, "if not request.get('ActiveFlag', None)")`` when line
10 returns (or raises) from the consequence of that ``if``. Notes quote it beside what a test
saw come back, so a reader sees the branch that answered without the grader guessing why.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tree_sitter import Node

from ._concepts import CONCEPTS
from ._tree import concept_kinds, parse_tree

MAX_CONDITION = 100  # longer conditions are not quoted: the reader could not take them in

_THROWS = frozenset({"throw_statement", "raise_statement", "throw_expression"})


def _exits(lang: str) -> frozenset[str]:
    return concept_kinds(lang, "return") | _THROWS


def _innermost_exit(root: Node, row: int, kinds: frozenset[str]) -> Node | None:
    found = None
    stack = [root]
    while stack:
        node = stack.pop()
        if node.start_point[0] > row or node.end_point[0] < row:
            continue
        if node.type in kinds:
            found = node  # children are visited later: the innermost one wins
        stack.extend(node.named_children)
    return found


@lru_cache(maxsize=8)
def _parsed(code: str, lang: str) -> tuple[Node, bytes]:
    """One parse per piece of code: a note asks of several of its lines."""
    return parse_tree(code, lang), code.encode("utf-8")


def guard(code: str, lang: str, line: int) -> tuple[int, str] | None:
    """(line, text) of the ``if`` whose consequence holds the return or throw at ``line``:
    its keyword and condition, on one line. None when that exit is not directly in an
    ``if``'s consequence (an ``else``, a loop, a ``switch``, the function's own body), or
    the code does not parse."""
    if lang not in CONCEPTS:
        return None
    root, src = _parsed(code, lang)
    if root.has_error:
        return None
    exit_node = _innermost_exit(root, line - 1, _exits(lang))
    if exit_node is None:
        return None
    ifs = frozenset({"if_statement", "elif_clause"})
    functions = concept_kinds(lang, "function")
    node = exit_node
    while node.parent is not None:
        parent = node.parent
        if parent.type in functions:
            return None
        if parent.type in ifs:
            consequence = parent.child_by_field_name("consequence")
            condition = parent.child_by_field_name("condition")
            if consequence is None or condition is None or consequence.id != node.id:
                return None
            end = condition.end_byte
            if src[parent.start_byte : end].count(b"(") > src[parent.start_byte : end].count(b")"):
                close = src.find(b")", end)  # C#'s parentheses are not the condition's own
                end = close + 1 if close != -1 else end
            text = re.sub(r"\s+", " ", src[parent.start_byte : end].decode(errors="replace"))
            text = text.strip()
            if len(text) > MAX_CONDITION:
                return None
            return parent.start_point[0] + 1, text
        if parent.type not in {"block", "statement_block", "statement_list"}:
            return None
        node = parent
    return None
