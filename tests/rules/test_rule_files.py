"""Every rule's own test file passes; every rule has one; the schema matches the model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from grader import rules
from grader.rules import RULES_DIR, find_test_files, run_test_file

TEST_FILES = find_test_files()
RULE_FILES = sorted(p for p in RULES_DIR.glob("*.yml") if not p.name.endswith("-test.yml"))


def test_the_reference_rules_and_their_tests_exist() -> None:
    ids = {p.stem for p in RULE_FILES}
    needed = {
        "validation-branch",
        "flag-check",
        "validation-code-in-catch",
        "update-in-try",
        "catch-returns-code",
        "not-found-branch",
        "flag-assigned-unchecked",
        "catch-all-swallow",
        "hardcoded-repo-data",
    }
    assert needed <= ids
    assert {p.name.removesuffix("-test.yml") for p in TEST_FILES} >= needed


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda p: p.name)
def test_rule_test_file_passes(path: Path) -> None:
    report = run_test_file(path)
    problems = [f"{c.name}: {c.problem}" for c in report.failures]
    assert report.error is None, report.error
    assert report.cases, f"{path.name} has no cases"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_every_rule_is_tested_both_ways_in_every_language(path: Path) -> None:
    spec = rules.load_rule_file(path).spec
    test_file = path.with_name(f"{spec.id}-test.yml")
    assert test_file.is_file(), f"{test_file.name} is missing"
    tests = rules.RuleTestFile.model_validate(yaml.safe_load(test_file.read_text()))
    for language in spec.languages:
        assert any(c.language == language for c in tests.valid), f"no valid {language} case"
        assert any(c.language == language for c in tests.invalid), f"no invalid {language} case"
    for case in tests.invalid:
        assert case.lines, f"{spec.id}: invalid {case.language} case states no lines"


def test_schema_file_is_current_and_validates_every_rule() -> None:
    on_disk = json.loads((RULES_DIR / "schema.json").read_text())
    assert on_disk == rules.rule_schema(), (
        "run `grade rules schema` to refresh rubrics/rules/schema.json"
    )
    for path in RULE_FILES:
        jsonschema.validate(yaml.safe_load(path.read_text()), on_disk)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "message": "m", "rule": {"insde": {}}}, on_disk)


def test_a_wrong_expectation_fails_the_rule_test(tmp_path: Path) -> None:
    (tmp_path / "no-print.yml").write_text(
        "id: no-print\nmessage: print at line {line}\nlanguages: [python]\n"
        "rule: {concept: call, name: print}\n"
    )
    (tmp_path / "no-print-test.yml").write_text(
        "id: no-print\n"
        "valid: [{language: python, code: 'x = 1'}]\n"
        "invalid:\n"
        '  - {language: python, code: "x = 1\\nprint(x)\\n", lines: [1]}\n'  # really line 2
        "  - {language: python, code: 'x = (', lines: [1]}\n"  # does not parse
    )
    report = run_test_file(tmp_path / "no-print-test.yml")
    assert not report.ok
    problems = [c.problem for c in report.failures]
    assert any("expected findings on lines [1], got [2]" in p for p in problems)
    assert any("does not parse" in p for p in problems)
    assert report.cases[0].ok  # the valid case
