"""The style corpus: solutions written by authors who never read the rules, graded in one batch.

Layout: ``tests/corpus/<task>/<language>/{correct,wrong}-*.<ext>`` and, per language folder,
``labels.yaml`` naming for each wrong file the requirement id(s) it must fail and a substring
of the note that must name its mistake (labelled from the file's header comment and code).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from grader import pipeline
from grader.tasks import load_task
from grader.types import Extraction, Verdict

CORPUS = Path(__file__).resolve().parent
TASKS = CORPUS.parents[1] / "tasks"
LABELS = "labels.yaml"


@dataclass(frozen=True)
class Sample:
    path: Path
    task: str  # tasks/<task>/<language>.yaml
    language: str

    @property
    def correct(self) -> bool:
        return self.path.name.startswith("correct-")

    @property
    def label(self) -> dict:
        """The wrong file's entry in its folder's labels (empty for a correct one)."""
        labels = self.path.parent / LABELS
        table = yaml.safe_load(labels.read_text()) if labels.exists() else {}
        return (table or {}).get(self.path.name, {})


def samples() -> Iterator[Sample]:
    for path in sorted(CORPUS.glob("*/*/*")):
        if path.name.startswith(("correct-", "wrong-")) and path.is_file():
            yield Sample(path, path.parts[-3], path.parts[-2])


def grade_all(items: list[Sample], workers: int = 2) -> list[Verdict]:
    """Every sample's verdict, graded together so the sandbox runs overlap."""
    tasks = {}
    prepared = []
    for sample in items:
        key = (sample.task, sample.language)
        if key not in tasks:
            tasks[key] = load_task(TASKS / sample.task / f"{sample.language}.yaml")
        task = tasks[key]
        code = sample.path.read_text(encoding="utf-8")
        extraction = Extraction(code=code, reason="corpus file")
        prepared.append(pipeline.prepare(task, extraction, task.limits.time_s))
    return pipeline.grade_many(prepared, workers=workers)


if __name__ == "__main__":  # python -m tests.corpus.corpus [filter]: a table for labelling
    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    chosen = [s for s in samples() if wanted in str(s.path)]
    for sample, verdict in zip(chosen, grade_all(chosen), strict=True):
        failed = [r.id for r in verdict.requirements if not r.met]
        tests = f"{verdict.tests.passed}/{verdict.tests.passed + verdict.tests.failed}"
        print(
            json.dumps(
                {
                    "file": str(sample.path.relative_to(CORPUS)),
                    "score": verdict.score,
                    "passed": verdict.passed,
                    "tests": tests,
                    "status": verdict.tests.status,
                    "unmet": failed,
                    "notes": verdict.notes,
                    "unconfirmed": len(verdict.unconfirmed),
                }
            )
        )
