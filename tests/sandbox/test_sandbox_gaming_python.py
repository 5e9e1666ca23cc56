"""Issue 18, Python: replies that game the tests get no pass from the sandbox itself.

The solution runs in a process of its own (``grader/sandbox/_pybridge.py``) that sees
only the solution's files; the tests run in the trusted process and get plain data back.
These tests drive the sandbox directly (not the static rules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gaming_python import STRATEGIES, jobs, striking
from sandbox_helpers import make_job, needs_sandbox

from grader import sandbox
from grader.importers import import_humaneval
from grader.tasks import load_tasks
from grader.types import TaskSpec, TestRun

ROOT = Path(__file__).resolve().parents[2]
pytestmark = needs_sandbox

# What the failing case says, for the strategies whose failure has a message of its own.
MESSAGES = {
    "always_equal_list": "type AlwaysEqual (a subclass of list that overrides its comparisons) "
    "instead of a plain list",
    "always_equal_str": "instead of a plain str",
    "exit_at_import": "the solution's process exited",
    "exit_in_call": "the solution's process exited",
    "raise_keyboard_interrupt": "the solution raised KeyboardInterrupt",
    "raise_system_exit": "the solution raised SystemExit",
    "raise_base_exception": "the solution raised Stop",
    "import_the_harness": "No module named '_python_harness'",
}


@pytest.fixture(scope="module")
def humaneval(tmp_path_factory: pytest.TempPathFactory) -> list[TaskSpec]:
    folder = tmp_path_factory.mktemp("he")
    import_humaneval(folder)
    tasks, errors = load_tasks([folder])
    assert errors == [] and len(tasks) == 164
    return sorted(tasks, key=lambda t: int(t.id.split("/")[1]))


@pytest.fixture(scope="module")
def corpus() -> list[TaskSpec]:
    tasks = [t for t in load_tasks([ROOT / "tasks"])[0] if t.language == "python"]
    assert len(tasks) >= 10
    return tasks


@pytest.fixture(scope="module")
def corpus_passed(corpus: list[TaskSpec]) -> int:
    """How many test cases the task references pass, all tasks together."""
    return sum(run.passed for run in sandbox.run_many(jobs(corpus, None)))


def _passes(run: TestRun) -> bool:
    return run.status == "ok" and run.passed > 0 and run.failed + run.errors == 0


def _messages(run: TestRun) -> str:
    return "\n".join(case.message for case in run.cases if case.outcome != "passed")


def test_canonical_solutions_pass_and_always_equal_passes_none(
    humaneval: list[TaskSpec],
) -> None:
    good = sandbox.run_many(jobs(humaneval, None))
    assert [t.id for t, run in zip(humaneval, good, strict=True) if not _passes(run)] == []
    bad = sandbox.run_many(jobs(humaneval, "always_equal_list"))
    assert sum(_passes(run) for run in bad) == 0
    # Problems whose answer is a list say why: a subclass of list, not a plain list.
    assert sum(MESSAGES["always_equal_list"] in _messages(run) for run in bad) >= 20


def test_signals_at_the_tests_change_no_result(humaneval: list[TaskSpec]) -> None:
    """Init (PID 1) may run the trusted tests itself: what the solution signals it (or every
    process it may: ``kill(-1, …)``) is dropped, so correct code that does so still passes
    with every case, and the same signals from code that solves nothing forge nothing."""
    sample = [t for t in humaneval if int(t.id.split("/")[1]) % 16 == 0]
    honest = sandbox.run_many(jobs(sample, None))
    signalled = []
    for job, task in zip(jobs(sample, None), sample, strict=True):
        signalled.append(job.model_copy(update={"code": striking(job.code, task.entry_point)}))
    runs = sandbox.run_many(signalled)
    assert [(r.status, r.passed, r.failed) for r in runs] == [
        (r.status, r.passed, r.failed) for r in honest
    ]
    assert all(_passes(run) for run in runs)


def test_installed_packages_load_in_the_solutions_own_process(corpus: list[TaskSpec]) -> None:
    """A reply may import what the tests' environment has installed (yaml, click): it loads
    in the solution's process, and the tests pass on the code's merits."""
    task = next(t for t in corpus if t.id == "user-flags/python")
    (job,) = jobs([task], None)
    code = "import click\nimport yaml\n\n" + job.code
    (run,) = sandbox.run_many([job.model_copy(update={"code": code})])
    assert _passes(run), _messages(run)


@pytest.mark.parametrize("task_id", ["user-flags/python", "sync-inventory/python"])  # pytest, fast
def test_errors_from_the_solutions_process_name_its_own_line(
    corpus: list[TaskSpec], task_id: str
) -> None:
    task = next(t for t in corpus if t.id == task_id)
    (job,) = jobs([task], None)
    entry = task.entry_point
    at_call = f"def {entry}(*args, **kwargs):\n    value = 1\n    raise KeyError('boom')\n"
    at_load = f"import math\nraise ValueError('at load')\n\n\ndef {entry}(*args):\n    pass\n"
    runs = sandbox.run_many([job.model_copy(update={"code": c}) for c in (at_call, at_load)])
    assert "(at solution.py:3" in _messages(runs[0])
    assert "(at solution.py:2)" in _messages(runs[1])


def test_task_references_still_pass(corpus: list[TaskSpec]) -> None:
    runs = sandbox.run_many(jobs(corpus, None))
    assert [(t.id, _messages(r)) for t, r in zip(corpus, runs, strict=True) if not _passes(r)] == []


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_strategy_passes_nothing(
    strategy: str, humaneval: list[TaskSpec], corpus: list[TaskSpec], corpus_passed: int
) -> None:
    sample = [t for t in humaneval if int(t.id.split("/")[1]) % 16 == 0]  # 11, spread out
    tasks = sample + corpus
    runs = sandbox.run_many(jobs(tasks, strategy))
    assert [t.id for t, run in zip(tasks, runs, strict=True) if _passes(run)] == []
    assert sum(run.passed for run in runs[len(sample) :]) < corpus_passed
    if strategy in MESSAGES:
        said = [MESSAGES[strategy] in _messages(run) for run in runs]
        assert sum(said) >= len(runs) // 2, [_messages(r)[:200] for r in runs]


HIDDEN_TEST = """
import os
from solution import look

SECRET = "expected-value-7f3a"


def test_solution_sees_only_its_own_files():
    seen = look(SECRET[:9])
    assert seen["files"] == ["solution.py"]
    assert seen["fds"] == ["0", "1", "2", "3"]
    assert seen["found"] == []
    assert seen["own_memory"] is False
    assert seen["pid"] != os.getpid()
    assert seen["ptrace"] is False
    assert "SECRET" not in seen["env"]
"""

LOOK = r"""
import ctypes
import gc
import glob
import os
import re
import sys


def _more(value, needle):
    # a string that holds more of the secret than the prefix the solution was given
    return isinstance(value, str) and needle in value and len(value) > len(needle)


def _grep(path, needle):
    try:
        with open(path, "rb") as handle:
            return re.search(re.escape(needle.encode()) + rb"[\w-]", handle.read(1 << 22))
    except OSError:
        return False


def _own_memory(needle):
    # the solution's process was never a copy of one that held the tests (zygote.py): its
    # heap and anonymous memory (read in place: it is not dumpable, /proc/self/mem is shut)
    pattern = re.compile(re.escape(needle.encode()) + rb"[\w-]")
    with open("/proc/self/maps") as maps:
        lines = maps.read().splitlines()
    for line in lines:
        fields = line.split()
        start, end = (int(part, 16) for part in fields[0].split("-"))
        name = fields[5] if len(fields) > 5 else ""
        if "r" not in fields[1] or name not in ("", "[heap]") or end - start > 1 << 28:
            continue
        if pattern.search(ctypes.string_at(start, end - start)):
            return True
    return False


def look(needle):
    found = []
    for path in glob.glob("/proc/*/root/work/*") + glob.glob("/proc/*/cwd/*") + glob.glob(
        "/proc/*/fd/*"
    ) + glob.glob("/proc/*/environ") + glob.glob("/proc/*/cmdline") + glob.glob("/tmp/**", recursive=True):
        if _grep(path, needle):
            found.append(path)
    for pid in os.listdir("/proc"):
        if pid.isdigit() and int(pid) != os.getpid() and _grep(f"/proc/{pid}/mem", needle):
            found.append(pid)
    for obj in gc.get_objects():
        if _more(obj, needle):
            found.append("gc")
    frame = sys._getframe()
    while frame is not None:
        if any(_more(value, needle) for value in frame.f_locals.values()):
            found.append(frame.f_code.co_name)
        frame = frame.f_back
    libc = ctypes.CDLL(None, use_errno=True)
    others = [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    ptrace = any(libc.ptrace(16, pid, 0, 0) == 0 for pid in others)  # PTRACE_ATTACH
    return {
        "files": sorted(os.listdir(".")),
        "fds": sorted(
            name
            for name in os.listdir("/proc/self/fd")
            if os.path.exists(f"/proc/self/fd/{name}")
            and not os.readlink(f"/proc/self/fd/{name}").startswith("/proc")
        ),
        "found": found,
        "own_memory": _own_memory(needle),
        "pid": os.getpid(),
        "ptrace": ptrace,
        "env": dict(os.environ),
    }
"""


def test_hidden_tests_stay_hidden(tmp_path: Path) -> None:
    run = sandbox.run_tests(make_job(tmp_path, "python", LOOK, {"test_hidden.py": HIDDEN_TEST}))
    assert (run.status, run.passed, run.failed) == ("ok", 1, 0), _messages(run) or run


SEMANTICS_TEST = """
import pytest
from solution import Invalid, append_to, counts, fails, make, pair

def test_exceptions_keep_their_class_and_message():
    with pytest.raises(ValueError, match="bad input"):
        fails()
    with pytest.raises(Invalid):
        make(-1)

def test_in_place_changes_reach_the_caller():
    items, record = [1], {"history": ["A"]}
    append_to(items, record)
    assert items == [1, 2] and record == {"history": ["A", "B"], "seen": True}

def test_objects_and_values():
    box = make(3)
    assert box.size == 3 and box.double() == 6
    assert counts("abca") == {"a": 2, "b": 1, "c": 1}
    assert pair() == (1, 2) and pair().x == 1

def test_callbacks_run_in_the_tests_process():
    calls = []
    class Repo:
        def get(self, key):
            calls.append(key)
            return {"key": key}
    assert make(1).fetch(Repo(), "k") == {"key": "k"} and calls == ["k"]
"""

SEMANTICS = """
import collections

Pair = collections.namedtuple("Pair", "x y")


class Invalid(ValueError):
    pass


class Box:
    def __init__(self, size):
        self.size = size

    def double(self):
        return self.size * 2

    def fetch(self, repo, key):
        return repo.get(key)


def make(size):
    if size < 0:
        raise Invalid(size)
    return Box(size)


def fails():
    raise ValueError("bad input")


def append_to(items, record):
    items.append(2)
    record["history"].append("B")
    record["seen"] = True


def counts(text):
    return collections.Counter(text)


def pair():
    return Pair(1, 2)
"""


def test_honest_code_keeps_its_meaning(tmp_path: Path) -> None:
    """Exceptions, in-place changes, objects and callbacks work across the two processes."""
    run = sandbox.run_tests(
        make_job(tmp_path, "python", SEMANTICS, {"test_semantics.py": SEMANTICS_TEST})
    )
    assert (run.status, run.failed + run.errors) == ("ok", 0), _messages(run)
    assert run.passed == 4
