"""Evaluating rule bindings on one piece of code: ``check_code`` and its findings."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from tree_sitter import Node

from grader.types import Finding, RuleBinding, RuleCheck

from ._compiler import Compiled
from ._loader import LoadedRule, find_rule_file, load_rule
from ._lookup import Ctx, Env
from ._tree import Code
from ._values import node_name

SYNTAX_ERROR = "syntax-error"
TEXT_LIMIT = 200
_FIELD = re.compile(r"\{(\w+)(?:\[(-?\d+)\])?\}")


def rule_exists(rule_id: str, search_paths: Sequence[Path] = ()) -> bool:
    """Whether ``rule_id`` resolves to a rule file (task ``rules/`` folders first)."""
    return find_rule_file(rule_id, search_paths) is not None


def check_code(
    code: str,
    language: str,
    bindings: Sequence[RuleBinding],
    params: Mapping[str, Any],
    search_paths: Sequence[Path] = (),
) -> list[RuleCheck]:
    """Evaluate every binding on ``code``: one ``RuleCheck`` each, plus ``syntax-error``
    first when the code does not parse (the other rules still run on the partial tree)."""
    parsed = Code(code, language)
    checks: list[RuleCheck] = []
    error = parsed.first_error()
    if error is not None:
        checks.append(_syntax_check(parsed, error))
    rules: dict[str, LoadedRule] = {}
    for binding in bindings:
        rule = rules.get(binding.rule)
        if rule is None:
            rule = rules[binding.rule] = load_rule(binding.rule, search_paths)
        merged = {**rule.spec.params, **params, **binding.params}
        checks.append(evaluate(rule, parsed, merged, binding.requirement))
    return checks


def evaluate(
    rule: LoadedRule, parsed: Code, params: dict[str, Any], requirement: str | None
) -> RuleCheck:
    compiled, message, _note = rule.compiled(parsed.lang)
    spec = rule.spec
    rule_id = spec.id
    if compiled is None:
        return RuleCheck(
            rule=rule_id,
            requirement=requirement,
            params=params,
            passed=False,
            applicable=False,
        )
    ctx = Ctx(parsed, params, rule_id)
    if spec.expect == "present":  # only whether something matches counts: stop at the first
        if _matches_somewhere(compiled, parsed, ctx):
            return RuleCheck(
                rule=rule_id,
                requirement=requirement,
                params=params,
                passed=True,
                presence=spec.absence_evidence,
            )
        where = entry_function(parsed, params)
        finding = _finding(
            rule_id, spec.severity, message, parsed, where, {}, params, requirement, with_text=False
        )
        return RuleCheck(
            rule=rule_id,
            requirement=requirement,
            params=params,
            passed=False,
            findings=[finding],
            presence=spec.absence_evidence,
        )
    findings: list[Finding] = []
    for node in _candidates(compiled, parsed, ctx):
        env = compiled.check(node, _NO_CAPTURES, ctx)
        if env is not None:
            findings.append(
                _finding(rule_id, spec.severity, message, parsed, node, env, params, requirement)
            )
    subject = rule.subject(parsed.lang)
    vacuous = not findings and subject is not None and not _matches_somewhere(subject, parsed, ctx)
    return RuleCheck(
        rule=rule_id,
        requirement=requirement,
        params=params,
        passed=not findings and not vacuous,
        findings=findings,
        presence=spec.absence_evidence,
        vacuous=vacuous,
    )


_NO_CAPTURES: Env = {}  # never modified: a capture makes a new env


def _candidates(compiled: Compiled, parsed: Code, ctx: Ctx) -> Sequence[Node] | Any:
    if compiled.anchor is not None:
        return compiled.anchor.nodes(ctx)[0]
    return [parsed.root, *parsed.walk(parsed.root)]


def _matches_somewhere(compiled: Compiled, parsed: Code, ctx: Ctx) -> bool:
    return any(
        compiled.check(node, _NO_CAPTURES, ctx) is not None
        for node in _candidates(compiled, parsed, ctx)
    )


def entry_function(parsed: Code, params: Mapping[str, Any]) -> Node | None:
    """Where a "nothing matched" finding goes: the entry point, else the largest top-level
    function, else nothing (line 1)."""
    entry = params.get("entry_point")
    key = ("entry", entry if isinstance(entry, str) else None)
    if key in parsed.memo:
        return parsed.memo[key]  # type: ignore[return-value]
    found = None
    functions = [n for n in parsed.nodes(parsed.function_kinds)[0] if parsed.function_of(n) is None]
    if functions:
        if isinstance(entry, str):
            ctx = Ctx(parsed, params)
            found = next((fn for fn in functions if node_name(fn, ctx) == entry.lower()), None)
        if found is None:
            found = max(functions, key=lambda n: (n.end_byte - n.start_byte, -n.start_byte))
    parsed.memo[key] = found
    return found


def format_message(template: str, values: Mapping[str, Any]) -> str:
    """Fill ``{name}`` / ``{name[i]}``; lists read "a, b"; unknown names stay as written."""
    out: list[str] = []
    for literal, field in _template_parts(template):
        out.append(literal)
        if field is not None:
            out.append(_fill(field, values))
    return "".join(out)


Placeholder = tuple[str, str, int | None]  # (as written, name, index)


@lru_cache(maxsize=1024)
def _template_parts(template: str) -> tuple[tuple[str, Placeholder | None], ...]:
    """``template`` split once into (literal text, the placeholder after it or None)."""
    parts: list[tuple[str, Placeholder | None]] = []
    last = 0
    for match in _FIELD.finditer(template):
        index = match.group(2)
        placeholder = (match.group(0), match.group(1), int(index) if index is not None else None)
        parts.append((template[last : match.start()], placeholder))
        last = match.end()
    parts.append((template[last:], None))
    return tuple(parts)


def _fill(placeholder: Placeholder, values: Mapping[str, Any]) -> str:
    written, name, index = placeholder
    if name not in values:
        return written
    value = values[name]
    if index is not None:
        if not isinstance(value, list | tuple) or not -len(value) <= index < len(value):
            return written
        value = value[index]
    if isinstance(value, list | tuple | set):
        return ", ".join(str(v) for v in value)
    return str(value)


def _finding(
    rule: str,
    severity: Any,
    template: str,
    parsed: Code,
    node: Node | None,
    env: Env,
    params: Mapping[str, Any],
    requirement: str | None,
    with_text: bool = True,
) -> Finding:
    if node is None:
        line, column, end_line, end_column, text = 1, 1, None, None, ""
    else:
        (row, col), (end_row, end_col) = node.start_point, node.end_point
        line, column = row + 1, parsed.char_column(row, col)
        end_line, end_column = end_row + 1, parsed.char_column(end_row, end_col)
        text = _clip(parsed.text(node)) if with_text else ""
    values: dict[str, Any] = {**params, **{k: v for k, (_, v) in env.items()}, "line": line}
    return Finding(
        rule=rule,
        severity=severity,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        message=format_message(template, values),
        text=text,
        requirement=requirement,
    )


def _syntax_check(parsed: Code, error: Node) -> RuleCheck:
    row, col = error.start_point
    line = row + 1
    what = (
        "missing " + error.type
        if error.is_missing
        else "unexpected " + repr(_clip(parsed.text(error), 40))
    )
    finding = Finding(
        rule=SYNTAX_ERROR,
        severity="error",
        line=line,
        column=parsed.char_column(row, col),
        end_line=error.end_point[0] + 1,
        end_column=parsed.char_column(error.end_point[0], error.end_point[1]),
        message=f"The code does not parse as {parsed.lang}: first error at line {line} ({what}).",
        text=_clip(parsed.text(error)),
    )
    return RuleCheck(rule=SYNTAX_ERROR, passed=False, findings=[finding])


def _clip(text: str, limit: int = TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
