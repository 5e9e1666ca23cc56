"""JUnit XML, SARIF 2.1.0 and Markdown, validated against vendored schemas (no network)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from gate_runs import TASK, MakeRun, bad, good

from grader.gate import (
    GateConfig,
    compare_runs,
    load_snapshot,
    render_markdown,
    write_junit,
    write_sarif,
)
from grader.gate._sarif import build_sarif, sample_uri
from grader.types import Finding

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd")


def regression(make_run: MakeRun):
    base = load_snapshot(
        make_run("base", [good(), good(task="other/python"), bad(task="known/python")])
    )
    now = load_snapshot(
        make_run("now", [bad(), good(task="other/python"), bad(task="known/python")])
    )
    return compare_runs(now, base, GateConfig()), now


def test_junit_validates_and_carries_notes_on_failures(
    make_run: MakeRun, junit_schema, tmp_path: Path
) -> None:
    verdict, _ = regression(make_run)
    path = write_junit(verdict, tmp_path / "gate.xml")
    junit_schema.validate(str(path))
    root = ET.parse(path).getroot()
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    task = cases[(TASK, "task")].find("failure")
    assert task is not None and "passed in the baseline, fails now" in task.get("message", "")
    requirement = cases[(TASK, "requirement parameter-validation")].find("failure")
    assert requirement is not None and "Didn't include any parameter validation" in (
        requirement.text or ""
    )
    assert cases[("other/python", "task")].find("failure") is None
    assert cases[("other/python", "task")].find("skipped") is None
    known = cases[("known/python", "task")].find(
        "skipped"
    )  # failing before and now: not a regression
    assert known is not None and "known failure" in known.get("message", "")
    assert root.get("failures") == str(
        sum(1 for c in root.iter("testcase") if c.find("failure") is not None)
    )


def test_junit_survives_control_characters(make_run: MakeRun, junit_schema, tmp_path: Path) -> None:
    base = load_snapshot(make_run("base", [good()]))
    now = load_snapshot(
        make_run("now", [bad(notes=["Output had \x1b[31mcolour\x1b[0m and \x00 bytes."])])
    )
    path = write_junit(compare_runs(now, base, GateConfig()), tmp_path / "gate.xml")
    junit_schema.validate(str(path))


def test_a_broken_junit_file_fails_the_schema(junit_schema, tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text('<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>')
    assert not junit_schema.is_valid(str(path))  # the schema really checks something


def test_sarif_validates_and_points_at_lines(
    make_run: MakeRun, sarif_validator, tmp_path: Path
) -> None:
    _, now = regression(make_run)
    path = write_sarif(now.results, tmp_path / "findings.sarif")
    log = json.loads(path.read_text(encoding="utf-8"))
    sarif_validator.validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules)) and "validation-code-in-catch" in rules
    result = next(
        r
        for r in run["results"]
        if r["ruleId"] == "validation-code-in-catch" and r["properties"]["task"] == TASK
    )
    assert rules[result["ruleIndex"]] == "validation-code-in-catch" and result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == f"graded/{TASK}/model-a/sample-0.py"
    assert location["region"] == {
        "startLine": 7,
        "startColumn": 26,
        "endLine": 7,
        "endColumn": 31,
        "snippet": {"text": "        return {'code': 50003, 'message': 'bad flag'}"},
    }
    artifact = run["artifacts"][location["artifactLocation"]["index"]]
    assert "50003" in artifact["contents"]["text"]
    warning = next(r for r in run["results"] if r["ruleId"] == "flag-assigned-unchecked")
    assert warning["level"] == "warning"
    # three findings in each of the two bad samples (the task and the known failure)
    assert len(run["results"]) == 6


def test_sarif_rejects_what_the_schema_forbids(sarif_validator) -> None:
    log = build_sarif([bad()])
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not sarif_validator.is_valid(log)


def test_sarif_regions_stay_valid_for_odd_findings(sarif_validator) -> None:
    odd = Finding(rule="syntax", severity="info", line=3, column=4, message="x")  # no end
    uri_model = bad(model="openai:http://host/v1#qwen coder", findings=[odd])
    log = build_sarif([uri_model])
    sarif_validator.validate(log)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["endLine"] == 3 and region["endColumn"] > region["startColumn"]
    assert log["runs"][0]["results"][0]["level"] == "note"
    assert sample_uri(uri_model) == f"graded/{TASK}/openai-http-host-v1-qwen-coder/sample-0.py"


def test_markdown_names_what_regressed(make_run: MakeRun) -> None:
    verdict, _ = regression(make_run)
    text = render_markdown(verdict)
    assert text.startswith("### ❌ grader gate:")
    assert f"| {TASK} | model-a | 1/1 | 0/1 | 100.0 | 40.0 | ❌ regressed |" in text
    assert "requirement parameter-validation newly unmet" in text
    assert "| other/python | model-a | 1/1 | 1/1 | 100.0 | 100.0 | ✅ ok |" in text
    same = load_snapshot(make_run("same", [good()]))
    assert render_markdown(compare_runs(same, same, GateConfig())).startswith(
        "### ✅ grader gate: nothing regressed"
    )
