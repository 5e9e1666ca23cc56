"""Parsing code once and answering questions about its tree quickly.

``Code`` holds one parsed file plus an index of nodes by type (sorted by position, so
"nodes of type T inside this range" is a binary search) and per-file memos that every
rule binding shares.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from operator import attrgetter

import tree_sitter_c_sharp
import tree_sitter_go
import tree_sitter_java
import tree_sitter_javascript
import tree_sitter_python
import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from grader.errors import GraderError

from ._concepts import CONCEPTS, DEFINITIONS

_GRAMMARS = {
    "python": tree_sitter_python.language,
    "javascript": tree_sitter_javascript.language,
    "typescript": tree_sitter_typescript.language_typescript,
    "java": tree_sitter_java.language,
    "csharp": tree_sitter_c_sharp.language,
    "go": tree_sitter_go.language,
}
_local = threading.local()


@cache
def language(name: str) -> Language:
    try:
        return Language(_GRAMMARS[name]())
    except KeyError:
        raise GraderError(
            f"no grammar for language {name!r} (known: {', '.join(_GRAMMARS)})"
        ) from None


def parser(name: str) -> Parser:
    """A parser for ``name``, one per thread (parsers are not thread-safe)."""
    parsers = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    found = parsers.get(name)
    if found is None:
        found = parsers[name] = Parser(language(name))
    return found


def concept_kinds(lang: str, concept: str) -> frozenset[str]:
    return frozenset(
        e if isinstance(e, str) else e[0] for e in CONCEPTS.get(lang, {}).get(concept, [])
    )


# Node types that compiled rules look up by type, per language: indexed together in one
# query pass the first time a file needs any of them. Other types are indexed on demand.
_WANTED: dict[str, frozenset[str]] = {}


def want_indexed(lang: str, kinds: frozenset[str]) -> None:
    current = _WANTED.get(lang, frozenset())
    if not kinds <= current:
        _WANTED[lang] = current | kinds


def _hot_kinds(lang: str) -> frozenset[str]:
    return (
        _WANTED.get(lang, frozenset())
        | frozenset(DEFINITIONS[lang])
        | concept_kinds(lang, "function")
    )


@cache
def _kind_query(lang: str, kinds: frozenset[str]) -> Query:
    lang_obj = language(lang)
    valid = [kind for kind in sorted(kinds) if lang_obj.id_for_node_kind(kind, True)]
    if not valid:
        valid = ["ERROR"]
    return Query(lang_obj, "[" + " ".join(f"({k})" for k in valid) + "] @n")


_start = attrgetter("start_byte")


class Code:
    """One parsed piece of code."""

    def __init__(self, source: str, lang: str) -> None:
        self.lang = lang
        self.source = source
        self.src = source.encode("utf-8", errors="surrogatepass")
        self.tree = parser(lang).parse(self.src)
        self.root = self.tree.root_node
        self._by_kind: dict[str, list[Node]] = {}
        self._merged: dict[frozenset[str], tuple[list[Node], list[int]]] = {}
        self.function_kinds = concept_kinds(lang, "function")
        self.memo: dict[object, object] = {}
        self._functions: dict[int, Node | None] = {}  # node id -> enclosing function
        self._line_starts: list[int] | None = None

    # ------------------------------------------------------------------ index

    def _index(self, kinds: frozenset[str]) -> None:
        if self._by_kind and kinds <= self._by_kind.keys():
            return
        missing = frozenset(k for k in kinds if k not in self._by_kind)
        if not missing:
            return
        wanted = missing | _hot_kinds(self.lang) if not self._by_kind else missing
        found = QueryCursor(_kind_query(self.lang, wanted)).captures(self.root).get("n", [])
        for kind in wanted:
            self._by_kind.setdefault(kind, [])
        for node in found:
            self._by_kind[node.type].append(node)
        for kind in wanted:
            self._by_kind[kind].sort(key=_start)

    def nodes(self, kinds: frozenset[str]) -> tuple[list[Node], list[int]]:
        """Nodes of these types in document order, and their start bytes."""
        merged = self._merged.get(kinds)
        if merged is None:
            self._index(kinds)
            if not kinds:
                nodes = []
            elif len(kinds) == 1:
                nodes = self._by_kind[next(iter(kinds))]
            else:
                nodes = sorted((n for k in kinds for n in self._by_kind[k]), key=_start)
            merged = self._merged[kinds] = (nodes, [n.start_byte for n in nodes])
        return merged

    def nodes_in(self, kinds: frozenset[str], start: int, end: int) -> Iterator[Node]:
        """Nodes of these types that lie within bytes [start, end)."""
        nodes, starts = self.nodes(kinds)
        i = bisect_left(starts, start)
        n = len(nodes)
        while i < n:
            node = nodes[i]
            if node.start_byte >= end:
                break
            if node.end_byte <= end:
                yield node
            i += 1

    # ------------------------------------------------------------------ structure

    def function_of(self, node: Node) -> Node | None:
        """The nearest enclosing function (not ``node`` itself), or None at top level."""
        key = node.id
        memo = self._functions
        if key in memo:
            return memo[key]
        kinds = self.function_kinds
        parent = node.parent
        while parent is not None and parent.type not in kinds:
            parent = parent.parent
        memo[key] = parent
        return parent

    def scope_of(self, node: Node) -> Node | None:
        """``node`` if it is a function, else its enclosing function."""
        return node if node.type in self.function_kinds else self.function_of(node)

    def text(self, node: Node) -> str:
        return self.src[node.start_byte : node.end_byte].decode("utf-8", errors="replace")

    def walk(self, node: Node) -> Iterator[Node]:
        """Named descendants of ``node`` (not itself), in document order."""
        cursor = node.walk()
        if not cursor.goto_first_child():
            return
        while True:
            current = cursor.node
            if current is not None and current.is_named:
                yield current
            if cursor.goto_first_child():
                continue
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent() or cursor.node == node:
                    return

    # ------------------------------------------------------------------ positions

    def char_column(self, row: int, byte_column: int) -> int:
        """1-based character column for a 0-based row and byte column."""
        if self._line_starts is None:
            starts = [0]
            find = self.src.find
            i = find(b"\n")
            while i >= 0:
                starts.append(i + 1)
                i = find(b"\n", i + 1)
            self._line_starts = starts
        if row >= len(self._line_starts):
            return byte_column + 1
        start = self._line_starts[row]
        return len(self.src[start : start + byte_column].decode("utf-8", errors="replace")) + 1

    def first_error(self) -> Node | None:
        """The first ERROR or MISSING node in document order, if the code does not parse."""
        if not self.root.has_error:
            return None
        node = self.root
        while True:
            if node.is_error or node.is_missing:
                return node
            for child in node.children:
                if child.has_error or child.is_missing:
                    node = child
                    break
            else:
                return node
