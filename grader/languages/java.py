"""Java: JUnit 5 ``*Test.java`` classes, the task's class file (default ``Solution.java``)."""

from __future__ import annotations

import re

from ._entries import param
from .spec import LanguageSpec, Layout, Names, ToolchainLimit

_CATCH_ALL = {
    "has": {
        "kind": "catch_formal_parameter",
        "stop_by": "neighbor",
        "has": {
            "kind": "catch_type",
            "stop_by": "neighbor",
            "regex": r"^(java\.lang\.)?(Exception|Throwable)$",
        },
    }
}


def _scaffold(names: Names) -> Layout:
    cls, fn = names.pascal, names.camel
    return Layout(
        fn,
        "reference.java",
        f"{cls}Test.java",
        f"public class {cls} {{\n\n    public static int {fn}(int value) {{\n"
        "        // TODO: the correct solution\n        return value;\n    }\n}\n",
        f"// Hidden tests for tasks/{names.task}/java.yaml. The code under test is {cls}.java.\n"
        "import static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
        "import org.junit.jupiter.api.Test;\n\n"
        f"class {cls}Test {{\n\n    @Test\n    void example() {{\n"
        f"        assertEquals(1, {cls}.{fn}(1));\n    }}\n}}\n",
        solution_file=f"{cls}.java",
    )


SPEC = LanguageSpec(
    name="java",
    display="Java",
    extensions=("java",),
    fence_tags=frozenset({"java"}),
    grammar="tree_sitter_java:language",
    runner="grader.sandbox.runners.java:JavaRunner",
    default_solution="Solution.java",
    test_names=re.compile(r"@Test\s+(?:public\s+)?void\s+(\w+)\s*\("),
    scaffold=_scaffold,
    toolchain_limit=ToolchainLimit(
        "javac 17",
        feature=re.compile(
            r"(?:is|are) a preview feature|not supported in -source|--enable-preview"
        ),
    ),
    concepts={
        "if": ["if_statement"],
        "try": ["try_statement", "try_with_resources_statement"],
        "catch": ["catch_clause"],
        "catch-all": [("catch_clause", _CATCH_ALL)],
        "catch-parameter": [param("identifier", "catch_formal_parameter", "name")],
        "function": [
            "method_declaration",
            "constructor_declaration",
            "compact_constructor_declaration",
            "lambda_expression",
        ],
        "return": ["return_statement"],
        "throw": ["throw_statement"],
        "exit": ["return_statement", "throw_statement"],
        "call": ["method_invocation"],
        "integer": [
            "decimal_integer_literal",
            "hex_integer_literal",
            "octal_integer_literal",
            "binary_integer_literal",
        ],
        "string": ["string_literal"],
        "string-content": ["string_fragment"],
        "comparison": ["binary_expression", "instanceof_expression"],
        "assignment": ["assignment_expression"],
        "identifier": ["identifier"],
        "member": ["field_access", "array_access"],
        "collection": [
            "array_initializer",
            (
                "method_invocation",
                {
                    "has": {
                        "field": "name",
                        "stop_by": "neighbor",
                        "regex": r"^(of|ofEntries|asList)$",
                    }
                },
            ),
        ],
        "receiver": [
            (
                "identifier",
                {"inside": {"kind": "method_invocation", "field": "object", "stop_by": "neighbor"}},
            )
        ],
        "module": ["program"],
    },
    definitions={
        "variable_declarator": (("name",), ("value",)),
        "assignment_expression": (("left",), ("right",)),
        "enhanced_for_statement": (("name",), ("value",)),
    },
    member_entries={"enum_constant": ("name", "arguments")},
)
