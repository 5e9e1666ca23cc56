"""``grade gate`` and ``grade baseline save`` through click, on run directories the store wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from gate_runs import TASK, MakeRun, bad, good

from grader.cli import grade
from grader.gate import GateConfig, load_config
from grader.gate._config import DEFAULT_GATE_FILE


def invoke(*args: str):
    return CliRunner().invoke(grade, [str(a) for a in args])


def test_mistakes_against_correct_solutions_exit_1_naming_task_and_requirement(
    make_run: MakeRun,
) -> None:
    base, now = make_run("base", [good()]), make_run("now", [bad()])
    result = invoke("gate", now, "--baseline", base)
    assert result.exit_code == 1, result.output
    assert (
        f"REGRESSION: {TASK} [model-a]: requirement parameter-validation newly unmet"
        in result.stdout
    )
    assert "requirement flag-code-not-in-catch newly unmet" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("gate FAILED")


def test_a_run_against_itself_exits_0(make_run: MakeRun) -> None:
    run = make_run("run", [good(), bad(task="other/python")])
    result = invoke("gate", run, "--baseline", run)
    assert result.exit_code == 0, result.output
    assert "gate passed: 2 task(s) compared, nothing regressed" in result.stdout


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_saved_baseline_gates_like_its_run(
    make_run: MakeRun, tmp_path: Path, suffix: str
) -> None:
    base = make_run("base", [good(sample=0), good(sample=1)])
    file = tmp_path / f"baseline{suffix}"
    saved = invoke("baseline", "save", base, file)
    assert saved.exit_code == 0, saved.output
    raw = json.loads(file.read_text()) if suffix == ".json" else yaml.safe_load(file.read_text())
    entry = raw["entries"][0]
    assert (raw["format"], entry["task"], entry["model"], entry["samples"], entry["passes"]) == (
        "grader-baseline",
        TASK,
        "model-a",
        2,
        2,
    )
    assert raw["tasks"][0]["version"] == "v1" and raw["models"][0]["name"] == "model-a"
    assert {r["id"]: r["met"] for r in entry["requirements"]} == {
        "parameter-validation": 2,
        "flag-code-not-in-catch": 2,
    }
    assert file.stat().st_size < 4000  # small enough to commit
    assert invoke("gate", base, "--baseline", file).exit_code == 0
    worse = invoke("gate", make_run("now", [bad(sample=0), bad(sample=1)]), "--baseline", file)
    assert worse.exit_code == 1 and "pass rate fell from 2/2 to 0/2" in worse.stdout


def test_outputs_are_written(make_run: MakeRun, tmp_path: Path) -> None:
    base, now = make_run("base", [good()]), make_run("now", [bad()])
    out = tmp_path / "out"
    result = invoke(
        "gate",
        now,
        "--baseline",
        base,
        "--junit",
        out / "gate.xml",
        "--sarif",
        out / "gate.sarif",
        "--markdown",
        out / "gate.md",
    )
    assert result.exit_code == 1
    assert (out / "gate.xml").read_text().startswith("<?xml")
    assert json.loads((out / "gate.sarif").read_text())["version"] == "2.1.0"
    assert "❌" in (out / "gate.md").read_text()


def _one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_bad_input_exits_2_with_one_line(make_run: MakeRun, tmp_path: Path) -> None:
    run = make_run("run", [good()])
    line = _one_line_error(invoke("gate", tmp_path / "nowhere", "--baseline", run))
    assert line == f"error: {tmp_path / 'nowhere'}: not a run directory"

    broken = tmp_path / "broken.json"
    broken.write_text(
        json.dumps({"format": "grader-baseline", "entries": [{"task": TASK, "samples": 1}]})
    )
    line = _one_line_error(invoke("gate", run, "--baseline", broken))
    assert str(broken) in line and "entries.0.model" in line

    not_json = tmp_path / "notes.json"
    not_json.write_text("{oops")
    assert "invalid JSON at line 1" in _one_line_error(invoke("gate", run, "--baseline", not_json))

    other = tmp_path / "other.json"
    other.write_text("{}")
    assert "format: not a grader baseline" in _one_line_error(
        invoke("gate", run, "--baseline", other)
    )

    config = tmp_path / "gate.yaml"
    config.write_text("pass_rate:\n  confidence: 2\n")
    line = _one_line_error(invoke("gate", run, "--baseline", run, "--config", config))
    assert str(config) in line and "pass_rate.confidence" in line

    config.write_text("new_notes:\n  severity: loud\n")
    assert "new_notes.severity" in _one_line_error(
        invoke("gate", run, "--baseline", run, "--config", config)
    )

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "run.json").write_text("{}")
    assert "no sample results" in _one_line_error(invoke("gate", empty, "--baseline", run))

    assert "not a run directory" in _one_line_error(
        invoke("baseline", "save", tmp_path / "nowhere", tmp_path / "b.json")
    )


def test_the_gate_file_in_the_repo_matches_the_defaults() -> None:
    assert DEFAULT_GATE_FILE.is_file()
    assert load_config(DEFAULT_GATE_FILE) == GateConfig()
    assert load_config() == GateConfig()


def test_a_stricter_gate_file_turns_warnings_into_failures(
    make_run: MakeRun, tmp_path: Path
) -> None:
    base = make_run("base", [good(), good(task="gone/python")])
    now = make_run("now", [good()])
    assert invoke("gate", now, "--baseline", base).exit_code == 0
    strict = tmp_path / "strict.yaml"
    strict.write_text("mismatch:\n  missing_task: fail\n")
    result = invoke("gate", now, "--baseline", base, "--config", strict)
    assert (
        result.exit_code == 1
        and "REGRESSION: gone/python [model-a]: in the baseline but not in this run"
        in result.stdout
    )


def test_commands_have_help() -> None:
    for args in (["gate", "--help"], ["baseline", "--help"], ["baseline", "save", "--help"]):
        result = invoke(*args)
        assert result.exit_code == 0 and "Usage:" in result.output
    assert "regressed" in invoke("gate", "--help").output
