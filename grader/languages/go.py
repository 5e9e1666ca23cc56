"""Go: ``go test`` files, ``solution.go``.

Go has no try/catch. Its error handling is mapped like this (and documented in
``rubrics/rules/README.md``): ``catch`` is an ``if`` whose condition is ``err != nil`` (the
branch that handles a returned error) or a deferred function literal that calls
``recover()``; ``throw`` is a ``panic(...)`` call; ``try`` does not exist.
"""

from __future__ import annotations

import re

from ._entries import receiver
from .spec import LanguageSpec, Layout, Names

_ERR_BRANCH = {
    "has": {
        "field": "condition",
        "stop_by": "neighbor",
        "regex": r"^\(?\s*(\w*[eE]rr\w*\s*!=\s*nil|nil\s*!=\s*\w*[eE]rr\w*)\s*\)?$",
    }
}
_DEFERRED_RECOVER = {
    "inside": {
        "kind": "call_expression",
        "field": "function",
        "stop_by": "neighbor",
        "inside": {"kind": "defer_statement", "stop_by": "neighbor"},
    },
    "has": {"kind": "call_expression", "regex": r"^recover\s*\(\s*\)$", "stop_by": "function"},
}
_PANIC = (
    "call_expression",
    {"has": {"field": "function", "stop_by": "neighbor", "regex": "^panic$"}},
)


def _scaffold(names: Names) -> Layout:
    fn = names.pascal
    return Layout(
        fn,
        "reference.go",
        f"{names.snake}_test.go",
        f"package solution\n\nfunc {fn}(value int) int {{\n\t// TODO: the correct solution\n\treturn value\n}}\n",
        f"// Hidden tests for tasks/{names.task}/go.yaml. The code under test is solution.go.\n"
        'package solution\n\nimport "testing"\n\n'
        f"func TestExample(t *testing.T) {{\n\tif got := {fn}(1); got != 1 {{\n"
        '\t\tt.Errorf("got %d, want 1", got)\n\t}\n}\n',
    )


SPEC = LanguageSpec(
    name="go",
    display="Go",
    extensions=("go",),
    fence_tags=frozenset({"go", "golang"}),
    grammar="tree_sitter_go:language",
    runner="grader.sandbox.runners.go:GoRunner",
    default_solution="solution.go",
    test_names=re.compile(r"^func (Test\w+)\s*\(\s*\w+\s+\*testing\.T\)", re.M),
    scaffold=_scaffold,
    concepts={
        "if": ["if_statement"],
        "catch": [("if_statement", _ERR_BRANCH), ("func_literal", _DEFERRED_RECOVER)],
        "catch-all": [("func_literal", _DEFERRED_RECOVER)],
        "function": ["function_declaration", "method_declaration", "func_literal"],
        "return": ["return_statement"],
        "throw": [_PANIC],
        "exit": ["return_statement", _PANIC],
        "call": ["call_expression"],
        "integer": ["int_literal"],
        "string": ["interpreted_string_literal", "raw_string_literal"],
        "string-content": ["interpreted_string_literal_content", "raw_string_literal_content"],
        "comparison": ["binary_expression"],
        "assignment": ["assignment_statement"],
        "identifier": ["identifier", "field_identifier"],
        "member": ["selector_expression", "index_expression"],
        "collection": ["literal_value"],
        "receiver": [receiver("identifier", "selector_expression", "operand", "call_expression")],
        "module": ["source_file"],
    },
    definitions={
        "short_var_declaration": (("left",), ("right",)),
        "assignment_statement": (("left",), ("right",)),
        "var_spec": (("name",), ("value",)),
        "const_spec": (("name",), ("value",)),
        "range_clause": (("left",), ("right",)),
    },
    member_entries={},
)
