"""Code that does not compile or load earns nothing from checks that hold only vacuously."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from scoring_builders import REPO

from grader.notes import compile_note
from grader.pipeline import grade_code
from grader.tasks.loader import load_task

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
