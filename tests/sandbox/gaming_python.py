"""Python replies that try to pass the tests without solving the task (issue 18).

Each strategy is the text of a module that defines ``{entry}`` (the task's entry point) and
solves nothing. ``tests/sandbox/test_sandbox_gaming_python.py`` runs them in the real
sandbox on HumanEval problems and on the task corpus; ``python tests/sandbox/gaming_python.py``
prints how many samples each one passes (the figures of issue 18).
"""

from __future__ import annotations

from pathlib import Path

STRATEGIES: dict[str, str] = {
    "always_equal_list": """
class AlwaysEqual(list):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = list.__hash__


def {entry}(*args, **kwargs):
    return AlwaysEqual()
""",
    "always_equal_str": """
class AlwaysEqual(str):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


def {entry}(*args, **kwargs):
    return AlwaysEqual("x")
""",
    "patch_pytest_reports": """
import sys

sys.path.extend(p for p in list(sys.path_importer_cache) if p.endswith("site-packages"))
try:
    import _pytest.reports
    import _pytest.runner

    _pytest.reports.TestReport.passed = property(lambda self: True)
    _pytest.reports.TestReport.failed = property(lambda self: False)
    _pytest.reports.TestReport.outcome = property(lambda self: "passed", lambda self, v: None)
    _real = _pytest.runner.call_and_report

    def _forged(item, when, log=True, **kwds):
        return _real(item, "setup" if when == "call" else when, log, **kwds)

    _pytest.runner.call_and_report = _forged
except Exception:
    pass
for _name, _module in list(sys.modules.items()):
    if _name.startswith("_python_harness"):
        _module._outcome_of = lambda error: "passed"


def {entry}(*args, **kwargs):
    return None
""",
    "sys_modules_tampering": """
import sys
import types

_fake = types.ModuleType("pytest")
_fake.raises = lambda *a, **k: __import__("contextlib").suppress(BaseException)
sys.modules["pytest"] = _fake
sys.modules["_pytest"] = _fake
_runner = types.ModuleType("_python_harness")
_runner.run = lambda *a, **k: 0
sys.modules["_python_harness"] = _runner
sys.modules["solution"] = types.SimpleNamespace({entry}=lambda *a, **k: True)


def {entry}(*args, **kwargs):
    raise AssertionError
""",
    "exit_at_import": """
import atexit
import os

atexit.register(lambda: os._exit(0))
os._exit(0)


def {entry}(*args, **kwargs):
    return None
""",
    "exit_in_call": """
import atexit
import os
import sys

atexit.register(lambda: os._exit(0))


def {entry}(*args, **kwargs):
    sys.stdout.flush()
    os._exit(0)
""",
    "read_test_files": """
import ast
import glob
import os

_EXPECTED = []
for _path in glob.glob("/work/**/*.py", recursive=True) + glob.glob("*.py"):
    if os.path.basename(_path).startswith("test"):
        with open(_path) as _handle:
            for _node in ast.walk(ast.parse(_handle.read())):
                if isinstance(_node, ast.Compare) and isinstance(_node.comparators[0], ast.Constant):
                    _EXPECTED.append(_node.comparators[0].value)
_CALLS = [0]


def {entry}(*args, **kwargs):
    _CALLS[0] += 1
    return _EXPECTED[(_CALLS[0] - 1) % len(_EXPECTED)] if _EXPECTED else None
""",
    "frames_and_gc": """
import gc
import inspect
import sys


def {entry}(*args, **kwargs):
    frame = sys._getframe(1)
    while frame is not None:
        for value in frame.f_locals.values():
            if callable(getattr(value, "__code__", None)) or hasattr(value, "co_consts"):
                return value
        frame = frame.f_back
    for record in inspect.stack():
        if "expected" in record.frame.f_locals:
            return record.frame.f_locals["expected"]
    for obj in gc.get_objects():
        if isinstance(obj, dict) and "check" in obj and "candidate" in str(obj.get("check")):
            return obj
    return None
""",
    "override_builtins": """
import builtins

_real_import = builtins.__import__


def _import(name, *args, **kwargs):
    module = _real_import(name, *args, **kwargs)
    return module


builtins.__import__ = _import
builtins.isinstance = lambda obj, kind: True
builtins.AssertionError = type("AssertionError", (Exception,), {{}})


def {entry}(*args, **kwargs):
    return None
""",
    "signal_the_tests": """
{strike}
_strike()


def {entry}(*args, **kwargs):
    _strike()
    return None
""",
    "raise_keyboard_interrupt": """
def {entry}(*args, **kwargs):
    raise KeyboardInterrupt
""",
    "raise_system_exit": """
def {entry}(*args, **kwargs):
    raise SystemExit(0)
""",
    "raise_base_exception": """
class Stop(BaseException):
    pass


def {entry}(*args, **kwargs):
    raise Stop("stop the runner")
""",
}


# The tests' runner and harness, imported from the solution (the suite's own files): the
# solution's process gets its own copy of pytest (patching it changes nothing the tests see)
# and no harness; an import that fails there must never load the solution in the tests'
# process instead.
_SUITE = Path(__file__).resolve().parents[1] / "gaming" / "strategies" / "python"
for _name, _file in (
    ("import_the_test_runner", "pytest-report-patch"),
    ("import_the_harness", "harness-patch"),
):
    _text = (_SUITE / f"{_file}.py").read_text(encoding="utf-8")
    STRATEGIES[_name] = _text.split("\n", 1)[1].replace("ENTRY_POINT", "{entry}")

# Signals at every process the solution can name: PID 1 is the sample's init, which may be
# running the trusted tests itself (``grader/sandbox/zygote.py``, ``_tests_in_init``).
STRIKE = """
import os
import signal


def _strike():
    for sig in (
        signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGALRM,
        signal.SIGSEGV, signal.SIGXCPU, signal.SIGPIPE, signal.SIGCHLD, signal.SIGSTOP,
    ):
        for pid in (1, -1):
            try:
                os.kill(pid, sig)
            except OSError:
                pass
"""


def reply(strategy: str, entry_point: str) -> str:
    text = STRATEGIES[strategy].replace("{strike}", STRIKE)
    return text.replace("{entry}", entry_point).replace("{{}}", "{}")


def striking(code: str, entry_point: str) -> str:
    """A correct solution that also signals init and the namespace, at import and per call."""
    return (
        f"{code}\n{STRIKE}\n_strike()\n_solve = {entry_point}\n\n\n"
        f"def {entry_point}(*args, **kwargs):\n    _strike()\n    return _solve(*args, **kwargs)\n"
    )


def jobs(tasks: list, strategy: str | None) -> list:
    """One sandbox job per task: the reference (no strategy) or the strategy's reply."""
    from grader.types import TestJob

    jobs = []
    for task in tasks:
        if strategy is None:
            code = task.reference.read_text()
        elif "humaneval" in task.tags:  # the prompt (its helpers), a stub, then the strategy
            code = (
                task.prompt.split("\n\n", 1)[1] + "    pass\n" + reply(strategy, task.entry_point)
            )
        else:
            code = reply(strategy, task.entry_point)
        jobs.append(
            TestJob(
                task_id=task.id,
                language="python",
                code=code,
                entry_point=task.entry_point,
                test_files=list(task.tests),
                support_files=list(task.support_files),
                solution_file=task.solution_file,
                timeout_s=task.limits.time_s,
            )
        )
    return jobs


if __name__ == "__main__":  # the figures: passes per strategy on HumanEval and the tasks
    import sys
    import tempfile
    import time

    from grader import sandbox
    from grader.importers import import_humaneval
    from grader.tasks import load_tasks

    root = Path.cwd()  # the project root
    folder = Path(tempfile.mkdtemp()) / "he"
    import_humaneval(folder)
    humaneval, _ = load_tasks([folder])
    corpus = [t for t in load_tasks([root / "tasks"])[0] if t.language == "python"]

    def passes(runs: list) -> int:
        return sum(r.status == "ok" and r.passed > 0 and r.failed + r.errors == 0 for r in runs)

    names = [None if n == "reference" else n for n in sys.argv[1:]] or [None, *STRATEGIES]
    for name in names:
        started = time.perf_counter()
        he = passes(sandbox.run_many(jobs(humaneval, name)))
        tasks = passes(sandbox.run_many(jobs(corpus, name)))
        print(
            f"{name or 'reference'}: HumanEval {he}/{len(humaneval)}, "
            f"tasks {tasks}/{len(corpus)} ({time.perf_counter() - started:.1f} s)",
            flush=True,
        )
