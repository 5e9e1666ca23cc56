"""A reply's demo: the top-level statements that only demonstrate the code.

Models often follow the function with a demo: ``print(solve(3))``, ``console.log(...)``,
asserts that call it, an ``if __name__ == "__main__":`` block, and the sample data only they
read. When the code as given does not build or load, the demo is often why (a demo call
that raises at import, demo data that does not type-check): the tests then run a second
time without it (its lines blanked, so line numbers stay), and what they observe of the
function is said, though nothing is credited. Only statements that call the entry point,
print, assert or guard on ``__main__`` count as demo, so set-up the code needs (a table
filled by a helper call, a constant, an export) always runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from tree_sitter import Node

from grader.rules import node_text, parse_tree, walk

_DECLARATIONS = {
    "python": {
        "function_definition",
        "class_definition",
        "decorated_definition",
        "import_statement",
        "import_from_statement",
        "future_import_statement",
    },
    "javascript": {
        "function_declaration",
        "generator_function_declaration",
        "class_declaration",
        "import_statement",
        "export_statement",
    },
}
_DECLARATIONS["typescript"] = _DECLARATIONS["javascript"] | {
    "interface_declaration",
    "type_alias_declaration",
    "enum_declaration",
    "abstract_class_declaration",
    "ambient_declaration",
    "module",
    "internal_module",
}
_VARIABLES = {"lexical_declaration", "variable_declaration"}  # JS/TS const, let, var
_CALLS = {"call", "call_expression", "new_expression"}
_FUNCTIONS = {
    "function_definition",
    "lambda",
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
}
_IDENTIFIERS = {"identifier", "shorthand_property_identifier"}
_PRINTS = {"print", "pprint", "console"}
_ASSERTS = {"assert"}


def demo_lines(code: str, language: str, entry_point: str) -> list[int]:
    """The 1-based lines of ``code``'s demo statements (none for languages without
    top-level statements, or when the entry point is not a plain name)."""
    if language not in _DECLARATIONS or not entry_point.isidentifier():
        return []
    root = parse_tree(code, language)
    source = code.encode("utf-8")
    statements = [n for n in root.children if n.type != "comment"]
    declared = {id(n): _declared(n, language, source) for n in statements}
    demo = {id(n) for n in statements if _is_demo(n, language, entry_point, source)}
    while True:
        kept = [n for n in statements if id(n) not in demo]
        # what the code reads is never demo, whatever calls made it
        needed = {
            id(n) for n in statements if id(n) in demo and _read_by(declared[id(n)], kept, source)
        }
        # sample data only the demo reads is demo too
        more = {
            id(n)
            for n in kept
            if (names := declared[id(n)])
            and entry_point not in names
            and _read_by(names, [s for s in statements if id(s) in demo], source)
            and not _read_by(names, [k for k in kept if k is not n], source)
        }
        if not needed and not more:
            break
        demo = (demo - needed) | more
    lines: set[int] = set()
    for node in statements:
        if id(node) in demo:
            lines.update(range(node.start_point[0] + 1, node.end_point[0] + 2))
    # the blank and comment lines between two of the demo's lines are the demo's too
    kept = {
        line
        for n in statements
        if id(n) not in demo
        for line in range(n.start_point[0] + 1, n.end_point[0] + 2)
    }
    for low, high in pairwise(sorted(lines)):
        if high - low > 1 and not any(low < k < high for k in kept):
            lines.update(range(low + 1, high))
    return sorted(lines)


def without_lines(code: str, lines: list[int]) -> str:
    """``code`` with ``lines`` blanked, so every other line keeps its number."""
    if not lines:
        return code
    drop = set(lines)
    kept = code.splitlines(keepends=True)
    return "".join(
        ("\n" if line.endswith("\n") else "") if number in drop else line
        for number, line in enumerate(kept, start=1)
    )


def _is_demo(node: Node, language: str, entry_point: str, source: bytes) -> bool:
    if node.type in _DECLARATIONS[language] or _defines(node, entry_point, source):
        return False
    if language == "python" and node.type == "if_statement" and _main_guard(node, source):
        return True
    if node.type == "assert_statement":
        return True
    if node.type == "expression_statement" and _assigns_a_member(node):
        return False  # module.exports = ..., decimal.getcontext().prec = 50
    called = set(_called_names(node, source))
    if entry_point in called:
        return True
    if node.type == "expression_statement" and node.named_child_count == 1:
        first = node.named_children[0]
        if first.type in _CALLS and _callee_root(first, source) in _PRINTS | _ASSERTS:
            return True
    return False


def _defines(node: Node, name: str, source: bytes) -> bool:
    """Whether the statement holds the entry point's own definition (a parse error's node
    may swallow it with the demo after it)."""
    for child in walk(node):
        named = child.child_by_field_name("name")
        if named is not None and node_text(named, source) == name:
            return True
    return (
        re.search(rf"\b(?:def|function|class)\s+{re.escape(name)}\b", node_text(node, source))
        is not None
    )


def _main_guard(node: Node, source: bytes) -> bool:
    condition = node.child_by_field_name("condition")
    text = node_text(condition, source) if condition is not None else ""
    return "__name__" in text and "__main__" in text


def _assigns_a_member(node: Node) -> bool:
    for child in node.named_children:
        if child.type in ("assignment", "assignment_expression", "augmented_assignment"):
            left = child.child_by_field_name("left")
            return left is not None and left.type not in ("identifier", "pattern_list")
    return False


def _declared(node: Node, language: str, source: bytes) -> set[str]:
    """The names a top-level variable statement defines (``x = ...``, ``const x = ...``)."""
    targets: list[Node] = []
    if language == "python" and node.type == "expression_statement":
        for child in node.named_children:
            if child.type == "assignment" and (left := child.child_by_field_name("left")):
                targets.append(left)
    elif node.type in _VARIABLES:
        for child in node.named_children:
            if child.type == "variable_declarator" and (name := child.child_by_field_name("name")):
                targets.append(name)
    return {node_text(n, source) for t in targets for n in walk(t) if n.type == "identifier"}


def _read_by(names: set[str], statements: list[Node], source: bytes) -> bool:
    """Whether any statement reads one of ``names`` (a function's parameter of the same name
    is its own, not a read of the top-level variable)."""
    stack = [(statement, frozenset[str]()) for statement in statements]
    while stack:
        node, shadowed = stack.pop()
        name = node_text(node, source) if node.type in _IDENTIFIERS else None
        if name in names and name not in shadowed:
            return True
        if node.type in _FUNCTIONS:
            params = node.child_by_field_name("parameters") or node.child_by_field_name("parameter")
            if params is not None:
                shadowed = shadowed | {
                    node_text(n, source) for n in walk(params) if n.type == "identifier"
                }
        stack.extend((child, shadowed) for child in node.children)
    return False


def _called_names(node: Node, source: bytes) -> Iterator[str]:
    for child in walk(node):
        if child.type in _CALLS:
            callee = child.child_by_field_name("function") or child.child_by_field_name(
                "constructor"
            )
            if callee is not None and callee.type == "identifier":
                yield node_text(callee, source)


def _callee_root(call: Node, source: bytes) -> str:
    """``console`` for ``console.log(...)``, ``print`` for ``print(...)``."""
    callee = call.child_by_field_name("function")
    while callee is not None and callee.type in ("member_expression", "attribute"):
        callee = callee.child_by_field_name("object")
    return node_text(callee, source) if callee is not None else ""
