"""Node lookup: where a compiled check finds its candidate nodes.

``Ctx`` is what every check sees besides the node (the parsed file, the binding's params,
the rule's id, and memos of param-only values). An *anchor* names the node types (or the
tree-sitter query) that can possibly match a matcher, so candidates come from the per-file
node index instead of a walk over the whole tree; ``in_range`` yields an anchor's nodes
within a byte range, in document order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from tree_sitter import Node, Query, QueryCursor

from ._tree import Code, want_indexed, within

if TYPE_CHECKING:
    from ._values import ValueSpec

Env = dict[str, tuple[Node | None, Any]]


SMALL = 400  # bytes: a subtree this small is walked rather than looked up in the index


class Ctx:
    """What a check sees besides the node: the file, the binding's params, the rule's id,
    and memos of param-only values for this binding."""

    __slots__ = ("code", "params", "prints", "resolved", "rule")

    def __init__(self, code: Code, params: Mapping[str, Any], rule: str = "") -> None:
        self.code = code
        self.params = params
        self.rule = rule
        self.resolved: dict[ValueSpec, tuple[Any, ...]] = {}  # param-only values
        self.prints: dict[frozenset[str], tuple[Any, ...]] = {}

    def fingerprint(self, names: frozenset[str]) -> tuple[Any, ...]:
        """The values of ``names`` among the params, hashable: part of a per-file memo key,
        so bindings that differ only in other params share results."""
        found = self.prints.get(names)
        if found is None:
            found = self.prints[names] = tuple(
                (n, _freeze(self.params.get(n))) for n in sorted(names)
            )
        return found


def _freeze(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or value is None:
        return value
    if kind is list and all(type(v) is str or type(v) is int for v in value):
        return tuple(value)
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


Check = Callable[[Node, Env, Ctx], "Env | None"]


# -------------------------------------------------------------------- anchors


class Anchor:
    """Where candidate nodes for a matcher come from."""

    kinds: frozenset[str] | None = None

    def register(self) -> None:
        pass

    def nodes(self, ctx: Ctx) -> tuple[list[Node], list[int]]:  # pragma: no cover - abstract
        raise NotImplementedError


class KindAnchor(Anchor):
    def __init__(self, kinds: frozenset[str], lang: str | None = None) -> None:
        self.kinds = kinds
        self.lang = lang

    def register(self) -> None:
        """Ask for these types in the first index pass of every file."""
        if self.lang is not None:
            want_indexed(self.lang, self.kinds)

    def nodes(self, ctx: Ctx) -> tuple[list[Node], list[int]]:
        return ctx.code.nodes(self.kinds)


class QueryAnchor(Anchor):
    def __init__(self, query: Query) -> None:
        self.query = query

    def nodes(self, ctx: Ctx) -> tuple[list[Node], list[int]]:
        key = ("query", id(self.query))
        found = ctx.code.memo.get(key)
        if found is None:
            captures = QueryCursor(self.query).captures(ctx.code.root)
            picked = captures.get("match")
            if picked is None:
                picked = next(iter(captures.values()), [])
            nodes = sorted(
                {n.id: n for n in picked}.values(), key=lambda n: (n.start_byte, -n.end_byte)
            )
            found = ctx.code.memo[key] = (nodes, [n.start_byte for n in nodes])
        return found  # type: ignore[return-value]


class UnionAnchor(Anchor):
    def __init__(self, parts: list[Anchor]) -> None:
        self.parts = parts

    def register(self) -> None:
        for part in self.parts:
            part.register()

    def nodes(self, ctx: Ctx) -> tuple[list[Node], list[int]]:
        key = ("union", id(self))
        found = ctx.code.memo.get(key)
        if found is None:
            merged = {n.id: n for part in self.parts for n in part.nodes(ctx)[0]}
            nodes = sorted(merged.values(), key=lambda n: (n.start_byte, -n.end_byte))
            found = ctx.code.memo[key] = (nodes, [n.start_byte for n in nodes])
        return found  # type: ignore[return-value]


def _union(anchors: list[Anchor | None]) -> Anchor | None:
    if not anchors or any(a is None for a in anchors):
        return None
    kinds = [a.kinds for a in anchors if a is not None]
    if all(isinstance(a, KindAnchor) for a in anchors):
        return KindAnchor(frozenset().union(*kinds), anchors[0].lang)  # type: ignore[arg-type, union-attr]
    return UnionAnchor([a for a in anchors if a is not None])


def in_range(ctx: Ctx, anchor: Anchor, start: int, end: int) -> Iterator[Node]:
    """Anchor nodes lying within bytes [start, end), in document order."""
    nodes, starts = anchor.nodes(ctx)
    return within(nodes, starts, start, end)
