"""Each language runner: a passing and a failing solution, results per test case."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sandbox_helpers import make_job, needs_sandbox

from grader import sandbox
from grader.sandbox.runners.javascript import export_footer, to_commonjs
from grader.sandbox.runners.python import fast_path_ok
from grader.types import TestRun

pytestmark = needs_sandbox


def outcomes(run: TestRun) -> dict[str, str]:
    return {case.name: case.outcome for case in run.cases}


# --------------------------------------------------------------------------- python

PY_TESTS = """
from solution import add

def test_adds():
    assert add(2, 3) == 5

def test_adds_negative():
    assert add(-2, -3) == -5
"""


def test_python_pass_and_fail(tmp_path: Path) -> None:
    good = sandbox.run_tests(
        make_job(
            tmp_path,
            "python",
            "def add(a, b):\n    return a + b\n",
            {"test_add.py": PY_TESTS},
            entry_point="add",
        )
    )
    assert good.status == "ok" and outcomes(good) == {
        "test_adds": "passed",
        "test_adds_negative": "passed",
    }
    bad = sandbox.run_tests(
        make_job(
            tmp_path,
            "python",
            "def add(a, b):\n    return abs(a) + abs(b)\n",
            {"test_add.py": PY_TESTS},
            entry_point="add",
        )
    )
    assert outcomes(bad) == {"test_adds": "passed", "test_adds_negative": "failed"}
    message = next(c.message for c in bad.cases if c.outcome == "failed")
    assert "assert 5 == -5" in message  # pytest's assertion rewriting explains the failure


def test_hypothesis_meets_the_same_examples_every_run(tmp_path: Path) -> None:
    """Property tests are derandomized in the sandbox, so a bug that only some inputs show
    fails (or passes) the same way each time the same code is graded."""
    tests = """
from hypothesis import given, settings, strategies as st
from solution import twice

@settings(max_examples=5)
@given(st.integers())
def test_profile_is_derandomized(x):
    assert settings().derandomize and twice(x) == 2 * x
"""
    code = "def twice(x):\n    return 2 * x\n"
    job = make_job(
        tmp_path, "python", code, {"test_ex.py": tests}, entry_point="twice", timeout_s=30
    )
    run = sandbox.run_tests(job)
    assert run.status == "ok" and run.passed == 1 and run.failed == 0, run


def test_python_pytest_features_and_hypothesis(tmp_path: Path) -> None:
    tests = """
import pytest
from hypothesis import given, strategies as st
from solution import add

@pytest.fixture
def two():
    return 2

@pytest.mark.parametrize("a,b,total", [(1, 1, 2), (2, 2, 4)])
def test_table(a, b, total):
    assert add(a, b) == total

def test_fixture(two):
    assert add(two, two) == 4

@given(st.integers(), st.integers())
def test_commutes(a, b):
    assert add(a, b) == add(b, a)

class TestGroup:
    def test_zero(self):
        assert add(0, 0) == 0
"""
    assert not fast_path_ok(tests)
    run = sandbox.run_tests(
        make_job(
            tmp_path,
            "python",
            "def add(a, b):\n    return a + b\n",
            {"test_more.py": tests},
            entry_point="add",
            timeout_s=30,
        )
    )
    assert run.status == "ok", run
    assert outcomes(run) == {
        "test_table[1-1-2]": "passed",
        "test_table[2-2-4]": "passed",
        "test_fixture": "passed",
        "test_commutes": "passed",
        "test_zero": "passed",
    }


def test_python_fast_path_choice() -> None:
    assert fast_path_ok("from solution import f\ndef test_a():\n    assert f()\n")
    assert fast_path_ok(
        "from hypothesis import given, strategies as st\n@given(st.integers())\ndef test_a(x):\n    pass\n"
    )
    assert not fast_path_ok("def test_a(tmp_path):\n    pass\n")
    assert not fast_path_ok(
        "import pytest\n@pytest.mark.parametrize('x', [1])\ndef test_a(x):\n    pass\n"
    )


def test_python_skip_and_compile_error(tmp_path: Path) -> None:
    tests = (
        "import pytest\nfrom solution import add\n\ndef test_skipped():\n    pytest.skip('later')\n"
    )
    run = sandbox.run_tests(
        make_job(tmp_path, "python", "def add(a, b):\n    return a + b\n", {"test_s.py": tests})
    )
    assert outcomes(run) == {"test_skipped": "skipped"}
    broken = sandbox.run_tests(
        make_job(tmp_path, "python", "def add(a, b)\n    return a + b\n", {"test_add.py": PY_TESTS})
    )
    assert broken.status == "compile_error" and "SyntaxError" in broken.note and broken.passed == 0


def test_python_missing_entry_point_is_an_error_case(tmp_path: Path) -> None:
    run = sandbox.run_tests(
        make_job(
            tmp_path, "python", "def plus(a, b):\n    return a + b\n", {"test_add.py": PY_TESTS}
        )
    )
    assert run.passed == 0 and run.errors == 1
    assert "ImportError" in run.cases[0].message


def test_no_tests_collected(tmp_path: Path) -> None:
    run = sandbox.run_tests(make_job(tmp_path, "python", "x = 1\n", {"test_none.py": "X = 1\n"}))
    assert run.status == "no_tests" and run.note


# --------------------------------------------------------------------------- javascript / typescript

JS_TESTS = """
const test = require('node:test');
const assert = require('node:assert');
const { add } = require('./solution.js');

test('adds', () => { assert.strictEqual(add(2, 3), 5); });
test('adds negative', () => { assert.strictEqual(add(-2, -3), -5); });
"""


def needs_node(test: Callable[..., None]) -> Callable[..., None]:
    """Node on PATH; the TypeScript compiler lives in the shared cache (make setup)."""
    skip = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
    return pytest.mark.shared_cache(skip(test))


@needs_node
@pytest.mark.parametrize(
    "code",
    [
        "function add(a, b) { return a + b; }\nmodule.exports = { add };\n",
        "function add(a, b) { return a + b; }\n",  # forgot to export
        "export function add(a, b) { return a + b; }\n",  # ESM syntax
        "const add = (a, b) => a + b;\nexport default add;\n",
        "module.exports = function add(a, b) { return a + b; };\n",
    ],
)
def test_javascript_exports_normalised(tmp_path: Path, code: str) -> None:
    run = sandbox.run_tests(
        make_job(tmp_path, "javascript", code, {"add.test.js": JS_TESTS}, entry_point="add")
    )
    assert run.status == "ok", (run.note, run.output[-1500:])
    assert outcomes(run) == {"adds": "passed", "adds negative": "passed"}


@needs_node
def test_code_failing_at_load_names_its_error(tmp_path: Path) -> None:
    code = "const { find } = require('./repo');\nfunction add(a, b) { return a + b; }\n"
    run = sandbox.run_tests(
        make_job(tmp_path, "javascript", code, {"add.test.js": JS_TESTS}, entry_point="add")
    )
    assert run.status == "crash"
    assert run.note == "The code failed before any test ran: Error: Cannot find module './repo'"


@needs_node
def test_javascript_failing_case_has_a_message(tmp_path: Path) -> None:
    code = "function add(a, b) { return Math.abs(a) + Math.abs(b); }\n"
    run = sandbox.run_tests(
        make_job(tmp_path, "javascript", code, {"add.test.js": JS_TESTS}, entry_point="add")
    )
    assert outcomes(run) == {"adds": "passed", "adds negative": "failed"}
    assert "-5" in next(c.message for c in run.cases if c.outcome == "failed")


def test_commonjs_rewrite_is_plain() -> None:
    out = to_commonjs(
        "import fs from 'fs';\nimport { a as b } from './x';\nexport const k = 1;\nexport { k as K };\n"
    )
    assert "const fs = require('fs');" in out and "const { a: b } = require('./x');" in out
    assert "export" not in out.replace("module.exports", "")
    assert "module.exports" in export_footer("add") and "typeof add" in export_footer("add")


@needs_node
def test_typescript_types_are_stripped(tmp_path: Path) -> None:
    from grader.sandbox.runners.cache import node_dir

    if not (node_dir() / "node_modules" / "typescript").is_dir():
        pytest.skip("typescript is not set up (python -m grader.sandbox.setup)")
    good = "interface Pair { a: number; b: number }\nexport function add(a: number, b: number): number {\n  const p: Pair = { a, b };\n  return p.a + p.b;\n}\n"
    run = sandbox.run_tests(
        make_job(tmp_path, "typescript", good, {"add.test.js": JS_TESTS}, entry_point="add")
    )
    assert run.status == "ok" and outcomes(run) == {"adds": "passed", "adds negative": "passed"}, (
        run.output[-1500:]
    )
    bad = "function add(a: number, b: number): number { return a - b; }\n"
    run = sandbox.run_tests(
        make_job(tmp_path, "typescript", bad, {"add.test.js": JS_TESTS}, entry_point="add")
    )
    assert outcomes(run) == {"adds": "failed", "adds negative": "failed"}
    broken = sandbox.run_tests(
        make_job(
            tmp_path,
            "typescript",
            "function add(a: number { return a }\n",
            {"add.test.js": JS_TESTS},
            entry_point="add",
        )
    )
    assert broken.status == "compile_error" and broken.passed == 0


@needs_node
def test_typescript_typecheck_makes_type_errors_compile_errors_with_their_line(
    tmp_path: Path,
) -> None:
    from grader.sandbox.runners.cache import node_dir

    if not (node_dir() / "node_modules" / "typescript").is_dir():
        pytest.skip("typescript is not set up (python -m grader.sandbox.setup)")

    def run(code: str) -> TestRun:
        job = make_job(tmp_path, "typescript", code, {"add.test.js": JS_TESTS}, entry_point="add")
        return sandbox.run_tests(job.model_copy(update={"typecheck": True}))

    # strict, as a project's build: reading a property of `object` is a type error at line 3
    wrong = (
        "export function add(a: number, b: number): number {\n"
        "  const box: object = { a };\n"
        "  return (box.a as number) + b;\n"
        "}\n"
    )
    broken = run(wrong)
    assert broken.status == "compile_error", broken.output[-800:]
    assert "solution.ts:3:" in broken.note + broken.output and "does not exist on type" in (
        broken.note + broken.output
    )
    # what only @types/node would declare, and untyped parameters, are not type errors
    fine = (
        "const crypto = require('crypto');\n"
        "import { strict as assert } from 'assert';\n"
        "export function add(a, b: number): number {\n"
        "  console.log(typeof crypto, typeof assert, process.pid > 0);\n"
        "  return a + b;\n"
        "}\n"
    )
    ok = run(fine)
    assert ok.status == "ok" and outcomes(ok) == {"adds": "passed", "adds negative": "passed"}, (
        ok.note,
        ok.output[-800:],
    )


# --------------------------------------------------------------------------- java

JAVA_TEST = """
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

public class CalculatorTest {
    @Test
    void addsPositive() { assertEquals(5, Calculator.add(2, 3)); }

    @Test
    void addsNegative() { assertEquals(-5, Calculator.add(-2, -3)); }
}
"""

needs_java = pytest.mark.skipif(
    shutil.which("javac") is None
    or not Path("/usr/share/java/junit-platform-console-standalone.jar").exists(),
    reason="javac or junit5 is not installed",
)


@needs_java
@pytest.mark.slow
def test_java_pass_fail_and_compile_error(tmp_path: Path) -> None:
    good = "public class Calculator {\n  public static int add(int a, int b) { return a + b; }\n}\n"
    bad = "public class Calculator {\n  public static int add(int a, int b) { return Math.abs(a) + Math.abs(b); }\n}\n"
    jobs = [
        make_job(
            tmp_path,
            "java",
            code,
            {"CalculatorTest.java": JAVA_TEST},
            entry_point="add",
            solution_file="Calculator.java",
            timeout_s=60,
        )
        for code in (good, bad, "public class Calculator { int add( }")
    ]
    ok, failing, broken = sandbox.run_many(jobs)
    assert ok.status == "ok" and outcomes(ok) == {
        "addsPositive": "passed",
        "addsNegative": "passed",
    }, ok.output[-2000:]
    assert outcomes(failing) == {"addsPositive": "passed", "addsNegative": "failed"}
    message = next(c.message for c in failing.cases if c.outcome == "failed")
    # the failed check's own line, read from the test file on the host
    assert message.endswith(
        "\n(checked: void addsNegative() { assertEquals(-5, Calculator.add(-2, -3)); })"
    )
    assert broken.status == "compile_error" and "Calculator.java" in broken.note


# --------------------------------------------------------------------------- c#

CS_TEST = """
public class CalculatorTests {
    public static void TestAddsPositive() { Assert.AreEqual(5, Calculator.Add(2, 3)); }
    [Test] public static void AddsNegative() { Assert.Equal(-5, Calculator.Add(-2, -3)); }
}
"""

needs_mono = pytest.mark.skipif(shutil.which("mcs") is None, reason="mono-mcs is not installed")


@needs_mono
def test_csharp_pass_fail_and_compile_error(tmp_path: Path) -> None:
    good = (
        "public static class Calculator { public static int Add(int a, int b) { return a + b; } }\n"
    )
    bad = "public static class Calculator { public static int Add(int a, int b) { return System.Math.Abs(a) + System.Math.Abs(b); } }\n"
    jobs = [
        make_job(
            tmp_path,
            "csharp",
            code,
            {"CalculatorTests.cs": CS_TEST},
            entry_point="Add",
            timeout_s=30,
        )
        for code in (good, bad, "public static class Calculator { int Add( }")
    ]
    ok, failing, broken = sandbox.run_many(jobs)
    assert ok.status == "ok" and outcomes(ok) == {
        "TestAddsPositive": "passed",
        "AddsNegative": "passed",
    }, ok.output
    assert outcomes(failing) == {"TestAddsPositive": "passed", "AddsNegative": "failed"}
    assert "expected -5, got 5" in next(c.message for c in failing.cases if c.outcome == "failed")
    assert broken.status == "compile_error"


# --------------------------------------------------------------------------- go

GO_TEST = """
package calc

import "testing"

func TestAddsPositive(t *testing.T) {
	if got := Add(2, 3); got != 5 {
		t.Fatalf("Add(2, 3) = %d, want 5", got)
	}
}

func TestAddsNegative(t *testing.T) {
	if got := Add(-2, -3); got != -5 {
		t.Fatalf("Add(-2, -3) = %d, want -5", got)
	}
}
"""


def needs_go(test: Callable[..., None]) -> Callable[..., None]:
    """Go on PATH; its warm build cache lives in the shared cache (make setup)."""
    skip = pytest.mark.skipif(shutil.which("go") is None, reason="go is not installed")
    return pytest.mark.shared_cache(skip(test))


@needs_go
def test_go_pass_fail_and_compile_error(tmp_path: Path) -> None:
    good = (
        "package main\n\nfunc Add(a, b int) int { return a + b }\n"  # package clause is rewritten
    )
    bad = "func Add(a, b int) int {\n\tif a < 0 { a = -a }\n\tif b < 0 { b = -b }\n\treturn a + b\n}\n"
    jobs = [
        make_job(tmp_path, "go", code, {"calc_test.go": GO_TEST}, entry_point="Add", timeout_s=60)
        for code in (good, bad, "package calc\nfunc Add(a, b int) int { return a + }\n")
    ]
    ok, failing, broken = sandbox.run_many(jobs)
    assert ok.status == "ok" and outcomes(ok) == {
        "TestAddsPositive": "passed",
        "TestAddsNegative": "passed",
    }, ok.output
    assert outcomes(failing) == {"TestAddsPositive": "passed", "TestAddsNegative": "failed"}
    assert "want -5" in next(c.message for c in failing.cases if c.outcome == "failed")
    assert broken.status == "compile_error" and broken.passed == 0


@needs_go
def test_go_std_packages_outside_the_warm_cache_build(tmp_path: Path) -> None:
    """The warm build cache covers a few std packages; any other must still build (log, net/http)."""
    code = (
        'package main\n\nimport (\n\t"log"\n\t_ "net/http"\n)\n\n'
        "var logger = log.Default()\n\nfunc Add(a, b int) int { return a + b }\n"
    )
    run = sandbox.run_tests(
        make_job(tmp_path, "go", code, {"calc_test.go": GO_TEST}, entry_point="Add", timeout_s=60)
    )
    assert run.status == "ok" and run.passed == 2, run.output


# --------------------------------------------------------------------------- the door itself


def test_unusable_sandbox_refuses_unless_unsafe(tmp_path: Path, monkeypatch) -> None:
    from grader.errors import SandboxUnavailable
    from grader.sandbox import policy

    job = make_job(
        tmp_path, "python", "def add(a, b):\n    return a + b\n", {"test_add.py": PY_TESTS}
    )
    monkeypatch.setenv("PATH", str(tmp_path))  # no bwrap on this PATH
    policy.probe.cache_clear()
    try:
        usable, reason = sandbox.sandbox_status()
        assert not usable and "bubblewrap" in reason
        with pytest.raises(SandboxUnavailable, match="--unsafe-no-sandbox"):
            sandbox.run_tests(job)
        sandbox.allow_unsafe_no_sandbox(True)
        run = sandbox.run_tests(job)
        assert run.status == "ok" and run.passed == 2, run
    finally:
        sandbox.allow_unsafe_no_sandbox(False)
        monkeypatch.undo()
        policy.probe.cache_clear()
    assert sandbox.sandbox_status()[0]


def test_run_many_keeps_order(tmp_path: Path) -> None:
    codes = [
        f"def attack():\n    return {'escaped' if i % 3 == 0 else 'no'!r}\n" for i in range(12)
    ]
    from sandbox_helpers import ATTACK_TEST

    runs = sandbox.run_many(
        [make_job(tmp_path, "python", c, {"test_attack.py": ATTACK_TEST}) for c in codes]
    )
    assert [r.passed for r in runs] == [1 if i % 3 == 0 else 0 for i in range(12)]


def test_workers_compile_test_files_once_and_the_host_keeps_them_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import base64
    import marshal

    from grader.sandbox.runners import RUNNERS
    from grader.sandbox.runners import python as runner

    monkeypatch.setenv("GRADER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(runner, "_KNOWN", {})
    kept = tmp_path / "cache" / "pytest-rewrite"
    job = make_job(
        tmp_path, "python", "def add(a, b):\n    return a + b\n", {"test_add.py": PY_TESTS}
    )
    plan = RUNNERS.get("python").plan(job)
    assert plan.steps[0]["args"]["mode"] == "fast"
    assert (
        plan.steps[0]["args"]["compile"] == ["test_add.py"]
        and plan.steps[0]["args"]["compiled"] == {}
    )
    assert not kept.exists()  # nothing rewritten on the host
    run = sandbox.run_tests(job)  # the worker compiles it, and the host keeps what came back
    assert run.status == "ok" and outcomes(run) == {
        "test_adds": "passed",
        "test_adds_negative": "passed",
    }
    entries = list(kept.glob("*.b64"))
    assert len(entries) == 1
    code = marshal.loads(base64.b64decode(entries[0].read_text()))
    assert code.co_filename == "/work/test_add.py" and "test_adds" in code.co_names
    again = RUNNERS.get("python").plan(job).steps[0]["args"]
    assert again["compile"] == [] and again["compiled"] == {"test_add.py": entries[0].read_text()}
    monkeypatch.setattr(runner, "_KNOWN", {})  # as in a new process: read back from disk
    entries[0].write_text("read-from-disk")
    assert runner.test_code(PY_TESTS, "/work/test_add.py") == (True, "read-from-disk")
    entries[0].write_text(base64.b64encode(marshal.dumps(code)).decode())
    # a file that needs pytest.main is kept as such; another source is another entry
    fixture = "import pytest\n\n@pytest.fixture\ndef two():\n    return 2\n"
    assert runner.test_code(fixture, "/work/t.py") == (False, None)
    monkeypatch.setattr(runner, "_KNOWN", {})
    assert runner.test_code(fixture, "/work/t.py") == (False, None)
    assert runner.test_code(
        PY_TESTS + "\ndef test_zero():\n    assert add(0, 0) == 0\n", "/work/test_add.py"
    ) == (True, None)
    assert len(list(kept.glob("*.b64"))) == 2
    run = sandbox.run_tests(job)  # from the kept entry
    assert run.status == "ok" and run.passed == 2


def test_finding_the_sandbox_site_packages_imports_nothing() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from grader.sandbox import policy; dirs = policy.site_dirs(); "
        "print(bool(dirs), 'pytest' in sys.modules, 'hypothesis' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False", "False"]


def test_jobs_take_the_workers_that_are_warming_instead_of_starting_more(tmp_path: Path) -> None:
    from grader.sandbox.pool import POOL

    POOL.close()
    job = make_job(
        tmp_path, "python", "def add(a, b):\n    return a + b\n", {"test_add.py": PY_TESTS}
    )
    with sandbox.Sandbox(2) as runner:  # workers start in the background here
        runs = [future.result() for future in [runner.submit(job) for _ in range(6)]]
    assert all(run.status == "ok" and run.passed == 2 for run in runs)
    assert len(POOL._all) == 2


# --------------------------------------------------------------------------- go

LARGEST_TEST = """package solution

import "testing"

func TestLargest(t *testing.T) {
\tif got := Largest([]int{3, 9, 4}); got != 9 {
\t\tt.Errorf("Largest: got %d, want 9", got)
\t}
}
"""

# What current models write: generics, the slices package, the min/max built-ins (Go 1.21).
MODERN_GO = """package solution

import "slices"

func Largest[T int | float64](values []T) T {
\tsorted := slices.Clone(values)
\tslices.Sort(sorted)
\treturn max(sorted[len(sorted)-1], min(sorted[0], sorted[len(sorted)-1]))
}
"""


@needs_sandbox
def test_go_toolchain_compiles_current_go_and_names_compile_errors(tmp_path: Path) -> None:
    jobs = [
        make_job(tmp_path, "go", code, {"largest_test.go": LARGEST_TEST}, timeout_s=60)
        for code in (MODERN_GO, MODERN_GO.replace("return max(", "return mx("))
    ]
    modern, broken = sandbox.run_many(jobs)
    assert modern.status == "ok" and outcomes(modern) == {"TestLargest": "passed"}, modern.note
    assert broken.status == "compile_error"
    assert "undefined: mx" in broken.note and "solution.go:" in broken.note, broken.note
