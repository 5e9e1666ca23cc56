"""Evaluating rule bindings on one piece of code: ``check_code`` and its findings."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tree_sitter import Node

from grader.types import Finding, RuleBinding, RuleCheck

from ._loader import LoadedRule, find_rule_file, load_rule
from ._match import Ctx, Env, node_name
from ._tree import Code

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
    if compiled is None:
        return RuleCheck(
            rule=rule.id, requirement=requirement, params=params, passed=False, applicable=False
        )
    ctx = Ctx(parsed, params, rule.id)
    if compiled.anchor is not None:
        candidates: Sequence[Node] | Any = compiled.anchor.nodes(ctx)[0]
    else:
        candidates = [parsed.root, *parsed.walk(parsed.root)]
    check = compiled.check
    matches: list[tuple[Node, Env]] = []
    for node in candidates:
        env = check(node, {}, ctx)
        if env is not None:
            matches.append((node, env))
    severity = rule.spec.severity
    if rule.spec.expect == "present":
        if matches:
            return RuleCheck(rule=rule.id, requirement=requirement, params=params, passed=True)
        where = entry_function(parsed, params)
        finding = _finding(
            rule.id, severity, message, parsed, where, {}, params, requirement, with_text=False
        )
        return RuleCheck(
            rule=rule.id, requirement=requirement, params=params, passed=False, findings=[finding]
        )
    findings = [
        _finding(rule.id, severity, message, parsed, node, env, params, requirement)
        for node, env in matches
    ]
    return RuleCheck(
        rule=rule.id, requirement=requirement, params=params, passed=not findings, findings=findings
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

    def fill(match: re.Match[str]) -> str:
        name, index = match.group(1), match.group(2)
        if name not in values:
            return match.group(0)
        value = values[name]
        if index is not None:
            if not isinstance(value, list | tuple) or not -len(value) <= int(index) < len(value):
                return match.group(0)
            value = value[int(index)]
        if isinstance(value, list | tuple | set):
            return ", ".join(str(v) for v in value)
        return str(value)

    return _FIELD.sub(fill, template)


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
