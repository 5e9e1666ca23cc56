"""Python: pytest files, run in the zygote's preloaded interpreter (no start-up per sample)."""

from __future__ import annotations

import ast
import base64
import functools
import marshal
import secrets
from pathlib import Path
from typing import Any

from grader.sandbox.runners.base import Parsed, Plan, Runner, env
from grader.sandbox.runners.results import parse_json_cases
from grader.types import TestJob

_PYTEST_ONLY = {"fixture", "mark", "parametrize", "usefixtures", "pytestmark", "yield_fixture"}
_SETUP_NAMES = {"setup_module", "teardown_module", "setup_function", "teardown_function",
                "setup", "teardown", "conftest"}


def fast_path_ok(source: str) -> bool:
    """True when a test file is only plain ``def test_*():`` functions (hypothesis allowed)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in _PYTEST_ONLY:
            return False
        if isinstance(node, ast.Name) and node.id in _PYTEST_ONLY:
            return False
        if isinstance(node, ast.alias) and node.name in _PYTEST_ONLY:
            return False
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            return False
        if isinstance(node, ast.AsyncFunctionDef):
            return False
        if isinstance(node, ast.FunctionDef):
            if node.name in _SETUP_NAMES or node.name.startswith("pytest_"):
                return False
            decorated_given = any("given" in ast.unparse(d) for d in node.decorator_list)
            has_args = bool(node.args.args or node.args.posonlyargs or node.args.kwonlyargs)
            if node.name.startswith("test") and has_args and not decorated_given:
                return False
            if any(isinstance(inner, (ast.Yield, ast.YieldFrom)) for inner in ast.walk(node)):
                return False  # pytest reports yield tests as errors; let it
    return True


@functools.lru_cache(maxsize=512)
def compiled_test(source: str, filename: str) -> str:
    """The test file with pytest's assertion rewriting, compiled once on the host and
    marshalled (same interpreter inside), so a sample does not pay for it."""
    from _pytest.assertion.rewrite import rewrite_asserts

    tree = ast.parse(source, filename=filename)
    rewrite_asserts(tree, source.encode("utf-8"), filename)
    code = compile(tree, filename, "exec", dont_inherit=True)
    return base64.b64encode(marshal.dumps(code)).decode("ascii")


class PythonRunner(Runner):
    language = "python"
    default_solution = "solution.py"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        solution = self.solution_name(job)
        files[solution] = job.code
        tests = [Path(p).name for p in job.test_files]
        fast = "conftest.py" not in files and all(fast_path_ok(files[name]) for name in tests)
        token = secrets.token_hex(8)
        compiled = {}
        if fast:
            try:
                compiled = {name: compiled_test(files[name], f"/work/{name}") for name in tests}
            except (SyntaxError, ValueError):
                compiled = {}
        step: dict[str, Any] = {
            "kind": "python",
            "phase": "test",
            "args": {"mode": "fast" if fast else "pytest", "tests": tests, "solution": solution, "token": token,
                     "compiled": compiled},
            "env": env(PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0"),
            "as_mb": job.memory_mb,
        }
        preload = ["hypothesis"] if any("hypothesis" in text for text in files.values()) else []
        return Plan(files=files, steps=[step], nproc=64, preload=preload)

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        found = parse_json_cases(report.get("results"))
        if found is None:
            return Parsed([], found_results=False)
        cases, data = found
        if data.get("token") != plan.steps[0]["args"]["token"]:
            return Parsed([], found_results=False)  # a results file the sample forged
        error = data.get("compile_error")
        return Parsed(cases, compile_error=str(error) if error else None)
