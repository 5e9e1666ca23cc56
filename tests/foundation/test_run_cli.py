"""`grade check`, `grade run --replay`, `--resume` after SIGKILL, `grade rescore`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import grade
from grader.store import load_run

CONTRACT_KEYS = {"task", "score", "passed", "requirements", "findings", "tests", "notes", "gaming"}


def fenced(path: Path) -> str:
    return f"Here is my solution.\n\n```python\n{path.read_text()}```\n"


def check(spec: Path, code: Path, *extra: str) -> tuple[int, dict]:
    out = CliRunner().invoke(
        grade, ["check", "--task", str(spec), "--code", str(code), "--json", *extra]
    )
    assert out.exception is None or isinstance(out.exception, SystemExit), out.output
    return out.exit_code, json.loads(out.output.strip().splitlines()[-1])


def test_check_json_contract_correct_partial_wrong(
    user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    scores = {}
    for name in ("reference", "partial-no-flag-validation", "wrong-seed"):
        code, verdict = check(user_flags_spec, user_flags_solutions / f"{name}.py")
        assert set(verdict) >= CONTRACT_KEYS
        assert set(verdict["tests"]) >= {"passed", "failed", "errors", "timed_out"}
        for requirement in verdict["requirements"]:
            assert {"id", "met", "evidence"} <= set(requirement) and isinstance(
                requirement["met"], bool
            )
        for finding in verdict["findings"]:
            assert {"rule", "severity", "line", "message"} <= set(finding)
        assert code == (0 if verdict["passed"] else 1)
        scores[name] = verdict
    reference, partial, wrong = (
        scores["reference"],
        scores["partial-no-flag-validation"],
        scores["wrong-seed"],
    )
    assert reference["passed"] and reference["score"] >= 90 and reference["tests"]["failed"] == 0
    assert reference["tests"]["passed"] >= 10
    assert not partial["passed"] and 0 < partial["score"] < reference["score"]
    assert not wrong["passed"] and wrong["score"] < partial["score"]
    assert wrong["tests"]["failed"] > 0
    assert (
        "Didn't include any parameter validation (error codes 50001, 50002, 50003) as required."
        in wrong["notes"]
    )
    assert any("50003 within the try...catch block" in note for note in wrong["notes"])
    assert reference["gaming"] == [] and wrong["gaming"] == []


def test_check_reports_gaming_first_and_fails_the_reference_it_rides_on(
    tmp_path: Path, user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    gamed = tmp_path / "gamed.py"
    gamed.write_text(
        (user_flags_solutions / "reference.py").read_text() + "\nimport os\nos._exit(0)\n"
    )
    code, verdict = check(user_flags_spec, gamed)
    assert code == 1 and not verdict["passed"] and verdict["score"] == 0
    assert [g["strategy"] for g in verdict["gaming"]] == ["process-exit"]
    assert verdict["notes"][0] == verdict["gaming"][0]["message"]
    assert verdict["notes"][0].endswith("an attempt to pass the tests without solving the task.")
    out = CliRunner().invoke(grade, ["check", "--task", str(user_flags_spec), "--code", str(gamed)])
    assert "gaming: process-exit (fails whatever the tests say)" in out.output


def test_check_bad_spec_is_exit_2_one_line(tmp_path: Path, user_flags_solutions: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("id: x\nlanguage: python\n")
    out = CliRunner().invoke(
        grade, ["check", "--task", str(spec), "--code", str(user_flags_solutions / "reference.py")]
    )
    assert out.exit_code == 2
    assert "Traceback" not in out.output and f"{spec}:" in out.output


def reply_line(solution: Path, model: str, **extra: object) -> str:
    """A replay line for user-flags/python whose completion is ``solution`` in a fence."""
    return json.dumps(
        {"task": "user-flags/python", "completion": fenced(solution), "model": model, **extra}
    )


def write_replay(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path


def test_replay_grades_good_lines_and_reports_bad_ones(
    tmp_path: Path, user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    good = reply_line(user_flags_solutions / "reference.py", "lmstudio/x")
    seed = reply_line(user_flags_solutions / "wrong-seed.py", "lmstudio/x")
    no_code = json.dumps(
        {"task": "user-flags/python", "completion": "Sorry, I can't.", "model": "lmstudio/x"}
    )
    replay = write_replay(
        tmp_path / "replay.jsonl",
        [
            good,
            "{not json",
            json.dumps({"task": "no/such-task", "completion": "x"}),
            json.dumps({"completion": "no task"}),
            seed,
            no_code,
        ],
    )
    out = CliRunner().invoke(
        grade,
        ["run", str(user_flags_spec), "--replay", str(replay), "--out", str(tmp_path / "run")],
    )
    assert out.exit_code == 2, out.output
    assert "replay.jsonl: line 2: not valid JSON" in out.output
    assert "replay.jsonl: line 3: unknown task 'no/such-task'" in out.output
    assert "replay.jsonl: line 4: field 'task' is missing" in out.output
    run = load_run(tmp_path / "run")
    by_sample = {r.sample: r for r in run.results}
    assert sorted(by_sample) == [0, 1, 2]
    assert by_sample[0].passed and not by_sample[1].passed
    assert by_sample[2].score == 0 and by_sample[2].notes == ["No code was found in the reply."]
    assert all(r.model == "lmstudio/x" for r in run.results)
    assert {"run.json", "results.jsonl"} <= {p.name for p in (tmp_path / "run").iterdir()}
    assert run.run["tasks"][0]["id"] == "user-flags/python" and run.run["finished_at"]


@pytest.mark.slow
def test_sigkill_halfway_then_resume_each_sample_exactly_once(
    tmp_path: Path, user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    total = 40
    completions = [
        fenced(user_flags_solutions / ("reference.py" if i % 2 else "wrong-seed.py"))
        for i in range(total)
    ]
    replay = write_replay(
        tmp_path / "replay.jsonl",
        [
            json.dumps({"task": "user-flags/python", "completion": c, "sample": i})
            for i, c in enumerate(completions)
        ],
    )
    run_dir = tmp_path / "run"
    grade_bin = [sys.executable, "-m", "grader.cli"]
    proc = subprocess.Popen(
        [*grade_bin, "run", str(user_flags_spec), "--replay", str(replay), "--out", str(run_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    results = run_dir / "results.jsonl"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if results.exists() and results.read_text().count("\n") >= 1:
            break
        if proc.poll() is not None:
            pytest.fail("the run finished before it could be killed")
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = results.read_text().count("\n")
    assert 0 < done_before < total, "the kill did not land halfway"
    resumed = subprocess.run(
        [*grade_bin, "run", "--resume", str(run_dir)], capture_output=True, text=True, timeout=600
    )
    assert resumed.returncode == 0, resumed.stderr
    lines = [json.loads(line) for line in results.read_text().splitlines()]
    assert sorted(line["sample"] for line in lines) == list(range(total))
    assert all(line["passed"] == bool(line["sample"] % 2) for line in lines)


def test_rescore_regrades_stored_completions(
    tmp_path: Path, user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    replay = write_replay(
        tmp_path / "replay.jsonl",
        [reply_line(user_flags_solutions / "reference.py", "m")],
    )
    runner = CliRunner()
    first = runner.invoke(
        grade, ["run", str(user_flags_spec), "--replay", str(replay), "--out", str(tmp_path / "a")]
    )
    assert first.exit_code == 0, first.output
    second = runner.invoke(grade, ["rescore", str(tmp_path / "a"), "--out", str(tmp_path / "b")])
    assert second.exit_code == 0, second.output
    old, new = load_run(tmp_path / "a").results, load_run(tmp_path / "b").results
    assert [(r.task, r.sample, r.completion) for r in old] == [
        (r.task, r.sample, r.completion) for r in new
    ]
    assert new[0].passed and load_run(tmp_path / "b").run["rescored_from"] == str(tmp_path / "a")


def test_every_command_has_help() -> None:
    def walk(group, prefix=()):
        for name, command in group.commands.items():
            yield (*prefix, name), command
            if hasattr(command, "commands"):
                yield from walk(command, (*prefix, name))

    commands = list(walk(grade))
    assert {("run",), ("check",), ("rescore",), ("tasks", "lint")} <= {path for path, _ in commands}
    for path, command in commands:
        assert (command.help or command.short_help or "").strip(), (
            f"grade {' '.join(path)} has no help"
        )
        out = CliRunner().invoke(grade, [*path, "--help"])
        assert out.exit_code == 0, (path, out.output)


def test_model_replay_spec_is_the_same_route_as_the_replay_option(
    tmp_path: Path, user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    """``--model replay:FILE`` goes through ``load_backend`` like ``--replay FILE``."""
    replay = write_replay(
        tmp_path / "replay.jsonl",
        [
            reply_line(
                user_flags_solutions / "reference.py", "m", sample=3, tokens_per_second=12.5
            ),
            "{not json",
        ],
    )
    out = CliRunner().invoke(
        grade,
        ["run", str(user_flags_spec), "--model", f"replay:{replay}", "--out", str(tmp_path / "r")],
    )
    assert out.exit_code == 2, out.output  # the bad line is an input problem
    assert "replay.jsonl: line 2: not valid JSON" in out.output
    run = load_run(tmp_path / "r")
    assert [(r.sample, r.model, r.passed) for r in run.results] == [(3, "m", True)]
    assert run.results[0].tokens_per_second == 12.5 and run.results[0].completion_tokens is None
    assert run.run["models"][0]["backend"] == "replay"


def test_a_missing_replay_sample_is_that_samples_error(
    tmp_path: Path, user_flags_spec: Path
) -> None:
    from grader import pipeline
    from grader.models import load_backend
    from grader.models.replay import ReplayBackend
    from grader.tasks import load_task

    replay = write_replay(
        tmp_path / "replay.jsonl", [json.dumps({"task": "user-flags/python", "completion": "x"})]
    )
    backend = load_backend(f"replay:{replay}")
    assert isinstance(backend, ReplayBackend) and not backend.generates_here
    task = load_task(user_flags_spec)
    options = pipeline.RunOptions(paths=[str(user_flags_spec)])
    found, error = pipeline._generate(backend, task, 0, options)
    assert found is not None and found.text == "x" and error is None
    missing, error = pipeline._generate(backend, task, 1, options)
    assert missing is None and error is not None
    assert "no completion" in error and "sample 1" in error


def test_without_a_terminal_each_task_prints_one_line_as_it_finishes(
    tmp_path: Path, user_flags_spec: Path, user_flags_solutions: Path
) -> None:
    """CI or ``> log``: no progress bar, one line a task (task, score, passed, tokens/s)."""
    replay = write_replay(
        tmp_path / "replay.jsonl",
        [
            reply_line(user_flags_solutions / name, "m", tokens_per_second=speed)
            for name, speed in (("reference.py", 10.0), ("wrong-seed.py", 20.0))
        ],
    )
    out = CliRunner().invoke(
        grade, ["run", str(user_flags_spec), "--replay", str(replay), "--out", str(tmp_path / "r")]
    )
    assert out.exit_code == 0, out.output
    results = load_run(tmp_path / "r").results
    mean = sum(r.score for r in results) / len(results)
    lines = [line for line in out.stderr.splitlines() if line.startswith("user-flags/python:")]
    assert lines == [f"user-flags/python: score {mean:.0f}, 1/2 passed, 15.0 tok/s"]
