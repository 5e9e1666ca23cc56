"""TypeScript: transpiled to JavaScript in the sandbox; ``node:test`` test files, ``solution.ts``."""

from __future__ import annotations

from . import javascript
from .spec import LanguageSpec, Layout, Names


def _scaffold(names: Names) -> Layout:
    fn = names.camel
    reference = f"export function {fn}(value: number): number {{\n  // TODO: the correct solution\n  return value;\n}}\n"
    return Layout(
        fn,
        "reference.ts",
        f"{names.task}.test.js",
        reference,
        javascript.node_test(names, "typescript"),
    )


SPEC = LanguageSpec(
    name="typescript",
    display="TypeScript",
    extensions=("ts",),
    fence_tags=frozenset({"typescript", "ts", "tsx"}),
    grammar="tree_sitter_typescript:language_typescript",
    runner="grader.sandbox.runners.javascript:TypeScriptRunner",
    default_solution="solution.ts",
    test_names=javascript.TEST_NAMES,
    scaffold=_scaffold,
    concepts={
        **javascript.CONCEPTS,
        "function": [*javascript.CONCEPTS["function"], "function_signature"],
        "identifier": [*javascript.CONCEPTS["identifier"], "type_identifier"],
    },
    definitions={
        "variable_declarator": (("name",), ("value",)),
        "assignment_expression": (("left",), ("right",)),
        "for_in_statement": (("left",), ("right",)),
        "enum_assignment": (("name",), ("value",)),
    },
    member_entries={"pair": ("key", "value")},
)
