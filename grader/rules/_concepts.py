"""The one table that maps language-neutral concepts onto each grammar's node types.

Each concept maps, per language, to a list of entries: a node type, or a node type with a
``where`` refinement written in the rule language itself (so ``catch`` in Go can mean "an
``if err != nil`` branch" or "a deferred ``recover()`` function"). A concept with no entry
for a language does not exist there; rules that need it are "not applicable".

Go has no try/catch. Its error handling is mapped like this (and documented in
``rubrics/rules/README.md``): ``catch`` is an ``if`` whose condition is ``err != nil`` (the
branch that handles a returned error) or a deferred function literal that calls
``recover()``; ``throw`` is a ``panic(...)`` call; ``try`` does not exist.
"""

from __future__ import annotations

from typing import Any

Entry = str | tuple[str, dict[str, Any]]

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
_PY_CATCH_ALL = {
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
_JAVA_CATCH_ALL = {
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
_CS_CATCH_ALL = {
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


def _param(kind: str, parent: str, field: str | None) -> tuple[str, dict[str, Any]]:
    inside: dict[str, Any] = {"kind": parent, "stop_by": "neighbor"}
    if field:
        inside["field"] = field
    return (kind, {"inside": inside})


def _receiver(kind: str, member: str, member_field: str, call: str) -> tuple[str, dict[str, Any]]:
    """An identifier that is the object a method is called on (``repo`` in ``repo.find(x)``)."""
    return (
        kind,
        {
            "inside": {
                "kind": member,
                "field": member_field,
                "stop_by": "neighbor",
                "inside": {"kind": call, "field": "function", "stop_by": "neighbor"},
            }
        },
    )


_JS: dict[str, list[Entry]] = {
    # a branch: its code sits in a consequence/alternative/body field
    "if": ["if_statement", "else_clause", "switch_case", "ternary_expression"],
    "try": ["try_statement"],
    "catch": ["catch_clause"],
    "catch-all": ["catch_clause"],
    "catch-parameter": [_param("identifier", "catch_clause", "parameter")],
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
    "receiver": [_receiver("identifier", "member_expression", "object", "call_expression")],
    "module": ["program"],
}

CONCEPTS: dict[str, dict[str, list[Entry]]] = {
    "python": {
        "if": ["if_statement", "elif_clause", "else_clause", "case_clause"],
        "try": ["try_statement"],
        "catch": ["except_clause"],
        "catch-all": [("except_clause", _PY_CATCH_ALL)],
        "catch-parameter": [_param("identifier", "as_pattern_target", None)],
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
        "receiver": [_receiver("identifier", "attribute", "object", "call")],
        "module": ["module"],
    },
    "javascript": _JS,
    "typescript": {
        **_JS,
        "function": [*_JS["function"], "function_signature"],
        "identifier": [*_JS["identifier"], "type_identifier"],
    },
    "java": {
        "if": ["if_statement"],
        "try": ["try_statement", "try_with_resources_statement"],
        "catch": ["catch_clause"],
        "catch-all": [("catch_clause", _JAVA_CATCH_ALL)],
        "catch-parameter": [_param("identifier", "catch_formal_parameter", "name")],
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
    "csharp": {
        "if": ["if_statement"],
        "try": ["try_statement"],
        "catch": ["catch_clause"],
        "catch-all": [("catch_clause", _CS_CATCH_ALL)],
        "catch-parameter": [_param("identifier", "catch_declaration", "name")],
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
            _receiver(
                "identifier", "member_access_expression", "expression", "invocation_expression"
            )
        ],
        "module": ["compilation_unit"],
    },
    "go": {
        "if": ["if_statement"],
        "catch": [("if_statement", _ERR_BRANCH), ("func_literal", _DEFERRED_RECOVER)],
        "catch-all": [("func_literal", _DEFERRED_RECOVER)],
        "function": ["function_declaration", "method_declaration", "func_literal"],
        "return": ["return_statement"],
        "throw": [
            (
                "call_expression",
                {"has": {"field": "function", "stop_by": "neighbor", "regex": "^panic$"}},
            )
        ],
        "exit": [
            "return_statement",
            (
                "call_expression",
                {"has": {"field": "function", "stop_by": "neighbor", "regex": "^panic$"}},
            ),
        ],
        "call": ["call_expression"],
        "integer": ["int_literal"],
        "string": ["interpreted_string_literal", "raw_string_literal"],
        "string-content": ["interpreted_string_literal_content", "raw_string_literal_content"],
        "comparison": ["binary_expression"],
        "assignment": ["assignment_statement"],
        "identifier": ["identifier", "field_identifier"],
        "member": ["selector_expression", "index_expression"],
        "collection": ["literal_value"],
        "receiver": [_receiver("identifier", "selector_expression", "operand", "call_expression")],
        "module": ["source_file"],
    },
}

# Where a variable gets its value, for ``mentions`` with ``follow`` and for ``defined_as``:
# node type -> (fields holding the names defined, fields holding the value; None: the node).
DEFINITIONS: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]]] = {
    "python": {
        "assignment": (("left",), ("right",)),
        "augmented_assignment": (("left",), ("right",)),
        "for_statement": (("left",), ("right",)),
        "for_in_clause": (("left",), ("right",)),
        "named_expression": (("name",), ("value",)),
    },
    "javascript": {
        "variable_declarator": (("name",), ("value",)),
        "assignment_expression": (("left",), ("right",)),
        "for_in_statement": (("left",), ("right",)),
    },
    "typescript": {
        "variable_declarator": (("name",), ("value",)),
        "assignment_expression": (("left",), ("right",)),
        "for_in_statement": (("left",), ("right",)),
        "enum_assignment": (("name",), ("value",)),
    },
    "java": {
        "variable_declarator": (("name",), ("value",)),
        "assignment_expression": (("left",), ("right",)),
        "enhanced_for_statement": (("name",), ("value",)),
    },
    "csharp": {
        "variable_declarator": (("name",), None),
        "assignment_expression": (("left",), ("right",)),
        "foreach_statement": (("left",), ("right",)),
        "enum_member_declaration": (("name",), ("value",)),
        # ``TryGetValue(key, out value)``: an ``out`` argument is defined by the whole call.
        "invocation_expression": ((), None),
    },
    "go": {
        "short_var_declaration": (("left",), ("right",)),
        "assignment_statement": (("left",), ("right",)),
        "var_spec": (("name",), ("value",)),
        "const_spec": (("name",), ("value",)),
        "range_clause": (("left",), ("right",)),
    },
}

# Members that name a value inside an object, map or enum, as (key field, value field):
# ``Codes = {MISSING_ID: 50001}`` makes ``Codes.MISSING_ID`` read as 50001.
MEMBER_ENTRIES: dict[str, dict[str, tuple[str, str]]] = {
    "javascript": {"pair": ("key", "value")},
    "typescript": {"pair": ("key", "value")},
    "python": {},
    "java": {"enum_constant": ("name", "arguments")},
    "csharp": {},
    "go": {},
}

# Value nodes that only wrap one expression (Go's ``expression_list``), unwrapped when a
# definition's value is compared or matched.
WRAPPERS = frozenset(
    {"expression_list", "literal_element", "parenthesized_expression", "equals_value_clause"}
)


def concept_names() -> list[str]:
    return sorted({name for table in CONCEPTS.values() for name in table})
