"""What the tests' second look leaves out of code that did not build or load (grader.rerun):
only what changes nothing the code does, and only what the compiler or loader named."""

from __future__ import annotations

from pathlib import Path

from grader.rerun import after, first
from grader.types import TestCase, TestJob, TestRun


def _job(language: str, code: str, *, typecheck: bool = False) -> TestJob:
    return TestJob(
        task_id="t",
        language=language,
        code=code,
        entry_point="Solve" if language == "go" else "solve",
        test_files=[Path("t")],
        typecheck=typecheck,
    )


def _unbuilt(note: str) -> TestRun:
    return TestRun(status="compile_error", note=note)


def _unloaded(message: str) -> TestRun:
    return TestRun(
        status="ok", cases=[TestCase(name="t.py::collect", outcome="error", message=message)]
    )


GO = """package solution

import (
\t"fmt"
\t"strings"
)

func Solve(n int) int {
\tvar err error
\treturn n + len(strconv.Itoa(n))
}
"""


def test_go_unused_imports_are_blanked_and_said_with_their_lines() -> None:
    said = './solution.go:4:2: "fmt" imported and not used\n./solution.go:5:2: "strings" imported and not used'
    attempt = first(_job("go", GO), _unbuilt(said))
    assert attempt is not None
    lines = attempt.job.code.splitlines()
    assert lines[3] == "" and lines[4] == "" and len(lines) == len(GO.splitlines())
    assert attempt.changes == ["its unused imports of fmt and strings (lines 4-5) left out"]


def test_go_next_round_reads_the_unused_variable_and_imports_the_called_package() -> None:
    said = './solution.go:4:2: "fmt" imported and not used'
    attempt = first(_job("go", GO), _unbuilt(said))
    assert attempt is not None
    again = "./solution.go:9:6: declared and not used: err\n./solution.go:10:17: undefined: strconv"
    second = after(attempt, _unbuilt(again))
    assert second is not None
    lines = second.job.code.splitlines()
    assert lines[0] == 'package solution; import "strconv"'
    assert lines[8] == "\tvar err error; _ = err"
    assert second.changes[1:] == [
        "a read of its unused variable err (line 9) added",
        "the missing import of strconv added",
    ]


def test_go_leaves_a_line_that_opens_a_block_and_an_unknown_package_alone() -> None:
    code = "package solution\n\nfunc Solve(n int) int {\n\tif x := n; true {\n\t\treturn foo.Bar(n)\n\t}\n}\n"
    said = "./solution.go:4:5: declared and not used: x\n./solution.go:5:10: undefined: foo"
    assert first(_job("go", code), _unbuilt(said)) is None


def test_go_declaration_the_tasks_files_already_have_is_left_out() -> None:
    code = "package solution\n\ntype Repo interface {\n\tFind() int\n}\n\nfunc Solve(r Repo) int { return r.Find() }\n"
    said = "./solution.go:3:6: Repo redeclared in this block\n\t./repository.go:4:6: other declaration of Repo"
    attempt = first(_job("go", code), _unbuilt(said))
    assert attempt is not None
    assert "type Repo" not in attempt.job.code and "func Solve" in attempt.job.code
    assert attempt.changes == ["its own Repo (lines 3-5), which the task's files declare, left out"]
    # a clash inside the code itself is the code's own mistake: nothing to leave out
    twice = "./solution.go:3:6: Repo redeclared in this block\n\t./solution.go:9:6: other declaration of Repo"
    assert first(_job("go", code), _unbuilt(twice)) is None


PYTHON = """from typing import Dict, Exception
from vendor.errors import LookupError, VendorError


def solve(items: Dict) -> int:
    try:
        return len(items)
    except (LookupError, Exception):
        return -1
"""


def test_python_import_of_a_builtin_name_is_dropped_from_its_line() -> None:
    said = "E   ImportError: cannot import name 'Exception' from 'typing' (/usr/lib/typing.py)"
    attempt = first(_job("python", PYTHON), _unloaded(said))
    assert attempt is not None
    assert attempt.job.code.splitlines()[0] == "from typing import Dict"
    assert attempt.changes == [
        "the import of Exception (line 1; Exception is then Python's own) left out"
    ]


def test_python_missing_module_goes_when_its_names_are_builtins_or_unread() -> None:
    said = "E   ModuleNotFoundError: No module named 'vendor'"
    attempt = first(_job("python", PYTHON), _unloaded(said))
    assert attempt is not None
    assert attempt.job.code.splitlines()[1] == ""
    assert attempt.changes == [
        "the imports of LookupError and VendorError (line 2; LookupError is then Python's own) left out"
    ]


def test_python_missing_module_whose_name_the_code_reads_stays() -> None:
    code = "import requests\n\n\ndef solve(url):\n    return requests.get(url)\n"
    said = "E   ModuleNotFoundError: No module named 'requests'"
    assert first(_job("python", code), _unloaded(said)) is None


JS = """const User = require('./User'); // a User class
function solve(request) {
  return { message: 'User not found.' };
}
module.exports = { solve };
"""


def test_javascript_require_of_a_missing_module_never_read_is_left_out() -> None:
    crash = TestRun(status="crash", note="Error: Cannot find module './User'")
    attempt = first(_job("javascript", JS), crash)
    assert attempt is not None
    assert attempt.job.code.splitlines()[0] == ""
    assert attempt.changes == ["the unused import of User (line 1) left out"]
    used = JS.replace("return {", "return new User(), {")
    assert first(_job("javascript", used), crash) is None


def test_typescript_runs_without_its_type_check_after_the_demo_alone_fails() -> None:
    code = "export function solve(n: number): number {\n  return n;\n}\nconsole.log(solve('1'));\n"
    said = "solution.ts:4:19: error: Argument of type 'string' is not assignable to parameter of type 'number'."
    job = _job("typescript", code, typecheck=True)
    attempt = first(job, _unbuilt(said))
    assert attempt is not None and attempt.demo_lines == [4] and not attempt.untyped
    untyped = after(attempt, _unbuilt("solution.ts:2:3: error: Type 'x' is not assignable."))
    assert untyped is not None and untyped.untyped and not untyped.job.typecheck
    assert untyped.demo_lines == [4]
    # no demo: straight to the run without the type check
    alone = first(_job("typescript", code.rsplit("console", 1)[0], typecheck=True), _unbuilt(said))
    assert alone is not None and alone.untyped


def test_code_that_loaded_gets_no_second_look() -> None:
    ran = TestRun(status="ok", cases=[TestCase(name="t", outcome="failed", message="x")])
    assert first(_job("go", GO), ran) is None


def test_a_results_file_from_before_reruns_still_loads() -> None:
    old = {"status": "ok", "demo_lines": [7], "without_demo": {"status": "ok", "passed": 3}}
    run = TestRun.model_validate(old)
    assert [r.demo_lines for r in run.reruns] == [[7]] and run.reruns[0].run.passed == 3
    assert TestRun.model_validate_json(run.model_dump_json()) == run


JAVA = """package com.example.stock;

public class Stock {
    public static int reserve(Map<String, Integer> stock) { return stock.size(); }
}
"""


def test_java_package_the_tests_do_not_share_is_left_out(tmp_path: Path) -> None:
    tests = tmp_path / "StockTest.java"
    tests.write_text("import org.junit.jupiter.api.Test;\nclass StockTest {}\n")
    job = _job("java", JAVA).model_copy(update={"test_files": [tests]})
    said = "StockTest.java:9: error: cannot find symbol\n  symbol:   variable Stock"
    attempt = first(job, _unbuilt(said))
    assert attempt is not None and attempt.job.code.splitlines()[0] == ""
    assert attempt.changes == ["its package line (line 1) left out"]
    # tests in that same package: the line stays
    tests.write_text("package com.example.stock;\nclass StockTest {}\n")
    assert first(job, _unbuilt(said)) is None


def test_java_standard_class_never_imported_is_imported_on_the_package_line(tmp_path: Path) -> None:
    tests = tmp_path / "StockTest.java"
    tests.write_text("package com.example.stock;\nclass StockTest {}\n")
    job = _job("java", JAVA).model_copy(update={"test_files": [tests]})
    said = (
        "Stock.java:4: error: cannot find symbol\n"
        "    public static int reserve(Map<String, Integer> stock) {\n"
        "                              ^\n"
        "  symbol:   class Map\n"
    )
    attempt = first(job, _unbuilt(said))
    assert attempt is not None
    assert attempt.job.code.splitlines()[0] == "package com.example.stock; import java.util.Map;"
    assert attempt.changes == ["the missing import of Map added"]


def test_java_import_of_a_package_that_is_not_there_is_left_out(tmp_path: Path) -> None:
    code = "import com.vendor.sleep.Sleeper;\nimport java.util.List;\n\npublic class Retry {}\n"
    tests = tmp_path / "RetryTest.java"
    tests.write_text("class RetryTest {}\n")
    job = _job("java", code).model_copy(update={"test_files": [tests]})
    said = "Retry.java:1: error: package com.vendor.sleep does not exist\nimport com.vendor.sleep.Sleeper;"
    attempt = first(job, _unbuilt(said))
    assert attempt is not None
    assert attempt.job.code.splitlines()[:2] == ["", "import java.util.List;"]
    assert attempt.changes == ["its import of com.vendor.sleep, not there (line 1), left out"]


def test_csharp_using_of_a_missing_namespace_goes_and_a_named_missing_using_comes() -> None:
    code = "using System;\nusing Vendor.Sdk.Core;\n\npublic static class Flags {}\n"
    said = (
        "Solution.cs(2,14): error CS0234: The type or namespace name `Core' does not exist in "
        "the namespace `Vendor.Sdk'. Are you missing an assembly reference?\n"
        "Solution.cs(9,16): error CS0246: The type or namespace name `List' could not be found. "
        "Are you missing `System.Collections.Generic' using directive?\n"
    )
    attempt = first(_job("csharp", code), _unbuilt(said))
    assert attempt is not None
    lines = attempt.job.code.splitlines()
    assert lines[0] == "using System.Collections.Generic; using System;" and lines[1] == ""
    assert attempt.changes == [
        "its using of Vendor.Sdk.Core, not there (line 2), left out",
        "the missing using of System.Collections.Generic added",
    ]


def test_go_import_of_a_module_the_sandbox_cannot_fetch_is_left_out() -> None:
    code = 'package solution\n\nimport (\n\t"fmt"\n\t"github.com/vendor/sdk"\n)\n'
    said = (
        "solution.go:5:2: cannot find module providing package github.com/vendor/sdk: "
        "module lookup disabled by GOPROXY=off"
    )
    attempt = first(_job("go", code), _unbuilt(said))
    assert attempt is not None and attempt.job.code.splitlines()[4] == ""
    assert attempt.changes == ["its import of github.com/vendor/sdk, not there (line 5), left out"]
