"""JavaScript and TypeScript: ``node --test`` with node's JUnit reporter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from grader.sandbox.runners.base import PRIVATE, TOKEN, LanguageRunner, Parsed, Plan, env
from grader.sandbox.runners.cache import NODE_INSIDE
from grader.sandbox.runners.results import parse_junit
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


def node_steps(tests: list[str], memory_mb: int) -> tuple[list[dict[str, Any]], list[str]]:
    """One ``node FILE`` per test file (not ``node --test``, whose per-file subprocess turns
    a file that exits early into a passing test): ``node:test`` runs in that process and
    its JUnit reporter writes only when the file's tests have all reported."""
    steps, reports = [], []
    for index, test in enumerate(tests):
        report = f"{PRIVATE}/junit-{index}-{TOKEN}.xml"
        argv = [
            NODE,
            "--test-reporter=junit",
            f"--test-reporter-destination={report}",
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
                "env": env(NODE_OPTIONS=f"--max-old-space-size={memory_mb}", NO_COLOR="1"),
            }
        )
        reports.append(report)
    return steps, reports


def parse_node(report: dict[str, Any], plan: Plan) -> Parsed:
    files = report.get("files") or {}
    tests = [step["file"] for step in plan.steps if step.get("phase") == "test"]
    cases: list[TestCase] = []
    missing = 0
    for test, name in zip(tests, plan.result_files, strict=True):
        found = parse_junit(files.get(name))
        if found is None:
            missing += 1
            cases.append(
                TestCase(
                    name=f"{test}::run",
                    outcome="error",
                    message="the test file ended before reporting any result "
                    "(the code may have called process.exit or crashed)",
                )
            )
        else:
            cases += found
    if missing == len(tests):
        return Parsed([], found_results=False)
    return Parsed(cases)


class JavaScriptRunner(LanguageRunner):
    language = "javascript"
    default_solution = "solution.js"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        files[self.solution_name(job)] = to_commonjs(job.code) + export_footer(job.entry_point)
        files.setdefault("package.json", '{"type": "commonjs"}\n')
        steps, reports = node_steps([Path(p).name for p in job.test_files], job.memory_mb)
        return Plan(files=files, steps=steps, result_files=reports, nproc=128)

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        return parse_node(report, plan)


class TypeScriptRunner(JavaScriptRunner):
    """Types stripped by the ``typescript`` package inside the sandbox, then as JavaScript."""

    language = "typescript"
    default_solution = "solution.ts"

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
                *sources,
            ],
            "env": env(NO_COLOR="1"),
        }
        steps, reports = node_steps(
            [re.sub(r"\.ts$", ".js", Path(p).name) for p in job.test_files], job.memory_mb
        )
        return Plan(files=files, steps=[transpile, *steps], result_files=reports, nproc=128)


_ASSETS_INSIDE = "/opt/grader/sandbox/assets"
