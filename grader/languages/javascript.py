"""JavaScript: ``node:test`` test files (CommonJS), ``solution.js``."""

from __future__ import annotations

import re

from ._entries import param, receiver
from .spec import Entry, LanguageSpec, Layout, Names

# Shared with TypeScript, which transpiles to JavaScript and runs the same tests.
TEST_NAMES = re.compile(r"""\btest\(\s*(['"`])(.+?)\1""", re.S)

CONCEPTS: dict[str, list[Entry]] = {
    # a branch: its code sits in a consequence/alternative/body field
    "if": ["if_statement", "else_clause", "switch_case", "ternary_expression"],
    "try": ["try_statement"],
    "catch": ["catch_clause"],
    "catch-all": ["catch_clause"],
    "catch-parameter": [param("identifier", "catch_clause", "parameter")],
    "function": [
        "function_declaration",
        "function_expression",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
    ],
    "return": ["return_statement"],
    "throw": ["throw_statement"],
    "exit": ["return_statement", "throw_statement"],
    "call": ["call_expression"],
    "integer": ["number"],
    "string": ["string", "template_string"],
    "string-content": ["string_fragment"],
    "comparison": ["binary_expression"],
    "assignment": ["assignment_expression", "augmented_assignment_expression"],
    "identifier": [
        "identifier",
        "property_identifier",
        "shorthand_property_identifier",
        "shorthand_property_identifier_pattern",
    ],
    "member": ["member_expression", "subscript_expression"],
    "collection": ["object", "array"],
    "receiver": [receiver("identifier", "member_expression", "object", "call_expression")],
    "module": ["program"],
}


def node_test(names: Names, language: str) -> str:
    """The starter ``node:test`` file, for JavaScript and TypeScript alike."""
    fn = names.camel
    return (
        f"// Hidden tests for tasks/{names.task}/{language}.yaml. The code under test is solution.js.\n"
        "const { test } = require('node:test');\n"
        "const assert = require('node:assert/strict');\n"
        f"const {{ {fn} }} = require('./solution.js');\n\n"
        f"test('example', async () => {{\n  assert.equal(await {fn}(1), 1);\n}});\n"
    )


def _scaffold(names: Names) -> Layout:
    fn = names.camel
    reference = f"function {fn}(value) {{\n  // TODO: the correct solution\n  return value;\n}}\n\nmodule.exports = {{ {fn} }};\n"
    return Layout(
        fn, "reference.js", f"{names.task}.test.js", reference, node_test(names, "javascript")
    )


SPEC = LanguageSpec(
    name="javascript",
    display="JavaScript",
    extensions=("js", "mjs", "cjs"),
    fence_tags=frozenset({"javascript", "js", "node", "jsx", "mjs"}),
    grammar="tree_sitter_javascript:language",
    runner="grader.sandbox.runners.javascript:JavaScriptRunner",
    default_solution="solution.js",
    test_names=TEST_NAMES,
    scaffold=_scaffold,
    concepts=CONCEPTS,
    definitions={
        "variable_declarator": (("name",), ("value",)),
        "assignment_expression": (("left",), ("right",)),
        "for_in_statement": (("left",), ("right",)),
    },
    member_entries={"pair": ("key", "value")},
)
