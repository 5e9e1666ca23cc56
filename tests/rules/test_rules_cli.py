"""``grade rules test|check|list|schema`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rule_helpers import FIXTURES

from grader.cli.rules import rules_group
from grader.rules import clear_cache


@pytest.fixture(autouse=True)
def _fresh_rule_cache():  # type: ignore[no-untyped-def]
    clear_cache()
    yield
    clear_cache()


def test_rules_test_passes_on_the_repo_rules() -> None:
    result = CliRunner().invoke(rules_group, ["test"])
    assert result.exit_code == 0, result.output
    assert "PASS validation-code-in-catch" in result.output
    assert "9/9 rules passed" in result.output or "rules passed" in result.output


def test_rules_test_exits_1_on_a_failing_case(tmp_path: Path) -> None:
    (tmp_path / "no-print.yml").write_text(
        "id: no-print\nmessage: m\nrule: {concept: call, name: print}\n"
    )
    (tmp_path / "no-print-test.yml").write_text(
        "id: no-print\nvalid: [{language: python, code: 'print(1)'}]\n"
    )
    result = CliRunner().invoke(rules_group, ["test", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        "FAIL no-print" in result.output and "expected no findings, got lines [1]" in result.output
    )


def test_rules_check_prints_findings_and_exits_1() -> None:
    result = CliRunner().invoke(
        rules_group,
        [
            "check",
            str(FIXTURES / "catch-50003.go"),
            "-r",
            "validation-code-in-catch",
            "-w",
            "codes=[50003]",
            "-w",
            "repo_calls=[Find, Save]",
        ],
    )
    assert result.exit_code == 1, result.output
    assert "catch-50003.go:27:" in result.output and "50003" in result.output


def test_rules_check_json_and_a_passing_file() -> None:
    result = CliRunner().invoke(
        rules_group,
        [
            "check",
            str(FIXTURES / "correct.py"),
            "-r",
            "validation-branch",
            "-w",
            "code=50002",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    (check,) = json.loads(result.output)
    assert check["rule"] == "validation-branch" and check["passed"] is True


def test_rules_check_bad_input_is_a_grader_error() -> None:
    result = CliRunner().invoke(
        rules_group, ["check", str(FIXTURES / "correct.py"), "-r", "x", "-w", "novalue"]
    )
    assert result.exit_code != 0
    assert "KEY=VALUE" in str(result.exception)


def test_rules_list_and_schema(tmp_path: Path) -> None:
    listed = CliRunner().invoke(rules_group, ["list"])
    assert listed.exit_code == 0 and "flag-check" in listed.output
    out = tmp_path / "schema.json"
    written = CliRunner().invoke(rules_group, ["schema", "--out", str(out)])
    assert written.exit_code == 0
    assert json.loads(out.read_text())["title"] == "RuleSpec"


def test_every_rules_command_has_help() -> None:
    for name, command in rules_group.commands.items():
        assert command.help, name


def test_rules_group_registers_with_grade() -> None:
    import click

    from grader.cli.rules import register

    grade = click.Group("grade")
    register(grade)
    assert "rules" in grade.commands


def test_grade_rules_input_errors_exit_2() -> None:
    try:
        from grader.cli import grade
    except ImportError as error:  # another group failing to import is not this test's business
        pytest.skip(f"grade CLI not importable: {error}")
    result = CliRunner().invoke(
        grade, ["rules", "check", str(FIXTURES / "correct.py"), "-r", "nope"]
    )
    assert result.exit_code == 2
    assert "rule not found: 'nope'" in result.output
