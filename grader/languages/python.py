"""Python: pytest test files, ``solution.py``."""

from __future__ import annotations

import re

from ._entries import param, receiver
from .spec import LanguageSpec, Layout, Names

_CATCH_ALL = {
    "any": [
        {"not": {"has": {"field": "value", "stop_by": "neighbor"}}},
        {
            "has": {
                "field": "value",
                "stop_by": "neighbor",
                "regex": r"^\(?\s*(builtins\.)?(Exception|BaseException)\s*\)?(\s+as\s+\w+)?$",
            }
        },
    ]
}


def _scaffold(names: Names) -> Layout:
    fn = names.snake
    return Layout(
        fn,
        "reference.py",
        f"test_{names.snake}.py",
        f"def {fn}(value):\n    # TODO: the correct solution\n    return value\n",
        f'"""Hidden tests for tasks/{names.task}/python.yaml. The code under test is solution.py."""\n\n'
        f"from solution import {fn}\n\n\n"
        f"def test_example():\n    assert {fn}(1) == 1\n",
    )


SPEC = LanguageSpec(
    name="python",
    display="Python",
    extensions=("py",),
    fence_tags=frozenset({"python", "py", "python3"}),
    grammar="tree_sitter_python:language",
    runner="grader.sandbox.runners.python:PythonRunner",
    default_solution="solution.py",
    test_names=re.compile(r"^\s*def (test_\w+)\s*\(", re.M),
    scaffold=_scaffold,
    concepts={
        "if": ["if_statement", "elif_clause", "else_clause", "case_clause"],
        "try": ["try_statement"],
        "catch": ["except_clause"],
        "catch-all": [("except_clause", _CATCH_ALL)],
        "catch-parameter": [param("identifier", "as_pattern_target", None)],
        "function": ["function_definition", "lambda"],
        "return": ["return_statement"],
        "throw": ["raise_statement"],
        "exit": ["return_statement", "raise_statement"],
        "call": ["call"],
        "integer": ["integer"],
        "string": ["string", "concatenated_string"],
        "string-content": ["string_content"],
        "comparison": ["comparison_operator", "boolean_operator"],
        "assignment": ["assignment", "augmented_assignment"],
        "identifier": ["identifier"],
        "member": ["attribute", "subscript"],
        "collection": ["dictionary", "list", "tuple", "set"],
        "receiver": [receiver("identifier", "attribute", "object", "call")],
        "module": ["module"],
    },
    definitions={
        "assignment": (("left",), ("right",)),
        "augmented_assignment": (("left",), ("right",)),
        "for_statement": (("left",), ("right",)),
        "for_in_clause": (("left",), ("right",)),
        "named_expression": (("name",), ("value",)),
    },
    member_entries={},
)
