"""Whether a function uses the value a name is given: the ``unread`` and
``replaces_parameter`` atoms.

Both lean towards "it is read": every identifier-like node of the same spelling in the
function counts as a read (a member name, a keyword argument, a closure's use) unless it is
plainly the target of an assignment, or the name's own update (``x += 1``, ``x++``,
``x = x * 2`` as statements: their value only feeds the name itself). A function that does
not parse, or reaches its names dynamically (``locals()``, ``eval``, ``arguments``,
``global``), reads everything.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from ._lookup import Ctx

# assignment node type -> (its target field, its value field)
_ASSIGNMENTS = {
    "assignment": ("left", "right"),  # python
    "assignment_expression": ("left", "right"),  # js, ts, java, c#
    "assignment_statement": ("left", "right"),  # go
    "augmented_assignment": ("left", "right"),  # python
    "augmented_assignment_expression": ("left", "right"),  # js, ts
}
# where a declared name sits with its value: declarator type -> (name field, value field)
_DECLARATORS = {
    "variable_declarator": ("name", "value"),  # js, ts, java, c# (value unnamed there)
    "short_var_declaration": ("left", "right"),  # go
    "var_spec": ("name", "value"),  # go
}
_UPDATES = frozenset({"update_expression", "postfix_unary_expression", "prefix_unary_expression"})
_UPDATE_STATEMENTS = frozenset({"inc_statement", "dec_statement"})  # go
_STATEMENTS = frozenset({"expression_statement", "assignment_statement"})
# nodes between an assignment and one target among several (``a, b = ...``)
_TARGET_LISTS = frozenset({"pattern_list", "tuple_pattern", "expression_list"})
_BODIES = frozenset({"block", "statement_block", "statement_list"})
_DYNAMIC = re.compile(r"\b(?:locals|vars|eval)\s*\(|\barguments\b|\bglobal\s|\bnonlocal\s")


def _identifier_like(node: Node) -> bool:
    return node.type.endswith("identifier")


def _operator(node: Node) -> str:
    """An assignment's operator token (``=``, ``+=``, ``:=``)."""
    for child in node.children:
        if not child.is_named and child.type.endswith("="):
            return child.type
    return "="


def _assignment_of(target: Node) -> tuple[Node, str] | None:
    """The assignment ``target`` is (one of) the targets of, and its operator."""
    node = target
    parent = node.parent
    while parent is not None and parent.type in _TARGET_LISTS:
        node, parent = parent, parent.parent
    if parent is None:
        return None
    fields = _ASSIGNMENTS.get(parent.type) or _DECLARATORS.get(parent.type)
    if fields is None or node not in parent.children_by_field_name(fields[0]):
        return None
    return parent, ":=" if parent.type in _DECLARATORS else _operator(parent)


def _value_of(assignment: Node) -> Node | None:
    fields = _ASSIGNMENTS.get(assignment.type) or _DECLARATORS.get(assignment.type)
    if fields is None:
        return None
    value = assignment.child_by_field_name(fields[1])
    if value is None and assignment.type == "variable_declarator":  # c#: `int x = a`
        named = [
            c for c in assignment.named_children if c != assignment.child_by_field_name("name")
        ]
        value = named[-1] if named else None
    return value


def _is_statement(node: Node) -> bool:
    parent = node.parent
    return node.type in _STATEMENTS or (parent is not None and parent.type in _STATEMENTS)


def _reads(ref: Node, name: str, ctx: Ctx) -> bool:
    """Whether ``ref`` (an identifier spelled ``name``) uses the name's value for something
    other than updating the name itself."""
    parent = ref.parent
    if parent is not None and parent.type in _UPDATE_STATEMENTS:
        return False
    if parent is not None and parent.type in _UPDATES:
        return not _is_statement(parent)
    assigned = _assignment_of(ref)
    if assigned is not None:
        assignment, operator = assigned
        if operator in ("=", ":="):
            return False  # a plain target: written, not read
        return not _is_statement(assignment)  # x += 1 as a statement updates x only
    # a read inside a statement `x = <... x ...>` feeds x itself
    node = ref
    while node.parent is not None and node.parent.type not in _ASSIGNMENTS:
        if node.type in _BODIES:
            return True
        node = node.parent
    assignment = node.parent
    if assignment is None or not _is_statement(assignment):
        return True
    target = assignment.child_by_field_name("left")
    return target is None or ctx.code.text(target) != name or node == target


def _references(function: Node, name: str, ctx: Ctx) -> list[Node]:
    return [n for n in ctx.code.walk(function) if _identifier_like(n) and ctx.code.text(n) == name]


def _opaque(function: Node, ctx: Ctx) -> bool:
    return function.has_error or bool(_DYNAMIC.search(ctx.code.text(function)))


def unread(node: Node, ctx: Ctx) -> bool:
    """``node`` names a variable or parameter first (nothing of that spelling comes before it
    in its function, or in the file for a name bound at top level: an import), and that
    function (or file) never reads it."""
    function = ctx.code.function_of(node) or ctx.code.root
    if not _identifier_like(node) or _opaque(function, ctx):
        return False
    name = ctx.code.text(node)
    references = _references(function, name, ctx)
    if not references or references[0] != node:
        return False
    return not any(_reads(ref, name, ctx) for ref in references[1:])


def _parameters(function: Node) -> Node | None:
    return function.child_by_field_name("parameters") or function.child_by_field_name("parameter")


def replaces_parameter(node: Node, ctx: Ctx) -> bool:
    """``node`` is the target of a plain assignment that its function runs unconditionally
    (a statement of the function's own body), to a parameter of that function that nothing
    read before, with a value that does not read it: the caller's value is never used."""
    function = ctx.code.function_of(node)
    if function is None or not _identifier_like(node) or _opaque(function, ctx):
        return False
    assigned = _assignment_of(node)
    if assigned is None or assigned[1] != "=" or assigned[0].type in _DECLARATORS:
        return False
    assignment = assigned[0]
    statement = assignment.parent if assignment.type not in _STATEMENTS else assignment
    body = function.child_by_field_name("body")
    if statement is None or body is None or statement.parent is None:
        return False
    holder = statement.parent
    if holder != body and not (holder.type == "statement_list" and holder.parent == body):
        return False
    params = _parameters(function)
    name = ctx.code.text(node)
    if params is None or not any(
        _identifier_like(n) and ctx.code.text(n) == name for n in (params, *ctx.code.walk(params))
    ):
        return False
    value = _value_of(assignment)
    if value is not None and any(
        _identifier_like(n) and ctx.code.text(n) == name for n in (value, *ctx.code.walk(value))
    ):
        return False
    for ref in _references(function, name, ctx):
        if ref.start_byte >= node.start_byte:
            return True
        if params.start_byte <= ref.start_byte < params.end_byte:
            continue  # the parameter itself
        if _reads(ref, name, ctx) or _assignment_of(ref) is not None:
            return False  # read, or already replaced (the first replacement is the one said)
    return True
