"""Value resolution: what a rule's value stands for, and what a node's value is.

``ValueSpec`` compiles a rule's ``value``/``name``/``mentions`` operand (constants,
``$param`` and ``$capture`` references, ``{any_of: ...}``) and resolves it against a
binding. On the code's side: a literal's value (``literal_value``), the names a file defines
as a single literal, Go's iota constants included (``constants``), a node's name
(``node_name``), and the per-language ``Facts`` these need. ``ValueAnchor`` and
``NameAnchor`` use them to look candidates up by value or by name.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tree_sitter import Node

from ._concepts import DEFINITIONS, MEMBER_ENTRIES, WRAPPERS
from ._lookup import Anchor, Ctx, Env
from ._model import RuleError
from ._tree import concept_kinds, language, want_indexed

_REF = re.compile(r"^\$(\w+)(?:\[(-?\d+)\])?$")


_MISSING = object()


class _Unbound(Exception):
    """A ``$capture`` used before anything was captured under that name: no match."""


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


_KEYED_TABLES: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "python": (("pair", "key", "value"), ("subscript", "value", "subscript")),
    "javascript": (("pair", "key", "value"), ("subscript_expression", "object", "index")),
    "typescript": (("pair", "key", "value"), ("subscript_expression", "object", "index")),
}


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
        # a table keyed by strings, read by subscript: CODES = {"missing": 50001}, then
        # CODES["missing"] (entry kind, its key and value fields; subscript kind, its
        # object and index fields)
        self.keyed = _KEYED_TABLES.get(lang)
        keyed_entries = {self.keyed[0][0]} if self.keyed else set()
        self.constant_parents = (
            self.definition_kinds
            | self.member_entry_kinds
            | keyed_entries
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
        values = constants(ctx).get(constant_name(node, ctx))
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


# ------------------------------------------------------------------ constants


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
        if len(values) != 1:
            continue
        if values[0].type in literal_kinds:
            found = [literal_value(values[0], ctx)]
        elif code.function_of(node) is None:  # MISSING = ApiError(50001, "..."), at top level
            found = _constructed(values[0], f, ctx)
        else:
            continue
        for name in target_fields:
            for child in node.children_by_field_name(name):
                for target in _target_names(child, f):
                    table.setdefault(code.text(target), []).extend(found)
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
        if key.type not in f.identifier:
            continue
        if holder.type in literal_kinds:
            table.setdefault(code.text(key), []).append(literal_value(holder, ctx))
        else:  # {INVALID_AMOUNT: {code: 60001, message: "..."}}: the entry's code
            table[code.text(key)] = table.get(code.text(key), []) + _coded(holder, f, ctx)
    if f.keyed:
        for name, values in _keyed_constants(ctx):
            table.setdefault(name, []).extend(values)
    memo["consts"] = table
    return table


def _keyed_constants(ctx: Ctx) -> list[tuple[str, list[Any]]]:
    """A module-level ``CODES = {"missing": 50001}`` -> ``("CODES['missing']", [50001])``, the name
    ``constant_name`` gives ``CODES`` in ``CODES["missing"]``; an entry holding an object
    with a code (``{"missing": {"code": 50001}}``) gives that code."""
    code = ctx.code
    f = facts(code.lang)
    assert f.keyed is not None
    (entry_kind, key_field, value_field), _ = f.keyed
    out = []
    for entry in code.nodes(frozenset({entry_kind}))[0]:
        key, holder = entry.child_by_field_name(key_field), entry.child_by_field_name(value_field)
        definition = entry.parent.parent if entry.parent is not None else None
        if key is None or holder is None or key.type not in f.string or definition is None:
            continue
        if definition.type not in f.definition_kinds or code.function_of(definition):
            continue  # a dict built inside a function is data (user = {"ActiveFlag": 1})
        targets, _values = f.definitions[definition.type]
        names = [
            code.text(t)
            for field in targets
            for t in definition.children_by_field_name(field)
            if t.type in f.identifier
        ]
        holder = _unwrap(holder)
        if holder.type in f.integer | f.string:
            values = [literal_value(holder, ctx)]
        else:
            values = _coded(holder, f, ctx)
        content = literal_value(key, ctx)
        out += [(f"{name}[{content!r}]", values) for name in names[:1] if values]
    return out


def constant_name(node: Node, ctx: Ctx) -> str:
    """The name an identifier's constant is filed under: its text, or for the table of a
    string-keyed subscript (``CODES["missing"]``) the table and the key."""
    f = facts(ctx.code.lang)
    text = ctx.code.text(node)
    parent = node.parent
    if f.keyed is None or parent is None:
        return text
    kind, object_field, index_field = f.keyed[1]
    if parent.type != kind or parent.child_by_field_name(object_field) != node:
        return text
    index = parent.child_by_field_name(index_field)
    if index is None or _unwrap(index).type not in f.string:
        return text
    return f"{text}[{literal_value(_unwrap(index), ctx)!r}]"


# values built from their parts: the node type -> where its parts are
_CONSTRUCTIONS = {
    "tuple": None,  # python: (50001, "UserId is required")
    "call": "arguments",  # python: ApiError(50001, "..."), a capitalised callee only
    "new_expression": "arguments",  # js, ts
    "object_creation_expression": "arguments",  # java, c#
    "composite_literal": "body",  # go: ApiResult{50001, "..."}, ApiResult{Code: 50001}
}


# what sits between a constructor and the parts it is given
_PARTS = frozenset(
    {"argument_list", "arguments", "argument", "literal_value", "keyed_element", "literal_element"}
)


def _constructed(node: Node, f: Facts, ctx: Ctx) -> list[Any]:
    """The one integer a constant's constructor is given (``MISSING = ApiError(50001,
    "...")``): the code it stands for. Nothing when there are none or several."""
    code = ctx.code
    if node.type not in _CONSTRUCTIONS:
        return []
    if node.type == "call":
        callee = node.child_by_field_name("function")
        if callee is None or not code.text(callee)[:1].isupper():
            return []
    field = _CONSTRUCTIONS[node.type]
    holder = node if field is None else node.child_by_field_name(field)
    if holder is None and node.type == "object_creation_expression":  # c#: unnamed
        holder = next((c for c in node.named_children if c.type == "argument_list"), None)
    if holder is None:
        return []
    numbers = []
    for part in holder.named_children:
        if part.type == "keyed_element":  # go: Code: 50001
            part = part.named_children[-1] if part.named_children else part
        if part.type == "argument" and part.named_child_count:  # c#
            part = part.named_children[-1]
        part = _unwrap(part)
        if part.type in f.integer:
            numbers.append(literal_value(part, ctx))
    return numbers if len(numbers) == 1 else []


def _coded(holder: Node, f: Facts, ctx: Ctx) -> list[Any]:
    """The literal under a ``code`` key of an object literal that is a table's entry."""
    code = ctx.code
    out = []
    entries = dict(MEMBER_ENTRIES.get(code.lang, {}))
    if f.keyed:
        entries[f.keyed[0][0]] = f.keyed[0][1:]
    for entry in holder.named_children:
        if entry.type not in entries:
            continue
        key_field, value_field = entries[entry.type]
        key, value = entry.child_by_field_name(key_field), entry.child_by_field_name(value_field)
        if key is None or value is None or _strip_quotes(code.text(key)).lower() != "code":
            continue
        value = _unwrap(value)
        if value.type in f.integer | f.string:
            out.append(literal_value(value, ctx))
    return out


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


# a function without a name of its own takes the name it is given (`const f = () => …`)
_ANONYMOUS_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function"})


def _declared_as(function: Node) -> Node | None:
    """The name an anonymous function is bound to: ``const refund = (a) => …``,
    ``exports.refund = function …``, ``{ refund: (a) => … }``."""
    parent = function.parent
    if parent is None:
        return None
    if parent.type == "variable_declarator" and parent.child_by_field_name("value") == function:
        return parent.child_by_field_name("name")
    if parent.type == "pair" and parent.child_by_field_name("value") == function:
        return parent.child_by_field_name("key")
    if parent.type == "assignment_expression" and parent.child_by_field_name("right") == function:
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "member_expression":
            return left.child_by_field_name("property")
        return left
    return None


def node_name(node: Node, ctx: Ctx) -> str:
    """A call's method name, a declaration's name, or the node's own text."""
    key = ("name", node.id)
    memo = ctx.code.memo
    found = memo.get(key)
    if found is not None:
        return found  # type: ignore[return-value]
    target = node.child_by_field_name("name")
    if target is None and node.type in _ANONYMOUS_FUNCTIONS:
        target = _declared_as(node)
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


# ----------------------------------------------------------- anchors by value


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
                        if constant_name(n, ctx) in names and not is_entry_key(n, f)
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
            while parent is not None and parent.type in WRAPPERS | _PARTS:
                parent = parent.parent
            if parent is not None and parent.type in _CONSTRUCTIONS:  # ApiError(50001, ...)
                parent = parent.parent
                while parent is not None and parent.type in WRAPPERS:
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
