"""The CI example in examples/ci/ stays consistent with the repo."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from grader.gate import load_snapshot

REPO = Path(__file__).resolve().parents[2]
CI = REPO / "examples" / "ci"


def test_the_committed_baseline_loads_and_covers_the_replay() -> None:
    baseline = load_snapshot(CI / "baseline.json")
    assert {e.task for e in baseline.entries} == {"user-flags/python", "user-flags/javascript"}
    assert all(e.passes == e.samples for e in baseline.entries)
    for name in ("replay.jsonl", "replay-seed-mistakes.jsonl"):
        lines = [json.loads(line) for line in (CI / name).read_text(encoding="utf-8").splitlines()]
        assert {line["task"] for line in lines} == {e.task for e in baseline.entries}
        assert all("```" in line["completion"] for line in lines)


def test_the_workflow_uses_files_that_exist() -> None:
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["gate"]["steps"]
    script = "\n".join(step.get("run", "") for step in steps)
    assert "grade gate reports/runs/ci --baseline examples/ci/baseline.json" in script
    for path in set(
        re.findall(r"(?:tasks|examples|gates)/[\w./-]+\.(?:yaml|jsonl|json)\b", script)
    ):
        assert (REPO / path).is_file(), path
