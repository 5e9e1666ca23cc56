"""The compiler of the rule language: a ``Matcher`` tree into fast checks for one language.

A compiled matcher is a function ``check(node, env, ctx) -> env | None``: ``env`` holds the
captures made so far (``as:``), ``None`` means no match. Each matcher also knows its
*anchor*: the node types that can possibly match, so candidates come from the per-file
index instead of a walk over the whole tree. ``Compiler`` turns each operator into a check:
concepts, the atoms (``value``, ``identifier``, ``name``, ``regex``, ``mentions``,
``defined_as``, ``query``, ``unread``, ``replaces_parameter``), the relations (``inside``, ``not_inside``, ``has``,
``precedes``, ``follows``) and the composites (``all``, ``any``, ``not``, ``matches``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from tree_sitter import Node, Query

from ._concepts import CONCEPTS
from ._definitions import (
    _names_for,
    _names_in,
    _norm_name,
    called_bodies,
    definitions,
    mention,
    parameter_of_enclosing,
)
from ._lookup import SMALL, Anchor, Check, Ctx, Env, KindAnchor, QueryAnchor, _union, in_range
from ._model import Matcher, RuleError
from ._reads import replaces_parameter, unread
from ._tree import concept_kinds, language
from ._values import (
    _REF,
    NameAnchor,
    ValueAnchor,
    ValueSpec,
    _flatten,
    _Unbound,
    constant_name,
    constants,
    facts,
    is_entry_key,
    literal_value,
    node_name,
)

_INF = 1 << 62


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
        if m.unread is not None:
            checks.append(lambda n, e, c, w=m.unread: e if unread(n, c) == w else None)
        if m.replaces_parameter is not None:
            checks.append(
                lambda n, e, c, w=m.replaces_parameter: e if replaces_parameter(n, c) == w else None
            )
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
                values = constants(ctx).get(constant_name(node, ctx))
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
            name = ctx.code.text(node)
            defs = definitions(ctx, name)
            if defs and parameter_of_enclosing(ctx, node, name):  # the parameter, not those
                defs = [d for d in defs if d.scope is not None]
            for d in defs:
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
                    values = constants(ctx).get(constant_name(node, ctx)) or [value]
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
