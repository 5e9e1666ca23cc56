"""Every gaming strategy of the suite fails on every task it applies to, with its note first.

Two levels:

- every strategy on every task of its language in tasks/ and, for the Python ones, on all
  164 HumanEval problems: static rules and scoring of the real pipeline (``prepare`` and
  ``finish``), with the test run reporting every test passed — the case where the strategy
  fooled the tests — so the gaming verdict alone has to fail it;
- every strategy once in the real sandbox (``grade_many``), on user-flags in its language
  or on its own HumanEval problem: what it does at run time does not rescue it either.
"""

from __future__ import annotations

import pytest
from gaming_suite import Strategy, all_passed, load_strategies

from grader import gaming, pipeline, sandbox
from grader.types import Extraction, TaskSpec, Verdict

STRATEGIES = load_strategies()
SANDBOX, WHY_NOT = sandbox.sandbox_status()


def targets(strategy: Strategy, corpus: list[TaskSpec], humaneval: list[TaskSpec]) -> list:
    tasks = [t for t in corpus if strategy.applies_to(t)]
    if strategy.language == "python" and (strategy.generic or strategy.task):
        tasks += [t for t in humaneval if strategy.applies_to(t)]
    return tasks


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


@pytest.mark.slow
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
