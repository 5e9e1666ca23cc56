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

from tree_sitter import Language, Node, Parser, Query, QueryCursor

from grader.errors import GraderError
from grader.languages import LANGUAGES

from ._concepts import CONCEPTS, DEFINITIONS, MEMBER_ENTRIES

_local = threading.local()


@cache
def language(name: str) -> Language:
    """Tree-sitter's grammar for ``name`` (its package is imported on first use)."""
    spec = LANGUAGES.get(name)
    if spec is None:
        raise GraderError(f"no grammar for language {name!r} (known: {', '.join(LANGUAGES)})")
    return Language(spec.load_grammar())


def parser(name: str) -> Parser:
    """A parser for ``name``, one per thread (parsers are not thread-safe)."""
    parsers = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    found = parsers.get(name)
    if found is None:
        found = parsers[name] = Parser(language(name))
    return found


def parse_tree(source: str, lang: str) -> Node:
    """The root of ``source``'s syntax tree (for readers outside the rule engine)."""
    return parser(lang).parse(source.encode("utf-8")).root_node


def walk(node: Node) -> Iterator[Node]:
    """``node`` and everything under it, in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def node_text(node: Node | None, source: bytes) -> str:
    """The source text of ``node`` ("" for none)."""
    if node is None:
        return ""
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


@cache
def concept_kinds(lang: str, concept: str) -> frozenset[str]:
    return frozenset(
        e if isinstance(e, str) else e[0] for e in CONCEPTS.get(lang, {}).get(concept, [])
    )


# Node types that compiled rules look up by type, per language: indexed together in one
# query pass the first time a file needs any of them. Other types are indexed on demand.
_WANTED: dict[str, frozenset[str]] = {}
_HOT: dict[str, frozenset[str]] = {}  # lang -> every type of the first index pass


def want_indexed(lang: str, kinds: frozenset[str]) -> None:
    current = _WANTED.get(lang, frozenset())
    if not kinds <= current:
        _WANTED[lang] = current | kinds
        _HOT.pop(lang, None)


def _hot_kinds(lang: str) -> frozenset[str]:
    found = _HOT.get(lang)
    if found is None:
        found = _HOT[lang] = (
            _WANTED.get(lang, frozenset())
            | frozenset(DEFINITIONS[lang])
            | concept_kinds(lang, "function")
            # what value and call resolution reads in every file: calls to the file's own
            # functions, members of value tables, Go const blocks (iota)
            | concept_kinds(lang, "call")
            | frozenset(MEMBER_ENTRIES.get(lang, {}))
            | (frozenset({"const_declaration"}) if lang == "go" else frozenset())
        )
    return found


@cache
def _kind_query(lang: str, kinds: frozenset[str]) -> Query:
    """One pattern per type, captured under the type's name (so no node is asked its type)."""
    lang_obj = language(lang)
    valid = [kind for kind in sorted(kinds) if lang_obj.id_for_node_kind(kind, True)]
    if not valid:
        valid = ["ERROR"]
    return Query(lang_obj, " ".join(f"({k}) @{k}" for k in valid))


_start = attrgetter("start_byte")
_UNKNOWN = object()


def within(nodes: list[Node], starts: list[int], start: int, end: int) -> Iterator[Node]:
    """Of ``nodes`` (in document order, ``starts`` their start bytes), those that lie within
    bytes [start, end)."""
    i = bisect_left(starts, start)
    count = len(nodes)
    while i < count:
        node = nodes[i]
        if node.start_byte >= end:
            return
        if node.end_byte <= end:
            yield node
        i += 1


class Code:
    """One parsed piece of code."""

    def __init__(self, source: str, lang: str) -> None:
        self.lang = lang
        self.source = source
        self.src = source.encode("utf-8", errors="surrogatepass")
        self._ascii = len(self.src) == len(source)  # then character columns are byte columns
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
        by_kind = self._by_kind
        if by_kind:
            if kinds <= by_kind.keys():
                return
            wanted = frozenset(k for k in kinds if k not in by_kind)
        else:  # the first pass: every type compiled rules look up (one query, cached)
            hot = _hot_kinds(self.lang)
            wanted = hot if kinds <= hot else kinds | hot
        found = QueryCursor(_kind_query(self.lang, wanted)).captures(self.root)
        for kind in wanted:
            nodes = found.get(kind)
            if nodes is None:
                by_kind[kind] = []
            else:
                nodes.sort(key=_start)
                by_kind[kind] = nodes

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
        return within(nodes, starts, start, end)

    # ------------------------------------------------------------------ structure

    def function_of(self, node: Node) -> Node | None:
        """The nearest enclosing function (not ``node`` itself), or None at top level."""
        key = node.id
        memo = self._functions
        if key in memo:
            return memo[key]
        by_position = self._function_around(node)
        if by_position is not _UNKNOWN:
            memo[key] = by_position  # type: ignore[assignment]
            return by_position  # type: ignore[return-value]
        kinds = self.function_kinds
        passed = [key]  # ancestors below the function share its answer
        parent = node.parent
        while parent is not None and parent.type not in kinds:
            parent_key = parent.id
            found = memo.get(parent_key, _UNKNOWN)
            if found is not _UNKNOWN:
                parent = found  # type: ignore[assignment]
                break
            passed.append(parent_key)
            parent = parent.parent
        for passed_key in passed:
            memo[passed_key] = parent
        return parent

    def _function_around(self, node: Node) -> Node | None | object:
        """``function_of`` from the function index, without walking up the tree: the function
        with the latest start strictly before ``node``'s whose range holds that start (so
        ``node`` lies inside it). ``_UNKNOWN`` when positions cannot tell (a function starts
        where ``node`` does, or two start at the same byte)."""
        functions, starts = self.nodes(self.function_kinds)
        start = node.start_byte
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] == start:
            return _UNKNOWN
        i -= 1
        while i >= 0:
            function = functions[i]
            if function.end_byte > start:
                if i > 0 and starts[i - 1] == starts[i]:
                    return _UNKNOWN
                return function
            i -= 1
        return None

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
        if self._ascii:
            return byte_column + 1
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
