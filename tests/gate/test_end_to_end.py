"""Real runs: ``grade run --replay`` on the reference task, then ``grade gate`` on them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from click.testing import CliRunner

from grader import sandbox
from grader.cli import grade

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "tasks" / "user-flags" / "python.yaml"
SOLUTIONS = REPO / "tasks" / "user-flags" / "python"
SCHEMAS = Path(__file__).parent / "schemas"

pytestmark = pytest.mark.slow


def _replay_run(tmp: Path, name: str, solution: str) -> Path:
    code = (SOLUTIONS / solution).read_text(encoding="utf-8")
    replay = tmp / f"{name}.jsonl"
    line = {
        "task": "user-flags/python",
        "model": "replayed",
        "completion": f"Here it is:\n\n```python\n{code}\n```\n",
    }
    replay.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = tmp / name
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "grader.cli",
            "run",
            str(SPEC),
            "--replay",
            str(replay),
            "--out",
            str(out),
            "--no-self-check",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (out / "results.jsonl").stat().st_size > 0, done.stderr
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    usable, reason = sandbox.sandbox_status()
    if not usable:
        pytest.skip(f"no sandbox: {reason}")
    tmp = tmp_path_factory.mktemp("replay")
    return _replay_run(tmp, "reference", "reference.py"), _replay_run(tmp, "seed", "wrong-seed.py")


def test_the_seed_mistakes_regress_against_the_reference(
    runs: tuple[Path, Path], tmp_path: Path
) -> None:
    reference, seed = runs
    junit, sarif = tmp_path / "gate.xml", tmp_path / "gate.sarif"
    result = CliRunner().invoke(
        grade,
        [
            "gate",
            str(seed),
            "--baseline",
            str(reference),
            "--junit",
            str(junit),
            "--sarif",
            str(sarif),
        ],
    )
    assert result.exit_code == 1, result.output
    assert (
        "REGRESSION: user-flags/python [replayed]: passed in the baseline, fails now"
        in result.stdout
    )
    assert "requirement parameter-validation newly unmet" in result.stdout
    assert "requirement flag-code-not-in-catch newly unmet" in result.stdout
    xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd").validate(str(junit))
    log = json.loads(sarif.read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    rules = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert "validation-code-in-catch" in rules  # 50003 returned from the catch, on its line


def test_a_real_run_against_itself_and_its_baseline_passes(
    runs: tuple[Path, Path], tmp_path: Path
) -> None:
    reference, seed = runs
    assert (
        CliRunner().invoke(grade, ["gate", str(reference), "--baseline", str(reference)]).exit_code
        == 0
    )
    baseline = tmp_path / "baseline.json"
    assert (
        CliRunner().invoke(grade, ["baseline", "save", str(reference), str(baseline)]).exit_code
        == 0
    )
    assert (
        CliRunner().invoke(grade, ["gate", str(reference), "--baseline", str(baseline)]).exit_code
        == 0
    )
    assert (
        CliRunner().invoke(grade, ["gate", str(seed), "--baseline", str(baseline)]).exit_code == 1
    )
