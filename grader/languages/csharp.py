"""C#: test classes compiled with mono's ``mcs`` and a small harness, ``Solution.cs``."""

from __future__ import annotations

import re

from ._entries import param, receiver
from .spec import LanguageSpec, Layout, Names, ToolchainLimit

_CATCH_ALL = {
    "all": [
        {"not": {"has": {"kind": "catch_filter_clause", "stop_by": "neighbor"}}},
        {
            "any": [
                {"not": {"has": {"kind": "catch_declaration", "stop_by": "neighbor"}}},
                {
                    "has": {
                        "kind": "catch_declaration",
                        "stop_by": "neighbor",
                        "has": {
                            "field": "type",
                            "stop_by": "neighbor",
                            "regex": r"^(System\.)?Exception$",
                        },
                    }
                },
            ]
        },
    ]
}


def _scaffold(names: Names) -> Layout:
    cls = names.pascal
    return Layout(
        cls,
        "reference.cs",
        f"{cls}Tests.cs",
        f"public static class {cls}Service\n{{\n    public static int {cls}(int value)\n    {{\n"
        "        // TODO: the correct solution\n        return value;\n    }\n}\n",
        f"// Hidden tests for tasks/{names.task}/csharp.yaml. The code under test is Solution.cs.\n"
        f"public class {cls}Tests\n{{\n    public static void TestExample()\n    {{\n"
        f"        Assert.Equal(1, {cls}Service.{cls}(1));\n    }}\n}}\n",
    )


SPEC = LanguageSpec(
    name="csharp",
    display="C#",
    extensions=("cs",),
    fence_tags=frozenset({"csharp", "cs", "c#"}),
    grammar="tree_sitter_c_sharp:language",
    runner="grader.sandbox.runners.csharp:CSharpRunner",
    default_solution="Solution.cs",
    test_names=re.compile(r"public\s+static\s+void\s+(Test\w*)\s*\("),
    scaffold=_scaffold,
    toolchain_limit=ToolchainLimit(
        "mono's mcs, which stops at C# 7",
        feature=re.compile(r"error CS(?:1644|8107|8652)\b"),
        syntax=re.compile(r"error CS(?:1525|1519|1002|1003|1513|1514|1026|1031|1041|1001|8025)\b"),
    ),
    concepts={
        "if": ["if_statement"],
        "try": ["try_statement"],
        "catch": ["catch_clause"],
        "catch-all": [("catch_clause", _CATCH_ALL)],
        "catch-parameter": [param("identifier", "catch_declaration", "name")],
        "function": [
            "method_declaration",
            "constructor_declaration",
            "local_function_statement",
            "lambda_expression",
            "anonymous_method_expression",
        ],
        "return": ["return_statement"],
        "throw": ["throw_statement", "throw_expression"],
        "exit": ["return_statement", "throw_statement", "throw_expression"],
        "call": ["invocation_expression"],
        "integer": ["integer_literal"],
        "string": [
            "string_literal",
            "verbatim_string_literal",
            "raw_string_literal",
            "interpolated_string_expression",
        ],
        "string-content": ["string_literal_content"],
        "comparison": ["binary_expression", "is_pattern_expression", "is_expression"],
        "assignment": ["assignment_expression"],
        "identifier": ["identifier"],
        "member": ["member_access_expression", "element_access_expression"],
        "collection": [
            "initializer_expression",
            "anonymous_object_creation_expression",
            "collection_expression",
        ],
        "receiver": [
            receiver(
                "identifier", "member_access_expression", "expression", "invocation_expression"
            )
        ],
        "module": ["compilation_unit"],
    },
    definitions={
        "variable_declarator": (("name",), None),
        "assignment_expression": (("left",), ("right",)),
        "foreach_statement": (("left",), ("right",)),
        "enum_member_declaration": (("name",), ("value",)),
        # ``TryGetValue(key, out value)``: an ``out`` argument is defined by the whole call.
        "invocation_expression": ((), None),
    },
    member_entries={},
)
