"""The branch a return sits under (``grader.rules.guard``), and the answer's place in a note
(``grader.scoring.answer_source``): quoted only where the code says it plainly."""

from __future__ import annotations

import pytest

from grader.rules import guard
from grader.scoring import answer_source

PYTHON = """\
def f(request):
    if not request.get("UserId"):
        return {"code": 50001}
    elif request["UserId"] < 0:
        raise ValueError("negative")
    else:
        return {"code": 50009}
    for x in request:
        return 50007
    return 50008
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (3, (2, 'if not request.get("UserId")')),
        (5, (4, 'elif request["UserId"] < 0')),  # a raise counts, an elif is quoted as such
        (7, None),  # an else: its condition is the negation of others
        (9, None),  # inside a loop
        (10, None),  # the function's own body
        (2, None),  # not a return
    ],
)
def test_python(line: int, expected: tuple[int, str] | None) -> None:
    assert guard(PYTHON, "python", line) == expected


@pytest.mark.parametrize(
    ("language", "code", "line", "expected"),
    [
        (
            "javascript",
            "function f(r) {\n  if (!r.UserId) return { code: 50001 };\n  return 0;\n}\n",
            2,
            (2, "if (!r.UserId)"),
        ),
        (
            "typescript",
            "export function f(r: any): number {\n  if (r.a === 1) {\n    return {\n      code: 50003,\n    } as any;\n  }\n  return 0;\n}\n",
            4,  # the code's own line, inside a return that spans several
            (2, "if (r.a === 1)"),
        ),
        (
            "java",
            'class S {\n  static int f(int a) {\n    if (a < 0) {\n      throw new IllegalArgumentException("x");\n    }\n    return a;\n  }\n}\n',
            4,
            (3, "if (a < 0)"),
        ),
        (
            "csharp",
            "public static class S {\n  public static int F(int a) {\n    if (a > 100)\n      return 40002;\n    return a;\n  }\n}\n",
            4,
            (3, "if (a > 100)"),
        ),
        (
            "go",
            "package solution\n\nfunc F(a int) int {\n\tif v := a * 2; v > 10 {\n\t\treturn 40002\n\t}\n\treturn a\n}\n",
            5,
            (4, "if v := a * 2; v > 10"),
        ),
    ],
)
def test_each_language(
    language: str, code: str, line: int, expected: tuple[int, str] | None
) -> None:
    assert guard(code, language, line) == expected


def test_a_long_condition_is_not_quoted() -> None:
    condition = " or ".join(f'request.get("Field{i}") is None' for i in range(8))
    code = f"def f(request):\n    if {condition}:\n        return 50001\n    return 0\n"
    assert guard(code, "python", 3) is None


def test_code_that_does_not_parse_gives_nothing() -> None:
    assert guard("def f(:\n    if x:\n        return 1\n", "python", 3) is None


def test_an_answer_is_placed_only_where_one_line_spells_it() -> None:
    source = answer_source(PYTHON + "\nERRORS = [50009, 50009]\n", "python")
    assert source("'code': 50001") == 'from line 3, under `if not request.get("UserId")`'
    assert source("50009") == ""  # spelt on two lines: which one answered is not known
    assert source("50008") == ""  # not under an if
    assert source("True") == ""  # too common to place
    assert source("50404") == ""  # spelt nowhere
