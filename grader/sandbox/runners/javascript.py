"""JavaScript and TypeScript: ``node FILE`` with a trusted preloaded guard, nonce-signed results."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from grader.sandbox.runners.base import PRIVATE, TOKEN, LanguageRunner, Parsed, Plan, env
from grader.sandbox.runners.cache import NODE_INSIDE
from grader.sandbox.runners.results import parse_signed, reconcile, step_secret
from grader.types import TestCase, TestJob

NODE = "/usr/bin/node"
NODE_AS_MB = 8192  # node reserves a large address space up front; the heap is capped apart

_EXPORT_DEFAULT_NAMED = re.compile(
    r"^(\s*)export\s+default\s+(async\s+function|function\*?|class)\s+", re.M
)
_EXPORT_DEFAULT = re.compile(r"^(\s*)export\s+default\s+", re.M)
_EXPORT_DECL = re.compile(r"^(\s*)export\s+(?=(async\s+)?function|const|let|var|class)", re.M)
_EXPORT_LIST = re.compile(r"^\s*export\s*\{([^}]*)\}\s*(from\s*['\"][^'\"]+['\"])?\s*;?", re.M)
_IMPORT_DEFAULT = re.compile(
    r"^\s*import\s+([A-Za-z_$][\w$]*)\s+from\s+(['\"][^'\"]+['\"])\s*;?", re.M
)
_IMPORT_NAMED = re.compile(r"^\s*import\s*\{([^}]*)\}\s*from\s+(['\"][^'\"]+['\"])\s*;?", re.M)
_IMPORT_STAR = re.compile(
    r"^\s*import\s+\*\s+as\s+([A-Za-z_$][\w$]*)\s+from\s+(['\"][^'\"]+['\"])\s*;?", re.M
)


def _named_list(body: str, *, arrow: str) -> str:
    parts = []
    for item in body.split(","):
        item = item.strip()
        if not item:
            continue
        name, _, alias = item.partition(" as ")
        parts.append(f"{name.strip()}{arrow}{alias.strip()}" if alias else name.strip())
    return ", ".join(parts)


def to_commonjs(code: str) -> str:
    """Rewrite ESM ``import``/``export`` lines to CommonJS (a line-level rewrite, no parser)."""
    exported: list[str] = []

    def export_list(match: re.Match[str]) -> str:
        for item in match.group(1).split(","):
            name, _, alias = item.strip().partition(" as ")
            if name.strip():
                exported.append(
                    f"module.exports[{json.dumps((alias or name).strip())}] = {name.strip()};"
                )
        return ""

    code = _EXPORT_LIST.sub(export_list, code)
    code = _IMPORT_STAR.sub(lambda m: f"const {m.group(1)} = require({m.group(2)});", code)
    code = _IMPORT_NAMED.sub(
        lambda m: f"const {{ {_named_list(m.group(1), arrow=': ')} }} = require({m.group(2)});",
        code,
    )
    code = _IMPORT_DEFAULT.sub(lambda m: f"const {m.group(1)} = require({m.group(2)});", code)
    code = _EXPORT_DEFAULT_NAMED.sub(lambda m: f"{m.group(1)}{m.group(2)} ", code)
    code = _EXPORT_DEFAULT.sub(lambda m: f"{m.group(1)}module.exports.default = ", code)
    code = _EXPORT_DECL.sub(lambda m: m.group(1), code)
    return code + ("\n" + "\n".join(exported) if exported else "")


def export_footer(entry_point: str) -> str:
    """Make ``entry_point`` importable whatever the model did (or forgot) to export."""
    name = entry_point if re.fullmatch(r"[A-Za-z_$][\w$]*", entry_point) else "__missing__"
    key = json.dumps(name)
    return f"""
;(function () {{
  try {{
    var e = module.exports;
    if (typeof {name} !== "undefined" && e && !({key} in e)) {{ e[{key}] = {name}; return; }}
    if (typeof e === "function" && !({key} in e)) {{ e[{key}] = e; return; }}
    if (e && e.default && !({key} in e)) {{ e[{key}] = e.default; }}
  }} catch (_) {{}}
}})();
"""


_TEST_CALL = re.compile(
    r"(?<![\w.$])(?:test|it)\s*\(\s*(?:(['\"])((?:\\.|(?!\1).)*?)\1|`([^`$]*)`)"
)
_ANY_TEST_CALL = re.compile(r"(?<![\w.$])(?:test|it)\s*\(")
ALL_NAMES = "*"  # in an expected list: the file names some tests at run time, accept any


def expected_test_names(source: str) -> list[str]:
    """The names of a test file's ``test(...)``/``it(...)`` calls, counted on the host; the
    list gains ``ALL_NAMES`` when some call's name is not a plain literal."""
    names = [
        re.sub(r"\\(.)", r"\1", m.group(2) if m.group(1) else m.group(3))
        for m in _TEST_CALL.finditer(source)
    ]
    if len(_ANY_TEST_CALL.findall(source)) > len(names):
        names.append(ALL_NAMES)
    return names


def node_steps(tests: dict[str, str], memory_mb: int) -> tuple[list[dict[str, Any]], list[str]]:
    """One ``node FILE`` per test file (not ``node --test``, whose per-file subprocess turns
    a file that exits early into a passing test), with the trusted guard preloaded: results
    are the lines it signs with the step's nonce, never node's reporters or stdout."""
    steps, reports = [], []
    for index, (test, source) in enumerate(tests.items()):
        report = f"{PRIVATE}/node-{index}-{TOKEN}.jsonl"
        secret = f"{PRIVATE}/secret-{index}-{TOKEN}"
        argv = [
            NODE,
            "--require",
            f"{_ASSETS_INSIDE}/node-guard.js",
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
            test,
        ]
        steps.append(
            {
                "kind": "exec",
                "phase": "test",
                "argv": argv,
                "as_mb": NODE_AS_MB,
                "file": test,
                "secret": secret,
                "expected": expected_test_names(source),
                "env": env(
                    NODE_OPTIONS=f"--max-old-space-size={memory_mb}",
                    NO_COLOR="1",
                    GRADER_SECRET=secret,
                    GRADER_RESULTS=report,
                ),
            }
        )
        reports.append(report)
    return steps, reports


# node's assert ends its message with "actual !== expected" (strict) or "actual == expected"
_COMPARED = re.compile(r"^(?P<actual>\S.*?) (?:!==|==) (?P<expected>\S.*)$")


def node_message(text: str) -> str:
    """node's assertion message as one readable line.

    ``"UserId=0\\n\\n50001 !== 50002\\n"`` -> ``"UserId=0: got 50001, expected 50002"``.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    compared = _COMPARED.match(lines[-1]) if len(lines) > 1 else None
    if compared:  # the line node adds under the test's own message
        lines[-1] = f"got {compared['actual']}, expected {compared['expected']}"
    return ": ".join([*(line.rstrip(":") for line in lines[:-1]), *lines[-1:]])


def parse_node(report: dict[str, Any], plan: Plan) -> Parsed:
    files = report.get("files") or {}
    cases: list[TestCase] = []
    any_signed = False
    test_steps = [(i, s) for i, s in enumerate(plan.steps) if s.get("phase") == "test"]
    for (index, step), name in zip(test_steps, plan.result_files, strict=True):
        signed, _ = parse_signed(files.get(name), step_secret(report, index))
        signed = [c.model_copy(update={"message": node_message(c.message)}) for c in signed]
        any_signed = any_signed or bool(signed)
        expected = [n for n in step["expected"] if n != ALL_NAMES]
        if ALL_NAMES in step["expected"]:
            expected += [c.name for c in signed if c.name not in expected]
        cases += reconcile(signed, expected)
    if not any_signed:
        return Parsed(cases, found_results=False)
    return Parsed(cases)


class JavaScriptRunner(LanguageRunner):
    language = "javascript"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        files[self.solution_name(job)] = to_commonjs(job.code) + export_footer(job.entry_point)
        files.setdefault("package.json", '{"type": "commonjs"}\n')
        steps, reports = node_steps(
            {Path(p).name: files[Path(p).name] for p in job.test_files}, job.memory_mb
        )
        return Plan(files=files, steps=steps, result_files=reports, nproc=128)

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        return parse_node(report, plan)


class TypeScriptRunner(JavaScriptRunner):
    """Types stripped by the ``typescript`` package inside the sandbox, then as JavaScript."""

    language = "typescript"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        solution = self.solution_name(job)
        files[solution] = job.code + export_footer(job.entry_point)
        files.setdefault("package.json", '{"type": "commonjs"}\n')
        sources = [name for name in files if name.endswith(".ts") and not name.endswith(".d.ts")]
        transpile = {
            "kind": "exec",
            "phase": "compile",
            "as_mb": NODE_AS_MB,
            "argv": [
                NODE,
                f"{_ASSETS_INSIDE}/ts-transpile.js",
                f"{NODE_INSIDE}/node_modules/typescript",
                *(["--check", solution] if job.typecheck else []),
                *sources,
            ],
            "env": env(NO_COLOR="1"),
        }
        steps, reports = node_steps(
            {re.sub(r"\.ts$", ".js", Path(p).name): files[Path(p).name] for p in job.test_files},
            job.memory_mb,
        )
        return Plan(files=files, steps=[transpile, *steps], result_files=reports, nproc=128)


_ASSETS_INSIDE = "/opt/grader/sandbox/assets"
