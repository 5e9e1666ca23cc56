"""Code that does not compile or load earns nothing from checks that hold only vacuously."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from scoring_builders import REPO

from grader.notes import compile_note, errors_behind, further_compile_errors
from grader.pipeline import grade_code
from grader.record import render_record
from grader.tasks.loader import load_task
from grader.types import SampleResult

TASKS = REPO / "tasks" / "user-flags"


def _broken_go() -> str:
    """The Go reference with one keyword misspelt: the checks still find every construct."""
    code = (TASKS / "go" / "reference.go").read_text(encoding="utf-8")
    return code.replace("return ", "retur ", 1)


def _broken_java() -> str:
    """The Java reference with one unknown name: it parses, and javac refuses it."""
    code = (TASKS / "java" / "reference.java").read_text(encoding="utf-8")
    at = code.index("return ")
    return code[:at] + "return undefinedName;\n" + code[at:]


@pytest.mark.skipif(shutil.which("go") is None, reason="needs the Go toolchain")
def test_go_sample_that_does_not_compile_gets_no_credit() -> None:
    verdict, _ = grade_code(load_task(TASKS.parent / "user-flags" / "go.yaml"), code=_broken_go())
    assert verdict.tests.status == "compile_error"
    assert verdict.score == 0.0 and not verdict.passed
    assert all(r.credit == 0.0 and not r.met for r in verdict.requirements)
    # one note, the compiler's first error with its line, and no "Didn't ..." notes
    # Go 1.19 says "unexpected ApiResult", Go 1.27 "unexpected name ApiResult"
    assert len(verdict.notes) == 1, verdict.notes
    assert re.fullmatch(
        r"The code does not compile: Syntax error: unexpected (name )?ApiResult at end of "
        r"statement at line 8\.",
        verdict.notes[0],
    ), verdict.notes
    assert verdict.positive_notes == []
    assert [f.rule for f in verdict.findings] == ["syntax-error"]  # still reported, not credit


@pytest.mark.skipif(shutil.which("javac") is None, reason="needs a JDK")
def test_java_sample_that_does_not_compile_gets_no_credit() -> None:
    task = load_task(TASKS.parent / "user-flags" / "java.yaml")
    verdict, _ = grade_code(task, code=_broken_java())
    assert verdict.tests.status == "compile_error"
    assert verdict.score == 0.0 and not verdict.passed
    assert all(r.credit == 0.0 for r in verdict.requirements)
    assert verdict.notes == [
        "The code does not compile: Cannot find symbol (variable undefinedName) at line 8."
    ]


@pytest.mark.parametrize(
    ("status", "note", "output", "said"),
    [
        (
            "compile_error",
            "The code does not compile: SyntaxError: invalid syntax (solution.py, line 3)",
            "",
            "The code does not compile: SyntaxError: invalid syntax at line 3.",
        ),
        (
            "compile_error",
            "The code does not compile: no message",
            "Solution.cs(12,5): error CS0103: The name 'x' does not exist in the current "
            "context [/work/p.csproj]",
            "The code does not compile: The name 'x' does not exist in the current context "
            "at line 12.",
        ),
        (
            "compile_error",
            "The code does not compile: ./user_flags_test.go:30:4: cannot use x (untyped) as int",
            "",
            "The code does not compile: Cannot use x (untyped) as int at line 30 of the test "
            "file user_flags_test.go.",
        ),
        (
            "crash",
            "The code failed before any test ran: NameError: name 'x' is not defined",
            "",
            "The code failed before any test ran: NameError: name 'x' is not defined",
        ),
    ],
)
def test_compile_note_says_the_first_error_and_its_line(
    status: str, note: str, output: str, said: str
) -> None:
    assert compile_note(status, note, output) == said


GO_ERRORS = """\
./solution.go:4:2: "errors" imported and not used
./solution.go:5:2: "fmt" imported and not used
./solution.go:9:6: UserRepository redeclared in this block
	./repository.go:4:6: other declaration of UserRepository
./solution.go:11:15: undefined: ErrInvalidShares
./solution.go:14:15: undefined: ErrNegativeTotal
"""

JAVAC_ERRORS = """\
UserFlagsService.java:13: error: cannot find symbol
        if (request.get("UserId").isInteger() || request.get("UserId").longValue() > 0) {
                                 ^
  symbol:   method isInteger()
  location: class Object
UserFlagsService.java:13: error: cannot find symbol
        if (request.get("UserId").isInteger() || request.get("UserId").longValue() > 0) {
                                                                      ^
  symbol:   method longValue()
  location: class Object
UserFlagsService.java:17: error: cannot find symbol
        long id = request.get("UserId").longValue();
                                       ^
  symbol:   method longValue()
  location: class Object
UserFlagsService.java:18: error: incompatible types: Map<String,Object> cannot be converted to Optional<Map<String,Object>>
UserFlagsServiceTest.java:40: error: cannot find symbol
  symbol:   method reset()
UserFlagsServiceTest.java:73: error: method updateUserFlags in class UserFlagsService cannot be applied to given types;
"""

MCS_ERRORS = """\
Solution.cs(5,7): error CS0234: The type or namespace name `Core' does not exist in the namespace `AlibabaCloud.SDK'. Are you missing an assembly reference?
Solution.cs(6,7): error CS0234: The type or namespace name `Auth' does not exist in the namespace `AlibabaCloud.SDK'. Are you missing an assembly reference?
Solution.cs(21,13): error CS0019: Operator `==' cannot be applied to operands of type `object' and `int'
"""


@pytest.mark.parametrize(
    ("output", "said", "lines"),
    [
        # the lead (the redeclaration) is not repeated, nor the detail line of another file;
        # each undefined name is its own mistake; unused imports come last, once
        (
            GO_ERRORS,
            "It also does not compile at line 11 (undefined: ErrInvalidShares), line 14 "
            '(undefined: ErrNegativeTotal) and line 4 ("errors" imported and not used).',
            [11, 14, 4],
        ),
        # javac's symbols are read with their errors; one missing method of Object is one kind
        # of mistake; a test's missing symbol is the code's, but a signature the tests cannot
        # call is said, with the test file's line
        (
            JAVAC_ERRORS,
            "It also does not compile at line 18 (incompatible types: Map<String,Object> cannot "
            "be converted to Optional<Map<String,Object>>) and line 73 of the test file "
            "UserFlagsServiceTest.java (method updateUserFlags in class UserFlagsService cannot "
            "be applied to given types).",
            [18],
        ),
        # a second missing namespace is the first one again
        (
            MCS_ERRORS,
            "It also does not compile at line 21 (Operator `==' cannot be applied to operands of "
            "type `object' and `int').",
            [21],
        ),
    ],
)
def test_the_other_compile_errors_are_said_once_each_kind(
    output: str, said: str, lines: list[int]
) -> None:
    assert further_compile_errors("compile_error", "", output) == (said, lines)


def test_one_compile_error_has_nothing_further() -> None:
    one = "./solution.go:8:2: syntax error: unexpected name ApiResult at end of statement\n"
    assert further_compile_errors("compile_error", "", one) is None
    assert further_compile_errors("crash", "", GO_ERRORS) is None


def test_load_crash_with_no_test_run_scores_nothing(tmp_path: Path) -> None:
    """Python code that raises at import: no test ran, so the vacuous checks give nothing."""
    code = (TASKS / "python" / "reference.py").read_text(encoding="utf-8")
    verdict, _ = grade_code(
        load_task(TASKS.parent / "user-flags" / "python.yaml"), code=code + "\nraise_me_now()\n"
    )
    assert verdict.score == 0.0 and not verdict.passed
    assert verdict.notes == [
        "The code fails to load: NameError: name 'raise_me_now' is not defined at line 23."
    ]


# Correct, in C# 9: a switch expression, `is not` patterns and a record. mono's mcs stops at C# 7.
MODERN_CSHARP = """\
using System;
using System.Collections.Generic;

public record Check(int Code, string Message);

public static class UserFlagsService
{
    static bool IsFlag(object value) => value switch
    {
        int i => i is 0 or 1,
        long l => l is 0 or 1,
        _ => false,
    };

    static Check Validate(Dictionary<string, object> request)
    {
        request.TryGetValue("UserId", out var id);
        if (id is null || id is string { Length: 0 }) return new Check(50001, "UserId is required");
        if (id is not (int or long) || Convert.ToInt64(id) <= 0) return new Check(50002, "UserId must be a positive integer");
        foreach (var flag in new[] { "ActiveFlag", "SystemDeleteFlag" })
        {
            request.TryGetValue(flag, out var value);
            if (!IsFlag(value)) return new Check(50003, flag + " must be 0 or 1");
        }
        return null;
    }

    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        var problem = Validate(request);
        if (problem is not null) return new ApiResult(problem.Code, problem.Message);
        try
        {
            var user = repo.Find(Convert.ToInt64(request["UserId"]));
            if (user is null) return new ApiResult(50004, "User not found");
            user["ActiveFlag"] = Convert.ToInt32(request["ActiveFlag"]);
            user["SystemDeleteFlag"] = Convert.ToInt32(request["SystemDeleteFlag"]);
            repo.Save(user);
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
        return new ApiResult(0, "OK");
    }
}
"""


@pytest.mark.skipif(shutil.which("mcs") is None, reason="needs mono's mcs")
def test_newer_csharp_than_the_compiler_builds_is_ungradable_not_wrong() -> None:
    task = load_task(TASKS.parent / "user-flags" / "csharp.yaml")
    verdict, _ = grade_code(task, code=MODERN_CSHARP)
    assert verdict.tests.status == "compile_error"
    assert verdict.ungradable == "mono's mcs, which stops at C# 7"
    assert not verdict.passed and verdict.score == 0.0
    assert len(verdict.notes) == 1 and verdict.notes[0].startswith(
        "Not graded: this machine's compiler (mono's mcs, which stops at C# 7) cannot build the "
        "code's newer syntax (unexpected symbol `record'"
    ), verdict.notes
    assert verdict.notes[0].endswith("A toolchain limit, not a mistake in the code.")
    # counted apart in the evaluation record
    result = SampleResult(**verdict.model_dump(), sample=0, model="m", completion="...")
    record = render_record({}, {"name": "m"}, [result])
    assert "Ungradable: 1 of 1 samples use syntax newer than this machine's compiler" in record


@pytest.mark.skipif(shutil.which("mcs") is None, reason="needs mono's mcs")
def test_a_real_csharp_syntax_error_is_the_codes_own() -> None:
    task = load_task(TASKS.parent / "user-flags" / "csharp.yaml")
    code = (TASKS / "csharp" / "reference.cs").read_text(encoding="utf-8")
    broken = code.replace('return new ApiResult(0, "OK");', 'return new ApiResult(0, "OK")')
    verdict, _ = grade_code(task, code=broken)
    assert verdict.tests.status == "compile_error" and verdict.ungradable is None
    assert verdict.notes[0].startswith("The code does not compile"), verdict.notes


def test_an_unused_import_yields_to_the_error_that_matters() -> None:
    output = (
        '# solution\n./solution.go:4:2: "errors" imported and not used\n'
        "./solution.go:11:10: undefined: ErrInvalidShares\n"
    )
    assert compile_note("compile_error", "", output) == (
        "The code does not compile: Undefined: ErrInvalidShares at line 11."
    )
    only = './solution.go:4:2: "errors" imported and not used\n'
    assert compile_note("compile_error", "", only).endswith("imported and not used at line 4.")


@pytest.mark.skipif(shutil.which("javac") is None, reason="needs a JDK")
def test_a_java_package_line_is_named_as_the_cause_of_the_missing_class() -> None:
    task = load_task(REPO / "tasks" / "split-amount" / "java.yaml")
    code = "package com.example;\n\n" + task.reference.read_text(encoding="utf-8")
    verdict, _ = grade_code(task, code=code)
    assert verdict.tests.status == "compile_error" and verdict.score == 0.0
    assert verdict.notes[0].startswith("The code does not compile: Cannot find symbol")
    assert verdict.notes[0].endswith(
        ": the code declares package com.example (line 1), and the tests are in the default "
        "package; with its package line (line 1) left out, the tests ran."
    )
    # the reference as the tests see it once the class is where they look: nothing else
    assert len(verdict.notes) == 1, verdict.notes
    assert 1 in verdict.note_details[0].lines


# --------------------------------------------------------------------------- a reply's demo


def test_a_demo_that_breaks_the_load_is_said_and_the_function_still_observed() -> None:
    """A correct function whose demo raises at import: no credit (the module as given does not
    load), one note saying so, and the tests' run without the demo finds nothing else."""
    task = load_task(TASKS.parent / "user-flags" / "python.yaml")
    code = (TASKS / "python" / "reference.py").read_text(encoding="utf-8")
    code += '\n\nassert update_user_flags({}, None)["code"] == 1\n'
    line = code.count("\n")
    verdict, _ = grade_code(task, code=code)
    assert verdict.score == 0.0 and not verdict.passed
    (rerun,) = verdict.tests.reruns
    assert rerun.demo_lines == [line] and not rerun.changes and not rerun.untyped
    assert rerun.run.failed == 0 and rerun.run.passed > 0
    assert verdict.notes == [
        f"The code fails to load: AssertionError at line {line}, in its demo (line {line}); "
        "without the demo, the tests ran."
    ]


def test_behind_a_broken_demo_the_functions_own_failures_are_said() -> None:
    task = load_task(TASKS.parent / "user-flags" / "python.yaml")
    code = (TASKS / "python" / "wrong-seed.py").read_text(encoding="utf-8")
    code += '\n\nassert update_user_flags({}, None)["code"] == 1\n'
    verdict, _ = grade_code(task, code=code)
    assert verdict.score == 0.0 and all(r.credit == 0.0 for r in verdict.requirements)
    # the seed's own mistake, as the tests without the demo saw it, before the demo's failure
    # (an error in throw-away code matters less than the function's own)
    load = next(i for i, n in enumerate(verdict.notes) if n.startswith("The code fails to load: "))
    assert "in its demo" in verdict.notes[load]
    assert load > 0 and any("50003" in note for note in verdict.notes[:load]), verdict.notes


@pytest.mark.shared_cache  # the TypeScript compiler set-up installed
@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_demo_data_that_does_not_type_check_is_placed_in_the_demo() -> None:
    task = load_task(REPO / "tasks" / "resolve-settings" / "typescript.yaml")
    code = (REPO / "tasks" / "resolve-settings" / "typescript" / "reference.ts").read_text()
    start = code.count("\n") + 2
    code += "\nconst d: Settings = { theme: 'dark' };\nconsole.log(resolveSettings(null, d));\n"
    verdict, _ = grade_code(task, code=code)
    assert verdict.score == 0.0
    assert verdict.tests.status == "compile_error"
    assert verdict.notes == [
        "The code does not compile: Type '{ theme: \"dark\"; }' is missing the following "
        "properties from type 'Settings': pageSize, emailDigest, signature at line "
        f"{start}, in its demo (lines {start}-{start + 1}); without the demo, the tests ran."
    ]


def test_code_that_never_names_the_entry_point_says_so_first() -> None:
    task = load_task(TASKS.parent / "user-flags" / "python.yaml")
    verdict, _ = grade_code(task, code="import os\nimport sys\n")
    assert verdict.score == 0.0 and not verdict.passed
    assert verdict.notes[0] == "The code never defines update_user_flags, which the task asks for."
    # a body that is wrong is not a missing one
    wrong, _ = grade_code(task, code="def update_user_flags(request, repo):\n    return None\n")
    assert not any("never defines" in note for note in wrong.notes)


def test_a_test_files_line_is_not_read_as_a_line_of_the_demo() -> None:
    """'line 20 of the test file' is no line of the code: not 'line 2', in the demo."""
    from grader.scoring import _through_rerun
    from grader.types import Rerun, TestRun

    def demo(lines: list[int]) -> Rerun:
        return Rerun(demo_lines=lines, run=TestRun(status="ok"))

    said = "The code does not compile: Cannot find symbol at line 20 of the test file T.java."
    assert "when its demo runs (lines 2-3)" in _through_rerun(said, demo([2, 3]))
    at_20 = _through_rerun("The code fails to load: X at line 20.", demo([20]))
    assert "in its demo (line 20)" in at_20


# --------------------------------------------------------------------------- made to load


@pytest.mark.skipif(shutil.which("go") is None, reason="needs the Go toolchain")
def test_go_that_fails_only_on_an_unused_import_is_observed_without_it() -> None:
    """Go refuses an unused import; the tests' run without it finds the seed's own mistake,
    said after the build note, and nothing is credited."""
    task = load_task(TASKS.parent / "user-flags" / "go.yaml")
    code = (TASKS / "go" / "wrong-seed.go").read_text(encoding="utf-8")
    code = code.replace("package solution\n", 'package solution\n\nimport "strings"\n', 1)
    verdict, _ = grade_code(task, code=code)
    assert verdict.score == 0.0 and all(r.credit == 0.0 for r in verdict.requirements)
    first, *rest = verdict.notes
    assert first == (
        'The code does not compile: "strings" imported and not used at line 3; with its unused '
        "import of strings (line 3) left out, the tests ran."
    )
    assert any("50003" in note for note in rest), rest


@pytest.mark.shared_cache  # the TypeScript compiler set-up installed
@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_typescript_that_fails_only_its_type_check_is_observed_as_javascript() -> None:
    task = load_task(TASKS.parent / "user-flags" / "typescript.yaml")
    code = (TASKS / "typescript" / "wrong-seed.ts").read_text(encoding="utf-8")
    code += "\nconst typo: number = 'one';\n"
    verdict, _ = grade_code(task, code=code)
    assert verdict.tests.status == "compile_error" and verdict.score == 0.0
    first, *rest = verdict.notes
    assert first.startswith("The code does not compile: Type 'string' is not assignable")
    assert first.endswith("; with the type check off (as plain JavaScript), the tests ran.")
    assert verdict.tests.reruns[-1].untyped
    assert any("50003" in note for note in rest), rest


def test_python_missing_module_for_a_builtin_name_is_observed_without_it() -> None:
    task = load_task(TASKS.parent / "user-flags" / "python.yaml")
    code = (TASKS / "python" / "reference.py").read_text(encoding="utf-8")
    code = "from cloudsdk.errors import Exception\n" + code
    verdict, _ = grade_code(task, code=code)
    assert verdict.score == 0.0 and not verdict.passed
    # the reference is right: once loaded, the tests find nothing more to say
    assert verdict.notes == [
        "The code fails to load: ModuleNotFoundError: No module named 'cloudsdk' at line 1; "
        "with the import of Exception (line 1; Exception is then Python's own) left out, "
        "the tests ran."
    ]
    # what held is said as done well, on the code made to load, and never credited
    assert verdict.positive_notes and all(
        n.startswith("Made to load, ") for n in verdict.positive_notes
    )


# A stranger's Java: it checks only that UserId is there, has no try, and treats find as
# returning an Optional (javac refuses it)
UNCHECKED_JAVA = """\
import java.util.Map;
import java.util.Optional;

public class UserFlagsService {
    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        if (request.get("UserId") == null) {
            return new ApiResult(50001, "UserId is required");
        }
        Optional<Map<String, Object>> user = repo.find(((Number) request.get("UserId")).longValue());
        if (user.isEmpty()) {
            return new ApiResult(50004, "no such user");
        }
        user.get().put("ActiveFlag", request.get("ActiveFlag"));
        user.get().put("SystemDeleteFlag", request.get("SystemDeleteFlag"));
        repo.save(user.get());
        return new ApiResult(0, "ok");
    }
}
"""


@pytest.mark.skipif(shutil.which("javac") is None, reason="needs a JDK")
def test_code_that_never_builds_has_what_its_text_settles_said() -> None:
    task = load_task(TASKS.parent / "user-flags" / "java.yaml")
    verdict, _ = grade_code(task, code=UNCHECKED_JAVA)
    assert verdict.tests.status == "compile_error" and verdict.score == 0.0
    build, *read = verdict.notes
    assert build.startswith("The code does not compile: Incompatible types") and "line 9" in build
    # no rule's absence (none was checked by a test), only what a search of the text settles
    assert read == [
        "The codes 50002, 50003 and 50000, which the task asks for, appear nowhere in the code.",
        "The code has no try block; the task asks for a try/catch block.",
    ]
    assert verdict.positive_notes == []


@pytest.mark.skipif(shutil.which("javac") is None, reason="needs a JDK")
def test_an_error_behind_the_first_is_said_when_the_run_made_to_load_still_fails() -> None:
    # javac checks thrown exceptions only once every name resolves: the sleep's unhandled
    # InterruptedException shows only when the package line is out of the tests' way
    task = load_task(TASKS.parent / "user-flags" / "java.yaml")
    code = (TASKS / "java" / "reference.java").read_text(encoding="utf-8")
    code = "package com.acme;\n" + code.replace(
        "        try {\n", "        Thread.sleep(1);\n        try {\n", 1
    )
    verdict, _ = grade_code(task, code=code)
    assert verdict.tests.status == "compile_error" and verdict.score == 0.0
    behind = [n for n in verdict.notes if n.startswith("With ")]
    assert behind == [
        "With its package line (line 1) left out, it still does not compile: unreported "
        "exception InterruptedException; must be caught or declared to be thrown at line 20."
    ], verdict.notes
    assert next(n for n in verdict.note_details if n.text == behind[0]).lines == [20]


def test_errors_behind_are_only_those_the_first_build_did_not_print() -> None:
    first = ("The code does not compile: ./solution.go:11:15: undefined: ErrX", "")
    later = (
        "The code does not compile: ./solution.go:11:15: undefined: ErrX",
        "./solution.go:19:9: invalid operation: a / b (mismatched types int64 and int)",
    )
    assert errors_behind(first, later) == (
        "invalid operation: a / b (mismatched types int64 and int) at line 19"
    )
    assert errors_behind(later, first) is None


def test_a_code_written_with_digit_separators_or_in_a_comment_counts_as_there() -> None:
    from grader.scoring import score
    from grader.types import Extraction, TestRun

    task = load_task(TASKS.parent / "user-flags" / "python.yaml")
    code = (
        "def update_user_flags(request, repo):\n"
        "    BAD_ID = 50_002  # 50001 when missing\n"
        "    return {'code': 50003 if request else 50004}\n"
        "    ok(\n"
    )
    run = TestRun(
        status="compile_error",
        note="The code does not compile: SyntaxError: '(' was never closed (solution.py, line 4)",
    )
    verdict = score(task, Extraction(code=code), [], run)
    # 50000 is the one code written nowhere; the words "try" and "except" are nowhere either
    assert verdict.notes[1:] == [
        "The code 50000, which the task asks for, appears nowhere in the code.",
        "The code has no try block; the task asks for a try/except block.",
    ], verdict.notes


@pytest.mark.skipif(shutil.which("javac") is None, reason="needs a JDK")
def test_a_method_declared_otherwise_than_the_prompt_spells_it_is_said() -> None:
    task = load_task(TASKS.parent / "user-flags" / "java.yaml")
    code = UNCHECKED_JAVA.replace(
        "public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo)",
        "public ApiResult updateUserFlags(Map<String, Object> request)",
    ).replace(
        "public class UserFlagsService {",
        "public class UserFlagsService {\n    UserRepository repo;",
    )
    verdict, _ = grade_code(task, code=code)
    assert verdict.tests.status == "compile_error"
    assert (
        "The code declares `public ApiResult updateUserFlags(Map<String, Object> request)` "
        "(line 6); the task asks for `public static ApiResult updateUserFlags(Map<String, "
        "Object> request, UserRepository repo)`."
    ) in verdict.notes, verdict.notes
    # a declaration over two lines is read as one
    split = code.replace("updateUserFlags(Map", "updateUserFlags(\n            Map")
    verdict, _ = grade_code(task, code=split)
    assert any(
        n.startswith("The code declares `public ApiResult updateUserFlags(") for n in verdict.notes
    )
    # the signature as asked, with other parameter names and spacing, is not said
    verdict, _ = grade_code(task, code=UNCHECKED_JAVA.replace("request", "req"))
    assert not any(n.startswith("The code declares") for n in verdict.notes), verdict.notes
