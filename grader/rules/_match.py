"""Compiling a rule (a ``Matcher`` tree) into fast checks for one language, and running it.

A compiled matcher is a function ``check(node, env, ctx) -> env | None``: ``env`` holds the
captures made so far (``as:``), ``None`` means no match. Each matcher also knows its
*anchor*: the node types that can possibly match, so candidates come from the per-file
index instead of a walk over the whole tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from tree_sitter import Node, Query, QueryCursor

from grader.errors import GraderError

from ._concepts import CONCEPTS, DEFINITIONS, MEMBER_ENTRIES, WRAPPERS
from ._model import Matcher
from ._tree import Code, concept_kinds, language, want_indexed

Env = dict[str, tuple[Node | None, Any]]
_INF = 1 << 62
SMALL = 400  # bytes: a subtree this small is walked rather than looked up in the index


class RuleError(GraderError):
    """A rule file is wrong (bad regex, unknown concept, missing parameter)."""


class _Unbound(Exception):
    """A ``$capture`` used before anything was captured under that name: no match."""


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


# --------------------------------------------------------------------------- anchors


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


class ValueAnchor(Anchor):
    """Literals (and constants' names) with one of the wanted values: the few candidates
    of ``{concept: integer, value: $code}`` without looking at every other node."""

    def __init__(self, kinds: frozenset[str], spec: ValueSpec, lang: str) -> None:
        f = facts(lang)
        self.kinds = kinds
        self.spec = spec
        self.literal = kinds & (f.integer | f.string)
        self.names = kinds & f.identifier
        self.plain = not (kinds - self.literal - self.names)
        self.lang = lang

    def register(self) -> None:
        want_indexed(self.lang, self.literal if self.plain else self.kinds)

    def nodes(self, ctx: Ctx) -> tuple[list[Node], list[int]]:
        code = ctx.code
        try:
            wanted = self.spec.resolve({}, ctx)
        except _Unbound:
            return code.nodes(self.kinds)
        if not self.plain:
            return code.nodes(self.kinds)
        key = ("vanchor", self.kinds, wanted)
        found = code.memo.get(key)
        if found is None:
            index = code.memo.get(("litindex", self.literal))
            if index is None:
                # plain decimal literals by their text; the rest (hex, 1_000, 5L, strings)
                # by their parsed value
                by_text: dict[bytes, list[Node]] = {}
                by_value: dict[Any, list[Node]] = {}
                src = code.src
                for node in code.nodes(self.literal)[0]:
                    text = src[node.start_byte : node.end_byte]
                    if text.isdigit() and (text[:1] != b"0" or len(text) == 1):
                        by_text.setdefault(text, []).append(node)
                    else:
                        by_value.setdefault(literal_value(node, ctx), []).append(node)
                index = code.memo[("litindex", self.literal)] = (by_text, by_value)
            by_text, by_value = index  # type: ignore[misc]
            picked = [n for v in wanted for n in by_value.get(v, ())]
            for v in wanted:
                if isinstance(v, int) and v >= 0:
                    picked.extend(by_text.get(str(v).encode(), ()))
            if self.names and self._may_have_constants(picked, wanted, ctx):
                names = {
                    name
                    for name, values in constants(ctx).items()
                    if any(v in wanted for v in values)
                }
                if names:
                    f = facts(self.lang)
                    picked += [
                        n
                        for n in code.nodes(self.names)[0]
                        if code.text(n) in names and not is_entry_key(n, f)
                    ]
            picked.sort(key=lambda n: (n.start_byte, -n.end_byte))
            found = code.memo[key] = (picked, [n.start_byte for n in picked])
        return found  # type: ignore[return-value]

    def _may_have_constants(self, literals: list[Node], wanted: tuple[Any, ...], ctx: Ctx) -> bool:
        """Whether some name may be defined as a wanted value. For numbers, only when one of
        the wanted literals is the value of a definition (``ERR = 50003``); a cheap test
        that spares the definitions scan in most files."""
        f = facts(self.lang)
        if not f.integer <= self.literal or not all(isinstance(v, int | float) for v in wanted):
            return True
        if self.lang == "go" and b"iota" in ctx.code.src:  # values no literal spells out
            return True
        for node in literals:
            parent = node.parent
            while parent is not None and parent.type in WRAPPERS:
                parent = parent.parent
            if parent is not None and parent.type == "argument_list":  # Java: BAD(50003)
                parent = parent.parent
            if parent is not None and parent.type in f.constant_parents:
                return True
        return False


class NameAnchor(Anchor):
    """Nodes of some types whose name (a call's method, say) is one of the wanted names."""

    def __init__(self, kinds: frozenset[str], spec: ValueSpec, lang: str) -> None:
        self.kinds = kinds
        self.spec = spec
        self.lang = lang

    def register(self) -> None:
        want_indexed(self.lang, self.kinds)

    def nodes(self, ctx: Ctx) -> tuple[list[Node], list[int]]:
        code = ctx.code
        try:
            wanted = self.spec.resolve({}, ctx)
        except _Unbound:
            return code.nodes(self.kinds)
        key = ("nanchor", self.kinds, wanted)
        found = code.memo.get(key)
        if found is None:
            by_name = code.memo.get(("nameindex", self.kinds))
            if by_name is None:
                by_name = {}
                for node in code.nodes(self.kinds)[0]:
                    by_name.setdefault(node_name(node, ctx), []).append(node)
                code.memo[("nameindex", self.kinds)] = by_name
            picked = [
                n for w in dict.fromkeys(str(w).lower() for w in wanted) for n in by_name.get(w, ())
            ]  # type: ignore[union-attr]
            picked.sort(key=lambda n: (n.start_byte, -n.end_byte))
            found = code.memo[key] = (picked, [n.start_byte for n in picked])
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
    from bisect import bisect_left

    nodes, starts = anchor.nodes(ctx)
    i = bisect_left(starts, start)
    count = len(nodes)
    while i < count:
        node = nodes[i]
        if node.start_byte >= end:
            return
        if node.end_byte <= end:
            yield node
        i += 1


# --------------------------------------------------------------------------- values


_REF = re.compile(r"^\$(\w+)(?:\[(-?\d+)\])?$")
_MISSING = object()


def _normalize_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _flatten(value: Any) -> list[Any]:
    if isinstance(value, list | tuple | set | frozenset):
        out: list[Any] = []
        for item in value:
            out.extend(_flatten(item))
        return out
    return [value]


class ValueSpec:
    """A compiled value: constants, ``$param`` references and ``{any_of: ...}``."""

    def __init__(self, raw: Any, captures: frozenset[str], rule: str) -> None:
        if isinstance(raw, dict):
            keys = set(raw)
            if keys - {"any_of", "any-of"} or not keys:
                raise RuleError(
                    f"rule {rule}: a value mapping takes only `any_of`, got {sorted(keys)}"
                )
            raw = raw.get("any_of", raw.get("any-of"))
        self.parts: list[tuple[str, int | None] | Any] = []
        self.refs = False
        for item in _flatten(raw):
            match = _REF.match(item) if isinstance(item, str) else None
            if match:
                self.refs = True
                index = int(match.group(2)) if match.group(2) is not None else None
                self.parts.append(("$", match.group(1), index))
            else:
                self.parts.append(_normalize_value(item))
        self.captures = captures
        self.rule = rule
        self.constant = None if self.refs else tuple(self.parts)
        # a lone ``$name`` with no index (its scalar value resolves without the general path)
        self.single: str | None = None
        if len(self.parts) == 1 and isinstance(self.parts[0], tuple):
            part = self.parts[0]
            if len(part) == 3 and part[0] == "$" and part[2] is None:
                self.single = part[1]
        self.dynamic = any(
            isinstance(p, tuple) and len(p) == 3 and p[0] == "$" and p[1] in captures
            for p in self.parts
        )

    def resolve(self, env: Env, ctx: Ctx) -> tuple[Any, ...]:
        if self.constant is not None:
            return self.constant
        if not self.dynamic:  # params only: resolved once per binding
            found = ctx.resolved.get(self)
            if found is None:
                found = ctx.resolved[self] = self._resolve(env, ctx)
            return found
        single = self.single
        if single is not None:  # one plain ``$name``: the common case
            found = env.get(single)
            value = found[1] if found is not None else ctx.params.get(single, _MISSING)
            kind = type(value)
            if kind is str or kind is int:
                return (value,)
            if kind is list and all(type(v) is str or type(v) is int for v in value):
                return tuple(value)
        return self._resolve(env, ctx)

    def _resolve(self, env: Env, ctx: Ctx) -> tuple[Any, ...]:
        out: list[Any] = []
        for part in self.parts:
            if isinstance(part, tuple) and len(part) == 3 and part[0] == "$":
                _, name, index = part
                if name in env:
                    value = env[name][1]
                elif name in ctx.params:
                    value = ctx.params[name]
                elif name in self.captures:
                    raise _Unbound(name)
                else:
                    raise RuleError(
                        f"rule {ctx.rule}: parameter ${name} is not set (give it with `with:`)"
                    )
                if index is not None:
                    if not isinstance(value, list | tuple) or not -len(value) <= index < len(value):
                        raise RuleError(
                            f"rule {ctx.rule}: ${name}[{index}] is out of range for {value!r}"
                        )
                    value = value[index]
                kind = type(value)
                if kind is str or kind is int:  # the common cases, nothing to normalize
                    out.append(value)
                elif kind is list and all(type(v) is str or type(v) is int for v in value):
                    out.extend(value)
                else:
                    out.extend(_normalize_value(v) for v in _flatten(value))
            else:
                out.append(part)
        return tuple(out)


def _number(text: str) -> int | float | None:
    cleaned = text.replace("_", "").rstrip("lLuUnmMdDfF")
    try:
        return int(cleaned, 0)
    except ValueError:
        pass
    try:
        return _normalize_value(float(cleaned))
    except ValueError:
        return None


def _unwrap(node: Node) -> Node:
    while node.type in WRAPPERS and node.named_child_count == 1:
        node = node.named_children[0]
    return node


class Facts:
    """Per-language facts the atoms need, computed once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.integer = concept_kinds(lang, "integer")
        self.string = concept_kinds(lang, "string")
        self.content = concept_kinds(lang, "string-content")
        self.identifier = concept_kinds(lang, "identifier")
        self.mentionable = self.identifier | self.content | self.string
        self.mentionable_ids = _named_kind_ids(lang, self.mentionable)
        self.definitions = DEFINITIONS[lang]
        self.definition_kinds = frozenset(self.definitions)
        self.member = concept_kinds(lang, "member")
        # where a literal sits when it is the value of a definition
        self.member_entry_kinds = frozenset(MEMBER_ENTRIES.get(lang, {}))
        self.constant_parents = (
            self.definition_kinds
            | self.member_entry_kinds
            | {"variable_declarator", "enum_member_declaration"}
        )
        # parts of a declaration target that name types or defaults, not variables
        self.skip_in_targets = frozenset(
            {"type_annotation", "type", "default_value", "assignment_pattern"}
        )


def _named_kind_ids(lang: str, kinds: frozenset[str]) -> frozenset[int]:
    """The ids of the named node types called ``kinds`` (a name can have several ids)."""
    grammar = language(lang)
    return frozenset(
        i
        for i in range(grammar.node_kind_count)
        if grammar.node_kind_is_named(i) and grammar.node_kind_for_id(i) in kinds
    )


@cache
def facts(lang: str) -> Facts:
    return Facts(lang)


def literal_value(node: Node, ctx: Ctx) -> Any:
    """A literal's value (number or string content); for an identifier, its constant's value."""
    key = ("lit", node.id)
    memo = ctx.code.memo
    if key in memo:
        return memo[key]
    f = facts(ctx.code.lang)
    kind = node.type
    value: Any
    if kind in f.integer:
        value = _number(ctx.code.text(node))
    elif kind in f.string:
        parts = [ctx.code.text(c) for c in node.named_children if c.type in f.content]
        value = "".join(parts) if parts else _strip_quotes(ctx.code.text(node))
    elif kind in f.identifier:
        values = constants(ctx).get(ctx.code.text(node))
        value = values[0] if values else None
    else:
        value = ctx.code.text(node)
    memo[key] = value
    return value


def _strip_quotes(text: str) -> str:
    text = text.lstrip("@$")
    for quote in ('"""', "'''", '"', "'", "`"):
        if len(text) >= 2 * len(quote) and text.startswith(quote) and text.endswith(quote):
            return text[len(quote) : -len(quote)]
    return text


# --------------------------------------------------------------------------- definitions


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


def _target_names(node: Node, f: Facts) -> list[Node]:
    """Identifiers a definition target binds: ``x``, ``a, b``, ``{a, b}``; not the ``user``
    in ``user["Flag"] = ...`` (that writes into ``user``, it does not define it)."""
    if node.type in f.identifier:
        return [node]
    if node.type in f.member or node.type in f.skip_in_targets:
        return []
    out: list[Node] = []
    for child in node.named_children:
        out.extend(_target_names(child, f))
    return out


def constants(ctx: Ctx) -> dict[str, list[Any]]:
    """Names defined as a single literal (``ERR_FLAG = 50003``) -> their values."""
    memo = ctx.code.memo
    found = memo.get("consts")
    if found is not None:
        return found  # type: ignore[return-value]
    f = facts(ctx.code.lang)
    code = ctx.code
    literal_kinds = f.integer | f.string
    table: dict[str, list[Any]] = {}
    for node in code.nodes(f.definition_kinds)[0]:
        target_fields, value_fields = f.definitions[node.type]
        if node.type == "invocation_expression":
            continue
        if value_fields is None:  # C#: the declarator's initializer
            inner = [c for c in node.named_children if c.type not in f.identifier]
            values = [_unwrap(inner[0])] if len(inner) == 1 else []
        else:
            values = [
                _unwrap(c) for name in value_fields for c in node.children_by_field_name(name)
            ]
        if len(values) != 1 or values[0].type not in literal_kinds:
            continue
        value = literal_value(values[0], ctx)
        for name in target_fields:
            for child in node.children_by_field_name(name):
                for target in _target_names(child, f):
                    table.setdefault(code.text(target), []).append(value)
    if code.lang == "go":
        for name, value in _iota_constants(ctx):
            table.setdefault(name, []).append(value)
    for node in code.nodes(f.member_entry_kinds)[0]:  # {MISSING_ID: 50001}, MISSING_ID(50001)
        key_field, value_field = MEMBER_ENTRIES[code.lang][node.type]
        key = node.child_by_field_name(key_field)
        holder = node.child_by_field_name(value_field)
        if key is None or holder is None or not _names_a_table(node, f):
            continue
        if holder.type == "argument_list":  # a Java enum constant's one integer argument
            numbers = [a for a in holder.named_children if _unwrap(a).type in f.integer]
            holder = numbers[0] if len(numbers) == 1 else holder
        holder = _unwrap(holder)
        if key.type in f.identifier and holder.type in literal_kinds:
            table.setdefault(code.text(key), []).append(literal_value(holder, ctx))
    memo["consts"] = table
    return table


def _iota_constants(ctx: Ctx) -> list[tuple[str, int]]:
    """Go ``const ( A = 50000 + iota; B; C )``: the names whose value iota gives (a spec
    without a value repeats the last expression with the next iota)."""
    code = ctx.code
    out: list[tuple[str, int]] = []
    for block in code.nodes(frozenset({"const_declaration"}))[0]:
        last: Node | None = None
        for index, spec in enumerate(c for c in block.named_children if c.type == "const_spec"):
            value = spec.child_by_field_name("value")
            if value is not None:
                last = _unwrap(value)
            if last is None or (value is not None and "iota" not in code.text(last)):
                continue
            number = _iota_value(last, index, ctx)
            if number is not None:
                out += [(code.text(n), number) for n in spec.children_by_field_name("name")]
    return out


def _iota_value(node: Node, iota: int, ctx: Ctx) -> int | None:
    """``iota``, an integer, or a sum/difference/product of them; None for anything else."""
    node = _unwrap(node)
    if node.type == "iota":
        return iota
    if node.type == "int_literal":
        value = _number(ctx.code.text(node))
        return value if isinstance(value, int) else None
    if node.type == "binary_expression":
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        operator = node.child_by_field_name("operator")
        if left is None or right is None or operator is None:
            return None
        a, b = _iota_value(left, iota, ctx), _iota_value(right, iota, ctx)
        if a is None or b is None:
            return None
        ops = {"+": a + b, "-": a - b, "*": a * b}
        return ops.get(ctx.code.text(operator))
    return None


def _names_a_table(entry: Node, f: Facts) -> bool:
    """Whether a member entry belongs to a named table of values: an enum constant, or an
    object literal that is itself a definition's value (``Codes = Object.freeze({...})``),
    not one built to be returned (``return {code: 50003}``)."""
    if entry.type == "enum_constant":
        return True
    holder = entry.parent.parent if entry.parent is not None else None
    if holder is not None and holder.type == "arguments":  # Object.freeze({...})
        call = holder.parent
        holder = call.parent if call is not None else None
    return holder is not None and holder.type in f.definition_kinds


def is_entry_key(node: Node, f: Facts) -> bool:
    """``MISSING_ID`` in ``{MISSING_ID: 50001}``: a name being defined, not a use of it."""
    parent = node.parent
    return (
        parent is not None
        and parent.type in f.member_entry_kinds
        and parent.child_by_field_name(MEMBER_ENTRIES[f.lang][parent.type][0]) == node
    )


def _visible(defs: list[Definition], at: Node, ctx: Ctx) -> list[Definition]:
    """Those of ``defs`` (one name's) that reach ``at``: earlier ones in its function, and
    top-level ones."""
    scope = ctx.code.scope_of(at)
    scope_id = scope.id if scope is not None else None
    return [
        d
        for d in defs
        if d.scope is None or (d.scope == scope_id and d.node.start_byte < at.start_byte)
    ]


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


def node_name(node: Node, ctx: Ctx) -> str:
    """A call's method name, a declaration's name, or the node's own text."""
    key = ("name", node.id)
    memo = ctx.code.memo
    found = memo.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    target = node.child_by_field_name("name")
    if target is None:
        function = node.child_by_field_name("function")
        if function is not None:
            target = function
            for field in ("name", "property", "attribute", "field"):
                inner = function.child_by_field_name(field)
                if inner is not None:
                    target = inner
                    break
            if target.type == "generic_name" and target.named_child_count:
                target = target.named_children[0]
    text = ctx.code.text(target if target is not None else node).lower()
    memo[key] = text
    return text


# --------------------------------------------------------------------------- compiler


@dataclass
class Compiled:
    check: Check
    anchor: Anchor | None
    applicable: bool
    refs: frozenset[str] = frozenset()  # parameters the matcher reads
    static: bool = (
        False  # neither reads nor makes captures: its verdict on a node depends on params only
    )


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


class Compiler:
    """Compiles matchers for one language. ``fragment`` resolves ``matches: <id>``."""

    def __init__(
        self, lang: str, rule: str, fragment: Callable[[str], Matcher], captures: frozenset[str]
    ) -> None:
        self.lang = lang
        self.rule = rule
        self.fragment = fragment
        self.captures = captures
        self.facts = facts(lang)
        self._fragments: dict[str, Compiled] = {}

    # ---------------------------------------------------------------- concepts

    def concept(self, names: list[str]) -> tuple[Check, frozenset[str], bool]:
        plain: set[str] = set()
        refined: dict[str, list[Check]] = {}
        table = CONCEPTS[self.lang]
        for name in names:
            if name not in _all_concepts():
                raise RuleError(
                    f"rule {self.rule}: unknown concept {name!r} (known: {', '.join(sorted(_all_concepts()))})"
                )
            for entry in table.get(name, []):
                if isinstance(entry, str):
                    plain.add(entry)
                else:
                    refined.setdefault(entry[0], []).append(
                        _concept_refinement(self.lang, name, entry[0])
                    )
        plain_set = frozenset(plain)
        kinds = plain_set | frozenset(refined)
        applicable = bool(kinds)
        key_base = ("concept", tuple(names))

        if not refined:

            def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
                return env if node.type in plain_set else None

        else:

            def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
                kind = node.type
                if kind in plain_set:
                    return env
                refinements = refined.get(kind)
                if refinements is None:
                    return None
                key = (key_base, node.id)
                memo = ctx.code.memo
                hit = memo.get(key)
                if hit is None:
                    hit = any(r(node, {}, ctx) is not None for r in refinements)
                    memo[key] = hit
                return env if hit else None

        return check, kinds, applicable

    # ---------------------------------------------------------------- matchers

    def compile(self, m: Matcher) -> Compiled:
        checks: list[Check] = []
        anchor: Anchor | None = None
        applicable = True
        code_kinds: frozenset[str] | None = None

        if m.kind is not None:
            kinds = frozenset(_as_list(m.kind))
            code_kinds = kinds
            checks.append(lambda n, e, c, k=kinds: e if n.type in k else None)
            anchor = KindAnchor(kinds, self.lang)
        if m.concept is not None:
            check, kinds, ok = self.concept(_as_list(m.concept))
            applicable = applicable and ok
            checks.append(check)
            code_kinds = kinds if code_kinds is None else code_kinds & kinds
            anchor = KindAnchor(code_kinds, self.lang)
        if m.query is not None:
            anchor_q = self._query(m.query)
            if anchor_q is None:
                applicable = False
                checks.append(lambda n, e, c: None)
            else:
                checks.append(self._query_check(anchor_q))
                if anchor is None:
                    anchor = anchor_q
        if m.value is not None:
            spec = self._values(m.value)
            checks.append(self._value(spec))
            if isinstance(anchor, KindAnchor) and not spec.dynamic:
                anchor = ValueAnchor(anchor.kinds, spec, self.lang)  # type: ignore[arg-type]
        if m.identifier is not None:
            checks.append(self._identifier(m.identifier))
        if m.name is not None:
            name_spec = self._values(m.name)
            checks.append(self._name(name_spec))
            if isinstance(anchor, KindAnchor) and not name_spec.dynamic:
                anchor = NameAnchor(anchor.kinds, name_spec, self.lang)  # type: ignore[arg-type]
        if m.regex is not None:
            checks.append(self._regex(m.regex))
        if m.mentions is not None:
            checks.append(self._mentions(m.mentions, m.follow))
        if m.defined_as is not None:
            sub = self.compile(m.defined_as)
            checks.append(self._defined_as(sub))
        if m.matches is not None:
            frag = self._fragment(m.matches)
            applicable = applicable and frag.applicable
            checks.append(frag.check)
            if anchor is None:
                anchor = frag.anchor
        for relation in ("inside", "not_inside", "has", "precedes", "follows"):
            sub_m = getattr(m, relation)
            if sub_m is not None:
                sub = self.compile(sub_m)
                if relation != "not_inside":
                    applicable = applicable and sub.applicable
                checks.append(self._relation(relation, sub, sub_m))
        if m.all is not None:
            subs = [self.compile(s) for s in m.all]
            applicable = applicable and all(s.applicable for s in subs)
            checks.extend(s.check for s in subs)
            if anchor is None:
                anchored = [s.anchor for s in subs if s.anchor is not None]
                if anchored:
                    anchor = anchored[0]
        if m.any is not None:
            subs = [self.compile(s) for s in m.any]
            live = [s for s in subs if s.applicable]
            applicable = applicable and bool(live)
            checks.append(_any([s.check for s in live]))
            if anchor is None:
                anchor = _union([s.anchor for s in live])
        if m.not_ is not None:
            sub = self.compile(m.not_)
            inner = sub.check
            checks.append(lambda n, e, c, inner=inner: e if inner(n, e, c) is None else None)

        check = _all(checks)
        if m.as_ is not None:
            check = self._capture(check, m.as_, m)
        refs, dynamic = _matcher_refs(m, self.fragment, self.captures, frozenset())
        return Compiled(check, anchor, applicable, frozenset(refs), not dynamic)

    def _fragment(self, name: str) -> Compiled:
        found = self._fragments.get(name)
        if found is None:
            self._fragments[name] = Compiled(lambda n, e, c: None, None, True)  # recursion guard
            found = self._fragments[name] = self.compile(self.fragment(name))
        return found

    # ---------------------------------------------------------------- atoms

    def _values(self, raw: Any) -> ValueSpec:
        return ValueSpec(raw, self.captures, self.rule)

    def _value(self, spec: ValueSpec) -> Check:
        f = self.facts

        def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
            try:
                wanted = spec.resolve(env, ctx)
            except _Unbound:
                return None
            if node.type in f.identifier:
                if is_entry_key(node, f):
                    return None
                values = constants(ctx).get(ctx.code.text(node))
                return env if values and any(v in wanted for v in values) else None
            return env if literal_value(node, ctx) in wanted else None

        return check

    def _identifier(self, raw: Any) -> Check:
        spec = self._values(raw)
        kinds = self.facts.identifier

        def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
            if node.type not in kinds:
                return None
            try:
                wanted = spec.resolve(env, ctx)
            except _Unbound:
                return None
            text = ctx.code.text(node).lower()
            return env if any(isinstance(w, str) and w.lower() == text for w in wanted) else None

        return check

    def _name(self, spec: ValueSpec) -> Check:
        def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
            try:
                wanted = spec.resolve(env, ctx)
            except _Unbound:
                return None
            name = node_name(node, ctx)
            return env if any(str(w).lower() == name for w in wanted) else None

        return check

    def _regex(self, pattern: str) -> Check:
        try:
            rx = re.compile(pattern)
        except re.error as error:
            raise RuleError(f"rule {self.rule}: bad regex {pattern!r}: {error}") from None

        def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
            return env if rx.search(ctx.code.text(node)) else None

        return check

    def _mentions(self, raw: Any, follow: int) -> Check:
        spec = self._values(raw)

        def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
            try:
                wanted = spec.resolve(env, ctx)
            except _Unbound:
                return None
            names = _names_for(wanted)
            if not follow:  # cheap test first: a name that is not in the text is not mentioned
                text = _norm_name(ctx.code.text(node))
                for name in names:
                    if name in text:
                        return None if _names_in(node, ctx)[0].isdisjoint(names) else env
                return None
            return env if mention(node, names, follow, ctx) is not None else None

        return check

    def _defined_as(self, sub: Compiled) -> Check:
        ident = self.facts.identifier

        def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
            if node.type not in ident:
                return None
            for d in definitions(ctx, ctx.code.text(node)):
                for value in d.values:
                    found = sub.check(value, env, ctx)
                    if found is not None:
                        return found
            return None

        return check

    def _query(self, raw: str | dict[str, str]) -> QueryAnchor | None:
        source = raw.get(self.lang) if isinstance(raw, dict) else raw
        if source is None:
            return None
        try:
            return QueryAnchor(_compile_query(self.lang, source))
        except Exception as error:  # noqa: BLE001 - tree-sitter raises several kinds
            raise RuleError(f"rule {self.rule}: bad {self.lang} query: {error}") from None

    @staticmethod
    def _query_check(anchor: QueryAnchor) -> Check:
        def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
            key = ("qids", id(anchor))
            ids = ctx.code.memo.get(key)
            if ids is None:
                ids = ctx.code.memo[key] = {n.id for n in anchor.nodes(ctx)[0]}
            return env if node.id in ids else None  # type: ignore[operator]

        return check

    def _capture(self, inner: Check, name: str, m: Matcher) -> Check:
        value_spec = self._values(m.mentions) if m.mentions is not None else None
        follow = m.follow

        def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
            found = inner(node, env, ctx)
            if found is None:
                return None
            if m.value is not None:
                value: Any = literal_value(node, ctx)
                if node.type in self.facts.identifier:
                    values = constants(ctx).get(ctx.code.text(node)) or [value]
                    value = values[0]
            elif value_spec is not None:
                names = _names_for(value_spec.resolve(found, ctx))
                value = mention(node, names, follow, ctx)
            else:
                value = ctx.code.text(node)
            return {**found, name: (node, value)}

        return check

    # ---------------------------------------------------------------- relations

    def _stop(self, sub_m: Matcher) -> tuple[str, Check | None]:
        stop = sub_m.stop_by
        if stop is None:
            return "end", None
        if isinstance(stop, str):
            return stop, None
        return "rule", self.compile(stop).check

    def _relation(self, relation: str, sub: Compiled, sub_m: Matcher) -> Check:
        mode, stop_check = self._stop(sub_m)
        fields = tuple(_as_list(sub_m.field))
        function_kinds = concept_kinds(self.lang, "function")
        sub_check = sub.check
        anchor = sub.anchor
        static = sub.static
        refs = sub.refs
        kinds = anchor.kinds if anchor is not None else None  # a node of another type cannot match
        if (
            anchor is not None
            and relation in ("precedes", "follows")
            and mode != "neighbor"
            and not fields
        ):
            anchor.register()

        def is_field_child(parent: Node, child: Node) -> bool:
            for f in fields:
                for c in parent.children_by_field_name(f):
                    if c == child:
                        return True
            return False

        def stops(node: Node, ctx: Ctx) -> bool:
            if mode == "function":
                return node.type in function_kinds
            if mode == "rule":
                return stop_check(node, {}, ctx) is not None  # type: ignore[misc]
            return mode == "neighbor"

        stop_at_function = mode == "function"
        stop_anywhere = mode != "end"

        def inside(node: Node, env: Env, ctx: Ctx) -> Env | None:
            prev = node
            parent = node.parent
            while parent is not None:
                kind = parent.type
                if (kinds is None or kind in kinds) and (
                    not fields or is_field_child(parent, prev)
                ):
                    found = sub_check(parent, env, ctx)
                    if found is not None:
                        return found
                if stop_at_function:
                    if kind in function_kinds:
                        return None
                elif stop_anywhere and stops(parent, ctx):
                    return None
                prev = parent
                parent = parent.parent
            return None

        def allowed(desc: Node, origin: Node, ctx: Ctx) -> bool:
            """``desc`` is reachable from ``origin`` without crossing a stop node."""
            if mode == "end":
                return True
            if mode == "function":
                scope = ctx.code.scope_of(origin)
                return (
                    ctx.code.function_of(desc) == scope
                    if scope is not None
                    else ctx.code.function_of(desc) is None
                )
            parent = desc.parent
            while parent is not None and parent != origin:
                if stop_check is not None and stop_check(parent, {}, ctx) is not None:
                    return False
                parent = parent.parent
            return True

        def descendants(node: Node, ctx: Ctx) -> Iterator[Node]:
            if anchor is not None and node.end_byte - node.start_byte > SMALL:
                for d in in_range(ctx, anchor, node.start_byte, node.end_byte):
                    if d != node:
                        yield d
            else:
                yield from ctx.code.walk(node)

        def has(node: Node, env: Env, ctx: Ctx) -> Env | None:
            if fields:
                starts: list[Node] = []
                for f in fields:
                    starts += node.children_by_field_name(f)
                for start in starts:
                    if kinds is None or start.type in kinds:
                        found = sub_check(start, env, ctx)
                        if found is not None:
                            return found
                    if mode == "neighbor":
                        continue
                    for d in descendants(start, ctx):
                        if allowed(d, node, ctx):
                            found = sub_check(d, env, ctx)
                            if found is not None:
                                return found
                return None
            if mode == "neighbor":
                for child in node.named_children:
                    if kinds is None or child.type in kinds:
                        found = sub_check(child, env, ctx)
                        if found is not None:
                            return found
                return None
            if static:
                key = ("has", id(sub), node.id, ctx.fingerprint(refs))
                memo = ctx.code.memo
                hit = memo.get(key)
                if hit is None:
                    hit = memo[key] = any(
                        allowed(d, node, ctx) and sub_check(d, {}, ctx) is not None
                        for d in descendants(node, ctx)
                    )
                return env if hit else None
            for d in descendants(node, ctx):
                if allowed(d, node, ctx):
                    found = sub_check(d, env, ctx)
                    if found is not None:
                        return found
            return None

        def scope(node: Node, ctx: Ctx) -> Node:
            if mode == "function":
                return ctx.code.function_of(node) or ctx.code.root
            if mode == "rule":
                parent = node.parent
                while parent is not None:
                    if stop_check(parent, {}, ctx) is not None:  # type: ignore[misc]
                        return parent
                    parent = parent.parent
            return ctx.code.root

        def ordered(node: Node, env: Env, ctx: Ctx, before: bool) -> Env | None:
            if mode == "neighbor":
                parent = node.parent
                siblings = parent.named_children if parent is not None else []
                for s in siblings:
                    if (
                        (s.end_byte <= node.start_byte)
                        if before
                        else (s.start_byte >= node.end_byte)
                    ):
                        found = sub_check(s, env, ctx)
                        if found is not None:
                            return found
                return None
            area = scope(node, ctx)
            if before:
                start, end = area.start_byte, node.start_byte
            else:
                start, end = node.end_byte, area.end_byte
            if static:
                bound = _bound(area, ctx, before)
                ok = bound <= node.start_byte if before else -bound >= node.end_byte
                if ok or mode != "function":
                    return env if ok else None
                # what a helper called in that range does, runs there
                for body in called_bodies(ctx, start, end):
                    if _bound(body, ctx, before) != _INF:
                        return env
                return None
            pool = (
                in_range(ctx, anchor, start, end)
                if anchor is not None
                else (
                    d
                    for d in ctx.code.walk(area)
                    if (d.end_byte <= end if before else d.start_byte >= start)
                )
            )
            for d in pool:
                found = sub_check(d, env, ctx)
                if found is not None:
                    return found
            if mode == "function":  # what a helper called in that range does, runs there
                for body in called_bodies(ctx, start, end):
                    pool = (
                        in_range(ctx, anchor, body.start_byte, body.end_byte)
                        if anchor is not None
                        else ctx.code.walk(body)
                    )
                    for d in pool:
                        found = sub_check(d, env, ctx)
                        if found is not None:
                            return found
            return None

        def _bound(area: Node, ctx: Ctx, before: bool) -> int:
            """For ``follows``: the earliest end of a match in ``area``; for ``precedes``: minus
            the latest start. Computed once per scope; +inf when nothing matches."""
            key = ("ord", id(sub), area.id, before, ctx.fingerprint(refs))
            memo = ctx.code.memo
            found = memo.get(key)
            if found is None:
                best = _INF
                pool = (
                    in_range(ctx, anchor, area.start_byte, area.end_byte)
                    if anchor is not None
                    else ctx.code.walk(area)
                )
                for d in pool:
                    if before and d.start_byte >= best:
                        break  # the pool is in document order: no later node ends sooner
                    if sub_check(d, {}, ctx) is not None:
                        best = min(best, d.end_byte if before else -d.start_byte)
                found = memo[key] = best
            return found  # type: ignore[return-value]

        if relation == "inside":
            return inside
        if relation == "not_inside":
            return lambda n, e, c: e if inside(n, e, c) is None else None
        if relation == "has":
            return has
        if relation == "follows":
            return lambda n, e, c: ordered(n, e, c, True)
        return lambda n, e, c: ordered(n, e, c, False)


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda n, e, c: e
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks

        def check2(node: Node, env: Env, ctx: Ctx) -> Env | None:
            found = first(node, env, ctx)
            return None if found is None else second(node, found, ctx)

        return check2

    def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
        for part in checks:
            env = part(node, env, ctx)  # type: ignore[assignment]
            if env is None:
                return None
        return env

    return check


def _any(checks: list[Check]) -> Check:
    def check(node: Node, env: Env, ctx: Ctx) -> Env | None:
        for part in checks:
            found = part(node, env, ctx)
            if found is not None:
                return found
        return None

    return check


@cache
def _all_concepts() -> frozenset[str]:
    return frozenset(name for table in CONCEPTS.values() for name in table)


@cache
def _concept_refinement(lang: str, concept: str, kind: str) -> Check:
    entries = [e for e in CONCEPTS[lang][concept] if not isinstance(e, str) and e[0] == kind]
    checks = []
    for _, where in entries:
        compiler = Compiler(lang, f"concept {concept}", _no_fragments, frozenset())
        checks.append(compiler.compile(Matcher.model_validate(where)).check)
    return _any(checks)


def _no_fragments(name: str) -> Matcher:
    raise RuleError(f"concept refinements cannot use fragments ({name})")


@cache
def _compile_query(lang: str, source: str) -> Query:
    return Query(language(lang), source)


def applicable(m: Matcher, lang: str, fragment: Callable[[str], Matcher]) -> bool:
    """False when the rule needs a concept the language lacks (``catch`` in Go, say)."""
    return Compiler(lang, "", fragment, frozenset()).compile(m).applicable


def capture_names(
    m: Matcher, fragment: Callable[[str], Matcher], seen: frozenset[str] = frozenset()
) -> set[str]:
    names: set[str] = {m.as_} if m.as_ else set()
    subs: list[Matcher] = [
        s
        for s in (m.inside, m.not_inside, m.has, m.precedes, m.follows, m.not_, m.defined_as)
        if s is not None
    ]
    subs += list(m.all or []) + list(m.any or [])
    if isinstance(m.stop_by, Matcher):
        subs.append(m.stop_by)
    for s in subs:
        names |= capture_names(s, fragment, seen)
    if m.matches and m.matches not in seen:
        names |= capture_names(fragment(m.matches), fragment, seen | {m.matches})
    return names


def _matcher_refs(
    m: Matcher, fragment: Callable[[str], Matcher], captures: frozenset[str], seen: frozenset[str]
) -> tuple[set[str], bool]:
    """(params the matcher reads, whether it reads or makes captures)."""
    refs: set[str] = set()
    dynamic = m.as_ is not None
    for raw in (m.value, m.identifier, m.name, m.mentions):
        if isinstance(raw, dict):
            raw = raw.get("any_of", raw.get("any-of"))
        for item in _flatten(raw):
            match = _REF.match(item) if isinstance(item, str) else None
            if match:
                if match.group(1) in captures:
                    dynamic = True
                else:
                    refs.add(match.group(1))
    subs: list[Matcher] = [
        x
        for x in (m.inside, m.not_inside, m.has, m.precedes, m.follows, m.not_, m.defined_as)
        if x is not None
    ]
    subs += list(m.all or []) + list(m.any or [])
    if isinstance(m.stop_by, Matcher):
        subs.append(m.stop_by)
    if m.matches and m.matches not in seen:
        subs.append(fragment(m.matches))
        seen = seen | {m.matches}
    for sub in subs:
        sub_refs, sub_dynamic = _matcher_refs(sub, fragment, captures, seen)
        refs |= sub_refs
        dynamic = dynamic or sub_dynamic
    return refs, dynamic
