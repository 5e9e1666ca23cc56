"""Definitions and calls: where a name gets its value, what a node mentions, what it calls.

``definitions`` finds every local definition of a variable (``_visible``: those that reach
a use); ``mention`` tells which of some names a node's subtree names, directly or through
the values of the variables it uses, a few hops deep (``_Reach``, the breadth-first
expansion); ``file_functions`` and ``called_bodies`` follow calls into the file's own
functions, so what a helper does counts where it is called.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tree_sitter import Node

from ._lookup import SMALL, Ctx, KindAnchor, in_range
from ._tree import concept_kinds
from ._values import _strip_quotes, _target_names, _unwrap, facts, node_name


@dataclass
class Definition:
    node: Node
    values: list[Node]
    scope: int | None  # id of the enclosing function; None at top level


def definitions(ctx: Ctx, name: str) -> list[Definition]:
    """Every local definition of variable ``name`` in the file: where it gets its value.

    Answered from the definitions whose text contains the name (each definition node is
    read once per file, whatever names are asked about)."""
    memo = ctx.code.memo
    asked: dict[str, list[Definition]] | None = memo.get("defs-asked")  # type: ignore[assignment]
    if asked is None:
        asked = memo["defs-asked"] = {}
    found = asked.get(name)
    if found is not None:
        return found
    needle = name.encode("utf-8")
    code = ctx.code
    spans: list[tuple[Node, int, int]] | None = memo.get("def-spans")  # type: ignore[assignment]
    if spans is None:
        spans = memo["def-spans"] = [
            (n, n.start_byte, n.end_byte) for n in code.nodes(facts(code.lang).definition_kinds)[0]
        ]
    find = code.src.find
    found = asked[name] = []
    entries: dict[int, tuple[list[str], Definition] | None] | None = None
    for node, start, end in spans:
        if find(needle, start, end) < 0:
            continue
        if entries is None:
            entries = _definition_entries(ctx)
        key = node.id
        if key in entries:
            entry = entries[key]
        else:
            entry = entries[key] = _definition_entry(ctx, node)
        if entry is not None:
            for bound in entry[0]:
                if bound == name:  # once per time the node binds it, as it is written
                    found.append(entry[1])
    return found


def _definition_entries(ctx: Ctx) -> dict[int, tuple[list[str], Definition] | None]:
    """The per-file memo of ``_definition_entry`` by node id."""
    memo = ctx.code.memo
    entries: dict[int, tuple[list[str], Definition] | None] | None = memo.get("def-entries")  # type: ignore[assignment]
    if entries is None:
        entries = memo["def-entries"] = {}
    return entries


def _definition_entry(ctx: Ctx, node: Node) -> tuple[list[str], Definition] | None:
    """The names one definition node binds and where they get their value (None: none)."""
    f = facts(ctx.code.lang)
    code = ctx.code
    identifier = f.identifier
    target_fields, value_fields = f.definitions[node.type]
    targets: list[Node] = []
    patterns: list[Node] = []
    if node.type == "invocation_expression":  # C#: out/ref arguments
        args = node.child_by_field_name("arguments")
        for arg in args.named_children if args is not None else []:
            first = arg.child(0)
            if first is not None and first.type in ("out", "ref"):
                targets.extend(n for n in code.walk(arg) if n.type in identifier)
        if not targets:
            return None
    else:
        for field_name in target_fields:
            for child in node.children_by_field_name(field_name):
                if child.type in identifier:
                    targets.append(child)
                    continue
                targets.extend(_target_names(child, f))
                if child.type == "object_pattern":  # {ActiveFlag: active} = request
                    patterns.append(child)
    if not targets:
        return None
    if value_fields is None:
        values = [node]
    else:
        values = [
            _unwrap(c)
            for field_name in value_fields
            for c in node.children_by_field_name(field_name)
        ]
        values += patterns
    if not values:
        return None
    scope = code.function_of(node)
    entry = Definition(node, values, scope.id if scope is not None else None)
    return [code.text(target) for target in targets], entry


def _visible(defs: list[Definition], at: Node, ctx: Ctx) -> list[Definition]:
    """Those of ``defs`` (one name's) that reach ``at``: earlier ones in its function, and
    top-level ones unless a function around ``at`` takes a parameter of that name."""
    scope = ctx.code.scope_of(at)
    scope_id = scope.id if scope is not None else None
    hidden = bool(defs) and parameter_of_enclosing(ctx, at, ctx.code.text(at))
    return [
        d
        for d in defs
        if (d.scope is None and not hidden)
        or (d.scope == scope_id and d.node.start_byte < at.start_byte)
    ]


def parameter_of_enclosing(ctx: Ctx, at: Node, name: str) -> bool:
    """Whether a function around ``at`` takes a parameter called ``name``: there, ``name`` is
    that parameter, whatever the file defines at its top level (a demo's ``const repo``)."""
    code = ctx.code
    function = code.scope_of(at)
    while function is not None:
        params = function.child_by_field_name("parameters") or function.child_by_field_name(
            "parameter"
        )
        if params is not None and any(
            n.type == "identifier" and code.text(n) == name
            for n in (params, *code.walk(params))  # an arrow's lone parameter is the node
        ):
            return True
        function = code.function_of(function)
    return False


# ---------------------------------------------------------------------- names


def _norm_name(text: str) -> str:
    return text.replace("_", "").replace("-", "").lower()


_NAMES: dict[tuple[Any, ...], dict[str, str]] = {}


def _names_for(wanted: tuple[Any, ...]) -> dict[str, str]:
    """Wanted names, normalized -> as written (shared; do not modify)."""
    found = _NAMES.get(wanted)
    if found is None:
        if len(_NAMES) > 4096:
            _NAMES.clear()
        found = _NAMES[wanted] = {_norm_name(str(w)): str(w) for w in wanted}
    return found


def _names_in(node: Node, ctx: Ctx) -> tuple[frozenset[str], dict[str, Node]]:
    """The names (normalized) ``node``'s subtree names, identifiers and strings, and its
    variables (text -> first use)."""
    key = ("names", node.id)
    memo = ctx.code.memo
    found = memo.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    f = facts(ctx.code.lang)
    code = ctx.code
    mentionable = f.mentionable
    if node.type in mentionable:
        candidates = [node]
    elif node.end_byte - node.start_byte <= SMALL * 4:  # walking a small subtree beats the index
        candidates = _walk_kinds(node, f.mentionable_ids)
    else:
        candidates = list(code.nodes_in(mentionable, node.start_byte, node.end_byte))
    names: set[str] = set()
    variables: dict[str, Node] = {}
    src = code.src
    string, identifier = f.string, f.identifier
    for cand in candidates:
        text = src[cand.start_byte : cand.end_byte].decode("utf-8", "replace")
        kind = cand.type
        if kind in identifier:  # (identifier and string kinds are disjoint)
            if text in variables:
                continue  # a variable seen before: its name is in already
            variables[text] = cand
        elif kind in string:  # whole literals too: some (C# @"...") have no content node
            text = _strip_quotes(text.lstrip("rRbBfFuU"))
        names.add(text.replace("_", "").replace("-", "").lower())
    result = memo[key] = (frozenset(names), variables)
    return result


def _walk_kinds(node: Node, kind_ids: frozenset[int]) -> list[Node]:
    """Descendants of ``node`` (not itself) with these (named) type ids, in document order."""
    out: list[Node] = []
    cursor = node.walk()
    if not cursor.goto_first_child():
        return out
    depth = 1
    while True:
        current = cursor.node
        if current is not None and current.kind_id in kind_ids:
            out.append(current)
        if cursor.goto_first_child():
            depth += 1
            continue
        while not cursor.goto_next_sibling():
            cursor.goto_parent()
            depth -= 1
            if depth == 0:
                return out


def mention(node: Node, names: Mapping[str, str], follow: int, ctx: Ctx) -> str | None:
    """The first of ``names`` (normalized -> as written) that ``node`` names, directly or,
    up to ``follow`` hops deep, through the values of the local variables it uses
    (breadth first, stopping at the first hit)."""
    if not follow:  # no hops: the node's own names, without a breadth-first expansion
        return _first_named([_names_in(node, ctx)[0]], names)
    reach = _reach(node, ctx)
    level = 0
    while True:
        # the union of the earlier levels named none, so a hit here lies in this level
        if not reach.union[level].isdisjoint(names):
            return _first_named(reach.levels[level], names)
        level += 1
        if level > follow or (level >= len(reach.levels) and reach.upto(level, ctx) <= level):
            return None  # deep enough, or nothing left to follow


def _first_named(sets: list[frozenset[str]], names: Mapping[str, str]) -> str | None:
    """The first of ``names`` in the first of ``sets`` that holds any (as written)."""
    for direct in sets:
        for norm, original in names.items():
            if norm in direct:
                return original
    return None


class _Reach:
    """The breadth-first expansion of one node through the variables it uses, level by
    level (computed lazily, shared by every name list and depth asked about): per level,
    the direct name sets of that level's nodes, and the union of all levels so far."""

    __slots__ = ("frontier", "levels", "seen", "union")

    def __init__(self, node: Node, ctx: Ctx) -> None:
        direct = _names_in(node, ctx)[0]
        self.frontier: list[Node] = [node]
        self.seen = {node.id}
        self.levels: list[list[frozenset[str]]] = [[direct]]
        self.union: list[frozenset[str]] = [direct]

    def upto(self, follow: int, ctx: Ctx) -> int:
        """Expand to ``follow`` hops (or until nothing is left); the number of levels."""
        while len(self.levels) <= follow and self.frontier:
            seen = self.seen
            next_frontier: list[Node] = []
            for current in self.frontier:
                for text, var in _names_in(current, ctx)[1].items():
                    defs = definitions(ctx, text)
                    if not defs:
                        continue  # most names used (calls, parameters) have no local definition
                    for d in _visible(defs, var, ctx):
                        for value in d.values:
                            if (
                                value.id in seen
                                or value.start_byte <= var.start_byte < value.end_byte
                            ):
                                continue  # seen, or x = x + 1
                            seen.add(value.id)
                            next_frontier.append(value)
            self.frontier = next_frontier
            if not next_frontier:
                break
            sets = [_names_in(n, ctx)[0] for n in next_frontier]
            self.levels.append(sets)
            self.union.append(self.union[-1].union(*sets))
        return min(len(self.levels), follow + 1)


def _reach(node: Node, ctx: Ctx) -> _Reach:
    key = ("reach", node.id)
    memo = ctx.code.memo
    found = memo.get(key)
    if found is None:
        found = memo[key] = _Reach(node, ctx)
    return found  # type: ignore[return-value]


# ---------------------------------------------------------------------- calls


HELPER_DEPTH = 3  # how many levels of calls to the file's own functions are followed


def file_functions(ctx: Ctx) -> dict[str, list[Node]]:
    """The file's named functions (methods, lambdas bound to a name) by lower-case name."""
    memo = ctx.code.memo
    found = memo.get("file-functions")
    if found is not None:
        return found  # type: ignore[return-value]
    table: dict[str, list[Node]] = {}
    for fn in ctx.code.nodes(ctx.code.function_kinds)[0]:
        target = fn.child_by_field_name("name")
        if target is None and fn.parent is not None:  # const check = (req) => ...
            holder = fn.parent
            target = holder.child_by_field_name("name") or holder.child_by_field_name("left")
        if target is not None:
            table.setdefault(ctx.code.text(target).lower(), []).append(fn)
    memo["file-functions"] = table
    return table


def called_bodies(ctx: Ctx, start: int, end: int) -> list[Node]:
    """The file's functions that calls in ``[start, end)`` reach, a few levels deep (each
    once; never the function the range lies in)."""
    key = ("called", start, end)
    memo = ctx.code.memo
    found = memo.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    functions = file_functions(ctx)
    out: list[Node] = []
    if functions:
        calls = concept_kinds(ctx.code.lang, "call")
        ranges = [(start, end)]
        for _ in range(HELPER_DEPTH):
            nxt: list[tuple[int, int]] = []
            for lo, hi in ranges:
                for call in in_range(ctx, KindAnchor(calls, ctx.code.lang), lo, hi):
                    for fn in functions.get(node_name(call, ctx), ()):
                        if fn in out or (fn.start_byte <= start and end <= fn.end_byte):
                            continue
                        out.append(fn)
                        nxt.append((fn.start_byte, fn.end_byte))
            ranges = nxt
            if not ranges:
                break
    memo[key] = out
    return out
