"""Static rules: a tree-sitter rule engine that reads code like a reviewer.

Rules are data (``rubrics/rules/<id>.yml``); language-neutral concepts map onto each
grammar's node types in one table (``grader.rules.CONCEPTS``). This package never runs
the code it reads.
"""

from ._concepts import CONCEPTS, concept_names
from ._engine import SYNTAX_ERROR, check_code, entry_function, format_message, rule_exists
from ._guards import guard
from ._loader import RULES_DIR, LoadedRule, clear_cache, load_rule, load_rule_file, rule_ids
from ._model import Fragment, Matcher, RuleError, RuleSpec, RuleTestCase, RuleTestFile, Variant
from ._schema import rule_schema, write_schema
from ._testing import CaseResult, RuleTestReport, find_test_files, run_rule_tests, run_test_file
from ._tree import node_text, parse_tree, walk

__all__ = [
    "CONCEPTS",
    "RULES_DIR",
    "SYNTAX_ERROR",
    "CaseResult",
    "Fragment",
    "LoadedRule",
    "Matcher",
    "RuleError",
    "RuleSpec",
    "RuleTestCase",
    "RuleTestFile",
    "RuleTestReport",
    "Variant",
    "check_code",
    "clear_cache",
    "concept_names",
    "entry_function",
    "find_test_files",
    "format_message",
    "guard",
    "load_rule",
    "load_rule_file",
    "node_text",
    "parse_tree",
    "walk",
    "rule_exists",
    "rule_ids",
    "rule_schema",
    "run_rule_tests",
    "run_test_file",
    "write_schema",
]
