"""A reply's demo: which top-level statements only demonstrate the code."""

from __future__ import annotations

import pytest

from grader.demo import demo_lines, without_lines

PYTHON_DEMO = """\
import math

LIMITS = {"max": 31}


def span(a, b):
    return min(LIMITS["max"], math.fabs(b - a))


cases = [(1, 3), (2, 40)]
for a, b in cases:
    print(span(a, b))
assert span(1, 2) == 1
if __name__ == "__main__":
    print(span(0, 0))
"""


def test_python_demo_is_its_calls_prints_asserts_main_guard_and_their_data() -> None:
    assert demo_lines(PYTHON_DEMO, "python", "span") == list(range(10, 16))


def test_blanking_the_demo_keeps_every_other_line_where_it_was() -> None:
    runnable = without_lines(PYTHON_DEMO, demo_lines(PYTHON_DEMO, "python", "span"))
    assert runnable.splitlines()[:8] == PYTHON_DEMO.splitlines()[:8]
    assert runnable.count("\n") == PYTHON_DEMO.count("\n")
    assert "print" not in runnable and "assert" not in runnable


@pytest.mark.parametrize(
    "code",
    [
        # a helper that fills a table the function reads: set-up, not demo
        "TABLE = []\n\ndef _fill():\n    TABLE.extend(range(10))\n\n_fill()\n\n"
        "def solve(n):\n    return TABLE[n]\n",
        # the function's own result, kept for the function to read
        "def solve(n):\n    return n * 2\n\nDOUBLE_TWO = solve(2)\n\n"
        "def helper():\n    return DOUBLE_TWO\n",
        # a setting of the runtime
        "import sys\nsys.setrecursionlimit(10000)\n\ndef solve(n):\n    return n\n",
        # the entry point made by a call
        "def make():\n    return lambda n: n\n\nsolve = make()\n",
    ],
)
def test_python_set_up_the_code_needs_is_never_demo(code: str) -> None:
    assert demo_lines(code, "python", "solve") == []


def test_javascript_demo_keeps_the_exports_and_what_the_function_reads() -> None:
    code = """\
const RATES = { a: 1 };
function convert(x) { return x * RATES.a; }
const sample = { x: 2 };
console.log(convert(sample.x));
module.exports = { convert };
"""
    assert demo_lines(code, "javascript", "convert") == [3, 4]


def test_typescript_demo_data_that_only_the_demo_reads_is_demo() -> None:
    code = """\
export interface Settings { theme: string; }
function resolve(user: Partial<Settings>, defaults: Settings): Settings {
  return { ...defaults, ...user };
}

// Example usage:
const saved: Partial<Settings> = { theme: 'dark' };

const defaults: Settings = { theme: 1 };
console.log(resolve(saved, defaults));
"""
    # the function's parameter of the same name is its own: it does not read the demo's data
    assert demo_lines(code, "typescript", "resolve") == [7, 8, 9, 10]


def test_a_parse_error_that_holds_the_function_is_never_demo() -> None:
    # the parser's error node takes in the function and the call after it: none of it is demo
    code = "function solve(x) {\n  return x +\n}\nconsole.log(solve(1));\n"
    assert demo_lines(code, "javascript", "solve") == []
    # where the function stands on its own, the call after it is still the demo
    code = "def solve(x):\n    return x +\n\nprint(solve(1))\n"
    assert demo_lines(code, "python", "solve") == [4]


def test_languages_without_top_level_statements_have_no_demo() -> None:
    code = "package solution\n\nfunc Solve() int { return 1 }\n"
    assert demo_lines(code, "go", "Solve") == []
