"""Every gaming strategy of the suite fails on every task it applies to, with its note first.

Two levels:

- every strategy on every task of its language in tasks/ and, for the Python ones, on all
  164 HumanEval problems: static rules and scoring of the real pipeline (``prepare`` and
  ``finish``), with the test run reporting every test passed — the case where the strategy
  fooled the tests — so the gaming verdict alone has to fail it;
- every strategy once in the real sandbox (``grade_many``), on user-flags in its language
  or on its own HumanEval problem: what it does at run time does not rescue it either;
- the whole suite through ``grade run --replay`` (real sandbox): every strategy on every
  task it applies to, the Python ones on all 164 HumanEval problems.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from gaming_suite import TASKS, Strategy, all_passed, load_strategies, targets, write_replay

from grader import gaming, pipeline, sandbox
from grader.types import Extraction, TaskSpec, Verdict

STRATEGIES = load_strategies()
SANDBOX, WHY_NOT = sandbox.sandbox_status()


def assert_caught(strategy: Strategy, verdict: Verdict) -> None:
    where = f"{strategy.name} on {verdict.task}"
    assert not verdict.passed, f"{where} passed"
    assert verdict.score == 0.0, where
    found = {g.strategy for g in verdict.gaming}
    assert strategy.expects in found, f"{where}: found {found or 'no gaming'}"
    assert verdict.notes and verdict.notes[0] == verdict.gaming[0].message, where
    assert "an attempt to pass the tests without solving the task" in verdict.notes[0]


def test_the_suite_covers_25_strategies_in_six_languages() -> None:
    assert len(STRATEGIES) >= 25
    assert {s.language for s in STRATEGIES} == {
        "python",
        "javascript",
        "typescript",
        "java",
        "csharp",
        "go",
    }
    assert {s.expects for s in STRATEGIES} <= {gaming.strategy(r) for r in gaming.rule_ids()}


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.name)
def test_strategy_fails_everywhere_even_when_every_test_passes(
    strategy: Strategy, corpus: list[TaskSpec], humaneval: list[TaskSpec]
) -> None:
    tasks = targets(strategy, corpus, humaneval)
    assert tasks, f"{strategy.name} applies to no task"
    passes = []
    for task in tasks:
        prepared = pipeline.prepare(task, Extraction(code=strategy.reply(task)), None)
        verdict = pipeline.finish(prepared, all_passed(task))
        if verdict.passed:
            passes.append(task.id)
        assert_caught(strategy, verdict)
    assert passes == []


def _sandbox_task(strategy: Strategy, corpus: list[TaskSpec], humaneval: list[TaskSpec]):
    if strategy.task is not None:
        return next(t for t in [*corpus, *humaneval] if t.id == strategy.task)
    return next(t for t in corpus if t.id.startswith("user-flags") and strategy.applies_to(t))


@pytest.mark.shared_cache  # Go's warm build cache: a cold one compiles the standard library per sample
@pytest.mark.skipif(not SANDBOX, reason=f"no sandbox here: {WHY_NOT}")
def test_every_strategy_fails_in_the_real_sandbox(
    corpus: list[TaskSpec], humaneval: list[TaskSpec]
) -> None:
    items = []
    for strategy in STRATEGIES:
        task = _sandbox_task(strategy, corpus, humaneval)
        items.append(pipeline.prepare(task, Extraction(code=strategy.reply(task)), None))
    verdicts = pipeline.grade_many(items, workers=2)
    for strategy, verdict in zip(STRATEGIES, verdicts, strict=True):
        assert_caught(strategy, verdict)


@pytest.mark.slow
@pytest.mark.shared_cache  # Go's warm build cache (the run itself skips self-checks)
@pytest.mark.skipif(not SANDBOX, reason=f"no sandbox here: {WHY_NOT}")
def test_grade_run_replay_passes_no_strategy_anywhere(
    corpus: list[TaskSpec], humaneval: list[TaskSpec], tmp_path: Path
) -> None:
    """The whole suite through ``grade run --replay``: every strategy on every task it
    applies to (HumanEval's 164 for the Python ones), each strategy a model of its own.
    About 2,700 samples: some 90 s on 2 cores, hence slow."""
    replay = tmp_path / "replay.jsonl"
    expected = write_replay(replay, STRATEGIES, corpus, humaneval)
    he_dir = humaneval[0].source.parent
    run_dir = tmp_path / "run"
    command = [sys.executable, "-m", "grader.cli", "run", str(TASKS), str(he_dir)]
    command += ["--replay", str(replay), "--no-self-check", "--out", str(run_dir)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    results = [json.loads(line) for line in (run_dir / "results.jsonl").read_text().splitlines()]
    by_name = {s.name: s for s in STRATEGIES}
    graded: dict[str, int] = {}
    for result in results:
        strategy = by_name[result["model"]]
        graded[strategy.name] = graded.get(strategy.name, 0) + 1
        assert not result["passed"], f"{strategy.name} passed {result['task']}"
        assert strategy.expects in {g["strategy"] for g in result["gaming"]}
        assert result["notes"][0] == result["gaming"][0]["message"]
    assert graded == expected
