"""Python: pytest files, run in the zygote's preloaded interpreter (no start-up per sample)."""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import importlib.util
import secrets
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from grader._files import write_text_atomic
from grader.paths import cache_root
from grader.sandbox.policy import WORK
from grader.sandbox.runners.base import LanguageRunner, Parsed, Plan, env
from grader.sandbox.runners.results import parse_json_cases
from grader.types import TestJob

_PYTEST_ONLY = {"fixture", "mark", "parametrize", "usefixtures", "pytestmark", "yield_fixture"}
_SETUP_NAMES = {
    "setup_module",
    "teardown_module",
    "setup_function",
    "teardown_function",
    "setup",
    "teardown",
    "conftest",
}


@functools.lru_cache(maxsize=1024)
def fast_path_ok(source: str) -> bool:
    """True when a test file is only plain ``def test_*():`` functions (hypothesis allowed)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    return _plain_tests(tree)


def _plain_tests(tree: ast.Module) -> bool:
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


NEEDS_PYTEST = ""  # what the cache keeps for a test file that needs ``pytest.main``
_KNOWN: dict[tuple[str, str], str] = {}  # (file name, source) -> compiled form or NEEDS_PYTEST
_KNOWN_MAX = 4096


def test_code(source: str, filename: str) -> tuple[bool, str | None]:
    """``(fast, compiled)`` for a test file: whether the fast mode can run it
    (``fast_path_ok``) and, when known, the file with pytest's assertion rewriting, compiled
    and marshalled (same interpreter inside), so a sample does not pay for it.

    A fast file not compiled yet is compiled by the worker that runs it first (in every
    worker at once, not here) and comes back through ``remember_test_code``. Both answers
    are kept on disk like pytest's own rewritten ``.pyc`` files, keyed by the interpreter,
    pytest and the source, so a new ``grade`` process compiles nothing again."""
    key = (filename, source)
    text = _KNOWN.get(key)
    if text is None:
        path = _compiled_cache_path(source, filename)
        with contextlib.suppress(OSError):
            text = path.read_text(encoding="ascii") if path is not None else None
        if text is None:
            if fast_path_ok(source):
                return True, None
            text = NEEDS_PYTEST
            if path is not None:
                _write_atomic(path, text)
        _remember(key, text)
    return text != NEEDS_PYTEST, text or None


def remember_test_code(source: str, filename: str, compiled: str) -> None:
    """Keep a test file's compiled form (from a worker) for later jobs and runs."""
    if not compiled or _KNOWN.get((filename, source)) == compiled:
        return
    _remember((filename, source), compiled)
    path = _compiled_cache_path(source, filename)
    if path is not None:
        _write_atomic(path, compiled)


def _remember(key: tuple[str, str], text: str) -> None:
    if len(_KNOWN) >= _KNOWN_MAX:
        _KNOWN.clear()
    _KNOWN[key] = text


@functools.cache
def _rewrite_version() -> str | None:
    """What compiled test files depend on besides their source: interpreter and pytest."""
    try:
        pytest_version = metadata.version("pytest")
    except metadata.PackageNotFoundError:
        return None
    return f"{sys.implementation.cache_tag}\0{importlib.util.MAGIC_NUMBER.hex()}\0{pytest_version}"


def _compiled_cache_path(source: str, filename: str) -> Path | None:
    version = _rewrite_version()
    if version is None:
        return None
    key = hashlib.sha256(
        f"{version}\0{filename}\0{source}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    return cache_root() / "pytest-rewrite" / f"{key}.b64"


def _write_atomic(path: Path, text: str) -> None:
    """Write a cache entry in one step; a cache that can't be written only costs time."""
    with contextlib.suppress(OSError):
        write_text_atomic(path, text, durable=False)


class PythonRunner(LanguageRunner):
    language = "python"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        solution = self.solution_name(job)
        files[solution] = job.code
        tests = [Path(p).name for p in job.test_files]
        fast = "conftest.py" not in files
        compiled: dict[str, str] = {}
        to_compile: list[str] = []
        for name in tests if fast else []:
            file_fast, code = test_code(files[name], f"{WORK}/{name}")
            fast = fast and file_fast
            if code is not None:
                compiled[name] = code
            else:
                to_compile.append(name)
        if not fast:
            compiled, to_compile = {}, []
        token = secrets.token_hex(8)
        step: dict[str, Any] = {
            "kind": "python",
            "phase": "test",
            "args": {
                "mode": "fast" if fast else "pytest",
                "tests": tests,
                "solution": solution,
                "token": token,
                "compiled": compiled,
                "compile": to_compile,
                # The solution runs in a process of its own that sees only these files
                # (``_pybridge``); the tests, in this one, get plain data back from it.
                "split": True,
                "solution_files": [solution]
                + [
                    Path(p).name
                    for p in job.support_files
                    if Path(p).name != "conftest.py" and Path(p).name not in tests
                ],
            },
            "env": env(PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0"),
            "as_mb": job.memory_mb,
        }
        preload = [] if fast else ["pytest"]
        if any("hypothesis" in text for text in files.values()):
            preload.append("hypothesis")
        return Plan(files=files, steps=[step], nproc=64, preload=preload)

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        compiled = report.get("compiled")
        if isinstance(compiled, dict):  # test files the worker compiled for this job: keep them
            for name in plan.steps[0]["args"].get("compile", []):
                if isinstance(compiled.get(name), str):
                    remember_test_code(plan.files[name], f"{WORK}/{name}", compiled[name])
        found = parse_json_cases(report.get("results"))
        if found is None:
            return Parsed([], found_results=False)
        cases, data = found
        if data.get("token") != plan.steps[0]["args"]["token"]:
            return Parsed([], found_results=False)  # a results file the sample forged
        error = data.get("compile_error")
        return Parsed(cases, compile_error=str(error) if error else None)
