"""The Python test runner, preloaded by the zygote and called in each sample's payload.

Standard library plus pytest only; it must not import ``grader``. Two modes, same JSON
result (``{"cases": [...], "compile_error": ...}``) written to a file only init knows:

- ``fast``: for test files that are plain ``def test_*():`` functions (the host checks
  this on the test files' syntax tree). Each file is compiled with pytest's own assertion
  rewriting and its tests are called in order: no plugin start-up, a few ms a sample.
- ``pytest``: everything else (fixtures, parametrize, classes, conftest.py) runs through
  ``pytest.main`` with a hook that records each report.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import json
import marshal
import os
import re
import sys
import time
import traceback
import types

import _pybridge

MAX_MESSAGE = 2000
# Bound when the zygote preloads this module, before any sample: a sample that patches
# json.dumps or os.open does not change how its results are written.
_dumps = json.dumps
_os_open, _os_write, _os_close = os.open, os.write, os.close


def _message(error: BaseException, where: list[str] | None = None) -> str:
    """The error in one line (and its notes), then where it was raised: the solution's own
    line first when it came from the solution's process, then ``where``."""
    text = str(error).strip()
    lines = [f"{type(error).__name__}: {text}" if text else type(error).__name__]
    own = _solution_line(error)
    lines += [str(n) for n in getattr(error, "__notes__", []) or [] if str(n) != f"(at {own})"]
    places = [p for p in [own, *(where or [])] if p]
    if places:
        lines[0] += f" (at {'; '.join(places)})"
    return "\n".join(lines)[:MAX_MESSAGE]


_READING = (KeyError, IndexError, TypeError, AttributeError)
_PLAIN = (dict, list, tuple, str, int, float, bool, type(None))
MAX_ANSWER = 200


def _plain(value: object, budget: list[int]) -> bool:
    """Builtin data all the way down (what the bridge copies back), and small: safe and quick
    to ``repr`` here. ``budget``: how many more values may be looked at."""
    budget[0] -= 1
    if type(value) not in _PLAIN or budget[0] < 0:
        return False
    if isinstance(value, dict):
        return all(_plain(k, budget) and _plain(v, budget) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_plain(v, budget) for v in value)
    return not isinstance(value, str) or len(value) <= 10 * MAX_ANSWER


def _read_answer(error: BaseException, test_file: str) -> str | None:
    """What the test was reading when it raised ``error`` in its own file (``result["total"]``
    on an answer with no "total"): that local's value, when it is plain data, as
    ``(answer: {...})``."""
    if not isinstance(error, _READING):
        return None
    tb, frame = error.__traceback__, None
    while tb is not None:
        if os.path.basename(tb.tb_frame.f_code.co_filename) == os.path.basename(test_file):
            frame = tb
        tb = tb.tb_next
    if frame is None or frame.tb_next is not None:  # raised deeper, not by the test's line
        return None
    source = _source_line(frame.tb_frame.f_code.co_filename, frame.tb_lineno)
    for name, value in frame.tb_frame.f_locals.items():
        if re.search(rf"(?<![\w.]){re.escape(name)}\s*[\[.]", source) and _plain(value, [200]):
            try:
                shown = repr(value)
            except ValueError:  # an int too long to print
                return None
            shown = shown if len(shown) <= MAX_ANSWER else shown[: MAX_ANSWER - 1] + "…"
            return f"(answer: {shown})"
    return None


def _solution_line(error: BaseException | None) -> str | None:
    """Where in the solution's files an error from its process was raised (``_pybridge``); or,
    for an error the bridge itself raised here serving the code (an attribute the tests'
    object lacks: ``with conn.cursor()`` on sqlite3's cursor), the solution's line it came
    through. An error the tests' own code raised (a stand-in failing on purpose) has none."""
    where = getattr(error, "_bridge_where", None)
    if isinstance(where, str):
        return where
    passed = _passed_through(error)
    return passed if passed and _innermost_file(error) == "_pybridge.py" else None


def _passed_through(error: BaseException | None) -> str | None:
    """The solution's line an error of the tests' own process came back through."""
    passed = getattr(error, "_bridge_passed", None)
    return passed if isinstance(passed, str) else None


def _innermost_file(error: BaseException | None) -> str:
    tb = getattr(error, "__traceback__", None)
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return os.path.basename(tb.tb_frame.f_code.co_filename) if tb is not None else ""


def _compile_solution(work: str, solution: str) -> str | None:
    path = os.path.join(work, solution)
    try:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        compile(source, solution, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, UnicodeDecodeError) as error:
        return _message(error)
    except (RecursionError, MemoryError) as error:
        return f"{type(error).__name__}: the code is too deeply nested to compile"
    return None


def _outcome_of(error: BaseException) -> str:
    try:
        from _pytest.outcomes import Skipped
    except ImportError:  # pragma: no cover - pytest is always there
        return "failed"
    return "skipped" if isinstance(error, Skipped) else "failed"


def compile_test(source: str, filename: str) -> str:
    """A test file with pytest's assertion rewriting, compiled and marshalled (base64).

    The zygote calls this before forking, for test files the host has no compiled form of
    yet: the rewriting then runs in every worker at once instead of on the host."""
    return base64.b64encode(marshal.dumps(_rewritten(source.encode("utf-8"), filename))).decode(
        "ascii"
    )


def _rewritten(source: bytes, filename: str) -> types.CodeType:
    from _pytest.assertion.rewrite import rewrite_asserts

    tree = ast.parse(source, filename=filename)
    rewrite_asserts(tree, source, filename)
    return compile(tree, filename, "exec", dont_inherit=True)


def _load_code(path: str, compiled: str | None) -> types.CodeType:
    if compiled:  # rewritten and compiled once per test file, by the host or the zygote
        return marshal.loads(base64.b64decode(compiled))
    with open(path, "rb") as handle:
        return _rewritten(handle.read(), path)


def _run_fast(work: str, tests: list[str], compiled: dict[str, str]) -> list[dict]:
    cases: list[dict] = []
    for rel in tests:
        path = os.path.join(work, rel)
        stem = os.path.splitext(os.path.basename(rel))[0]
        started = time.perf_counter()
        try:
            code = _load_code(path, compiled.get(rel))
            module = types.ModuleType(stem)
            module.__file__ = path
            sys.modules[stem] = module
            exec(code, module.__dict__)
        except BaseException as error:  # the solution's import-time code runs here
            cases.append(
                {
                    "name": f"{rel}::collect",
                    "outcome": "error",
                    "message": _message(error),
                    "duration_s": round(time.perf_counter() - started, 6),
                    "file": rel,
                }
            )
            continue
        for name, obj in list(module.__dict__.items()):
            if not (name.startswith("test") and isinstance(obj, types.FunctionType)):
                continue
            if obj.__module__ != stem:
                continue
            started = time.perf_counter()
            outcome, message = "passed", ""
            try:
                obj()
            except BaseException as error:
                outcome, message = _outcome_of(error), _message(error)
                plain = isinstance(error, (AssertionError, *_pybridge.OWN_ERRORS))
                if outcome == "failed" and not plain:
                    frames = traceback.extract_tb(error.__traceback__)[-3:]
                    places = [f"{os.path.basename(f.filename)}:{f.lineno}" for f in frames]
                    message = _message(error, places)
                read = _read_answer(error, path) if outcome == "failed" else None
                message = f"{message}\n{read}" if read else message
            cases.append(
                {
                    "name": name,
                    "outcome": outcome,
                    "message": message,
                    "file": rel,
                    "duration_s": round(time.perf_counter() - started, 6),
                }
            )
    return cases


class _Recorder:
    """A pytest plugin that keeps one entry per test (and per collection error)."""

    def __init__(self) -> None:
        self.cases: list[dict] = []
        self.raised_at: dict[tuple[str, str], str] = {}  # (test, phase) -> solution.py:12
        # tests whose error the tests' own code raised (a stand-in failing on purpose) and the
        # solution let through: said as made by the test, not as the test's own error
        self.let_through: set[tuple[str, str]] = set()
        self.answers: dict[str, str] = {}  # test -> "(answer: ...)" the test could not read

    def pytest_runtest_makereport(self, item, call) -> None:  # type: ignore[no-untyped-def]
        error = call.excinfo.value if call.excinfo else None
        where = _solution_line(error)
        if where:
            self.raised_at[(item.nodeid, call.when)] = where
        elif _passed_through(error):
            self.let_through.add((item.nodeid, call.when))
        if error is not None and call.when == "call":
            read = _read_answer(error, str(item.path))
            if read:
                self.answers[item.nodeid] = read

    def pytest_collectreport(self, report) -> None:  # type: ignore[no-untyped-def]
        if report.failed:
            self.cases.append(
                {
                    "name": f"{report.nodeid or 'session'}::collect",
                    "outcome": "error",
                    "message": _longrepr(report),
                    "duration_s": 0.0,
                }
            )

    def _message(self, report) -> str:  # type: ignore[no-untyped-def]
        message = _longrepr(
            report, self.raised_at, (report.nodeid, report.when) in self.let_through
        )
        read = self.answers.get(report.nodeid) if report.when == "call" else None
        return f"{message}\n{read}"[:MAX_MESSAGE] if read else message

    def pytest_runtest_logreport(self, report) -> None:  # type: ignore[no-untyped-def]
        name = report.nodeid.split("::")[-1]
        if report.when == "call" or (report.when == "setup" and not report.passed):
            if report.passed:
                outcome = "passed"
            elif report.skipped:
                outcome = "skipped"
            else:
                outcome = "failed" if report.when == "call" else "error"
            self.cases.append(
                {
                    "name": name,
                    "outcome": outcome,
                    "file": report.nodeid.split("::")[0],
                    "message": "" if report.passed else self._message(report),
                    "duration_s": round(report.duration, 6),
                }
            )
        elif report.when == "teardown" and report.failed:
            self.cases.append(
                {
                    "name": f"{name}::teardown",
                    "outcome": "error",
                    "message": _longrepr(report),
                    "duration_s": round(report.duration, 6),
                }
            )


def _source_line(path: str, line: int | None) -> str:
    """Line ``line`` (1-based) of the test file at ``path``, stripped; "" when unreadable."""
    try:
        with open(path, encoding="utf-8") as source:
            lines = source.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    return lines[line - 1].strip() if line and 0 < line <= len(lines) else ""


def _longrepr(report, raised_at: dict | None = None, let_through: bool = False) -> str:  # type: ignore[no-untyped-def]
    crash = getattr(getattr(report, "longrepr", None), "reprcrash", None)
    if crash is not None and getattr(crash, "message", None):
        message = str(crash.message)
        where = os.path.basename(str(getattr(crash, "path", "") or ""))
        line = getattr(crash, "lineno", None)
        own = (raised_at or {}).get((report.nodeid, report.when))
        # an error (not a failed assertion): say where it was raised, in the code or the tests
        # not the bridge's own frames: an error it re-raises is the code's, placed by the host
        failed_check = message.startswith(("assert", "AssertionError"))
        if own and not failed_check:  # raised in the solution's process, at its own line
            message = f"{message}\n(at {own})"
        elif let_through and where and line and not failed_check:
            message = f"{message}\n(made by the test at {where}:{line})"
        elif where and not where.startswith("_") and line and not failed_check:
            message = f"{message}\n(at {where}:{line})"
        checked = _source_line(str(getattr(crash, "path", "") or ""), line) if failed_check else ""
        if checked.startswith("assert "):  # what the test compared: `result["total"] == n`
            message = f"{message}\n(checked: {checked[:200]})"
        return message[:MAX_MESSAGE]
    return (getattr(report, "longreprtext", "") or "")[-MAX_MESSAGE:]


def _run_pytest(work: str, tests: list[str]) -> list[dict]:
    import pytest

    recorder = _Recorder()
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    args = [
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:stepwise",
        "-p",
        "no:faulthandler",  # no signal handlers in init, which may run these tests (zygote)
        "--rootdir",
        work,
        "-o",
        "python_files=*.py",
        *tests,
    ]
    pytest.main(args, plugins=[recorder])
    return recorder.cases


class _FailedImport:
    """A meta-path finder that makes ``import solution`` raise what loading it raised in the
    solution's process (the tests then report it as they would in one process)."""

    def __init__(self, name: str, error: BaseException) -> None:
        self.name, self.error = name, error

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == self.name:
            raise self.error.with_traceback(None)


def _link_solution(work: str, solution: str) -> None:
    """Put the solution's proxy (``_pybridge``) where the tests import it from.

    The solution's source then leaves this process's work dir: no finder here (pytest's
    assertion rewriter, which runs ahead of ``_FailedImport`` and takes every ``*.py``) may
    load it in the trusted process, where an import that failed in the solution's own
    process (``import _pytest``) would succeed and let it patch the tests' runner."""
    module = os.path.splitext(solution)[0]
    bridge = _pybridge.Bridge(3, trusted=True)
    try:
        sys.modules[module] = _pybridge.proxy_module(bridge, module)
    except BaseException as error:  # the solution's own import failed
        sys.modules.pop(module, None)
        where = _solution_line(error)
        if where:  # pytest's report of the failed import then says where
            with contextlib.suppress(Exception):
                error.add_note(f"(at {where})")
        sys.meta_path.insert(0, _FailedImport(module, error))
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(work, solution))


def run(args: dict, work: str, results_path: str) -> int:
    """Run one sample's tests; write the JSON result; return the exit code to use."""
    sys.path.insert(0, work)
    sys.argv = ["pytest"]
    result: dict = {"token": args.get("token"), "cases": [], "compile_error": None}
    result["compile_error"] = _compile_solution(work, args["solution"])
    if result["compile_error"] is None:
        if args.get("split"):
            _link_solution(work, args["solution"])
        if args.get("mode") == "fast":
            result["cases"] = _run_fast(work, args["tests"], args.get("compiled") or {})
        else:
            result["cases"] = _run_pytest(work, args["tests"])
    sys.stdout.flush()
    sys.stderr.flush()
    data = _dumps(result).encode("utf-8")
    fd = _os_open(results_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[_os_write(fd, view) :]
    finally:
        _os_close(fd)
    return 0
