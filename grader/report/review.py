"""Review marks: a reviewer's agree / disagree and comment on one note of one sample.

The report keeps marks in the browser and exports them as ``review.json``; ``grade review
import`` validates that file and copies it to ``RUN_DIR/review.json``, where the next report
picks the marks up. Shape (version 1)::

    {"version": 1, "run": "<run key>", "exported_at": "...",
     "marks": [{"task": "...", "model": "...", "sample": 0, "note_id": "...", "note": "...",
                "verdict": "agree" | "disagree" | null, "comment": "..."}]}

A mark names its note by ``note_id`` (``Note.id``); ``note`` is the note's text, for a person
reading the file. A mark written before notes had ids has the text only, and names the note
of its sample with that text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader._files import write_json_atomic
from grader.errors import GraderError
from grader.store import LoadedRun, load_run
from grader.types import SampleResult

REVIEW_FILE = "review.json"
VERSION = 1
VERDICTS = ("agree", "disagree")
_FIELDS = {"task": str, "model": str, "note": str}


@dataclass(frozen=True)
class ImportSummary:
    path: Path
    marks: int
    unmatched: int  # marks naming a note this run does not have


def run_key(loaded: LoadedRun) -> str:
    """What ties a review to its run: the run's id, else its start time, else its folder."""
    run = loaded.run
    return str(run.get("id") or run.get("started_at") or loaded.path.resolve().name)


def parse_review(data: Any, source: str) -> dict[str, Any]:
    """Check the shape of a review document; return it normalised. Raises ``GraderError``."""
    if not isinstance(data, dict):
        raise GraderError(f"{source}: expected a JSON object with 'version' and 'marks'")
    if data.get("version") != VERSION:
        raise GraderError(f"{source}: version: expected {VERSION}, got {data.get('version')!r}")
    run = data.get("run")
    if run is not None and not isinstance(run, str):
        raise GraderError(f"{source}: run: expected a string")
    marks = data.get("marks")
    if not isinstance(marks, list):
        raise GraderError(f"{source}: marks: expected a list")
    clean = [_parse_mark(mark, f"{source}: marks[{i}]") for i, mark in enumerate(marks)]
    return {
        "version": VERSION,
        "run": run,
        "exported_at": str(data.get("exported_at") or ""),
        "marks": clean,
    }


def _parse_mark(mark: Any, where: str) -> dict[str, Any]:
    if not isinstance(mark, dict):
        raise GraderError(f"{where}: expected an object")
    out: dict[str, Any] = {}
    for name, kind in _FIELDS.items():
        value = mark.get(name)
        if not isinstance(value, kind) or not value:
            raise GraderError(f"{where}.{name}: expected a non-empty string")
        out[name] = value
    sample = mark.get("sample")
    if not isinstance(sample, int) or isinstance(sample, bool) or sample < 0:
        raise GraderError(f"{where}.sample: expected a whole number >= 0")
    out["sample"] = sample
    verdict = mark.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        raise GraderError(f"{where}.verdict: expected 'agree', 'disagree' or null, got {verdict!r}")
    comment = mark.get("comment", "")
    if comment is None:
        comment = ""
    if not isinstance(comment, str):
        raise GraderError(f"{where}.comment: expected a string")
    if verdict is None and not comment.strip():
        raise GraderError(f"{where}: a mark needs a verdict or a comment")
    note_id = mark.get("note_id")
    if note_id is not None:
        if not isinstance(note_id, str) or not note_id:
            raise GraderError(f"{where}.note_id: expected a non-empty string")
        out["note_id"] = note_id
    out["verdict"] = verdict
    out["comment"] = comment
    if isinstance(mark.get("at"), str):
        out["at"] = mark["at"]
    return out


def load_review(path: Path) -> dict[str, Any]:
    """Read and validate a review file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GraderError(f"{path}: cannot read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise GraderError(f"{path}: not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise GraderError(f"{path}: invalid JSON at line {error.lineno}: {error.msg}") from None
    return parse_review(data, str(path))


MarkKey = tuple[str, str, int, str]  # task, model, sample, note id


def mark_key(task: str, model: str, sample: int, note_id: str) -> MarkKey:
    return (task, model, sample, note_id)


class MarkIndex:
    """The notes of a run, by sample, to tell which note a mark is about."""

    def __init__(self, results: list[SampleResult]) -> None:
        self._ids: dict[tuple[str, str, int], dict[str, str]] = {}  # sample -> text -> id
        for r in results:
            by_text = self._ids.setdefault((r.task, r.model, r.sample), {})
            for note in r.note_details:
                by_text.setdefault(note.text, note.id)
        self.keys = {
            mark_key(*sample, ident)
            for sample, notes in self._ids.items()
            for ident in notes.values()
        }

    def resolved(self, mark: dict[str, Any]) -> dict[str, Any]:
        """``mark`` naming its note by id: one written before notes had ids names it by its
        text, which is the note of its sample with that text, where the sample has one."""
        if mark.get("note_id"):
            return mark
        ident = self._ids.get((mark["task"], mark["model"], mark["sample"]), {}).get(mark["note"])
        return {**mark, "note_id": ident} if ident else mark

    def key(self, mark: dict[str, Any]) -> MarkKey:
        """The note a mark is about; by its text as it stands where no note of the run has it."""
        ident = self.resolved(mark).get("note_id") or f"text:{mark['note']}"
        return mark_key(mark["task"], mark["model"], mark["sample"], ident)


def import_review(file: Path, run_dir: Path) -> ImportSummary:
    """Validate FILE and store it as RUN_DIR/review.json, merged over marks already there."""
    review = load_review(file)
    loaded = load_run(run_dir)
    key = run_key(loaded)
    if review["run"] and review["run"] != key:
        raise GraderError(
            f"{file}: run: the marks are for run {review['run']!r}, not {key!r} ({run_dir})"
        )
    index = MarkIndex(loaded.results)
    merged: dict[MarkKey, dict[str, Any]] = {}
    target = run_dir / REVIEW_FILE
    if target.exists():
        for mark in load_review(target)["marks"]:
            merged[index.key(mark)] = mark
    for mark in review["marks"]:
        merged[index.key(mark)] = mark
    marks = list(merged.values())
    write_json_atomic(
        target,
        {"version": VERSION, "run": key, "exported_at": review["exported_at"], "marks": marks},
    )
    unmatched = sum(1 for mark in review["marks"] if index.key(mark) not in index.keys)
    return ImportSummary(path=target, marks=len(review["marks"]), unmatched=unmatched)


def read_run_review(run_dir: Path) -> tuple[list[dict[str, Any]], str | None]:
    """The marks stored next to a run, and a problem line when the file is unusable."""
    target = run_dir / REVIEW_FILE
    if not target.exists():
        return [], None
    try:
        return load_review(target)["marks"], None
    except GraderError as error:
        return [], f"{error} (ignored)"
