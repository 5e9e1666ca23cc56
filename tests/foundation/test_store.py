"""The run store: append-only results, a torn last line, resume without duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grader.errors import GraderError
from grader.store import RESULTS_FILE, RunStore, load_run
from grader.types import SampleResult


def result(task: str, sample: int, score: float = 50.0) -> SampleResult:
    return SampleResult(
        task=task,
        language="python",
        score=score,
        passed=score >= 80,
        sample=sample,
        model="m",
        completion="```python\npass\n```",
    )


def test_append_then_load_round_trips(tmp_path: Path) -> None:
    store = RunStore.create(tmp_path / "run", {"id": "r1"})
    store.append(result("a", 0))
    store.append(result("a", 1, 90))
    store.append(result("a", 1, 10))  # the same sample again is ignored
    loaded = load_run(tmp_path / "run")
    assert [(r.task, r.sample, r.score) for r in loaded.results] == [("a", 0, 50.0), ("a", 1, 90.0)]
    assert loaded.run["id"] == "r1" and "started_at" in loaded.run


def test_torn_last_line_is_dropped_and_resume_appends_cleanly(tmp_path: Path) -> None:
    store = RunStore.create(tmp_path / "run", {})
    store.append(result("a", 0))
    with open(tmp_path / "run" / RESULTS_FILE, "a") as handle:  # a kill in mid-write
        handle.write(json.dumps(result("a", 1).model_dump(mode="json"))[:40])
    resumed = RunStore.open(tmp_path / "run")
    assert resumed.is_done(("a", "m", 0)) and not resumed.is_done(("a", "m", 1))
    resumed.append(result("a", 1))
    lines = (tmp_path / "run" / RESULTS_FILE).read_text().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["task"] == "a" for line in lines)


def test_create_refuses_a_directory_that_holds_a_run(tmp_path: Path) -> None:
    RunStore.create(tmp_path / "run", {}).append(result("a", 0))
    with pytest.raises(GraderError, match="already holds a run"):
        RunStore.create(tmp_path / "run", {})


def test_not_a_run_directory(tmp_path: Path) -> None:
    with pytest.raises(GraderError, match="not a run directory"):
        load_run(tmp_path)


def test_appended_lines_are_readable_at_once_and_synced_with_run_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from grader import store as store_module

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(store_module.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    store = RunStore.create(tmp_path / "run", {})
    synced.clear()
    for sample in range(5):  # faster than SYNC_EVERY_S: written at once, synced later
        store.append(result("a", sample))
        assert len(load_run(tmp_path / "run").results) == sample + 1  # a kill now keeps it
    assert len(synced) <= 1
    store.update_run(finished=True)  # pushes the lines, then writes run.json durably
    assert len(synced) >= 2 and not store._unsynced


def test_a_line_written_when_notes_were_strings_still_loads(tmp_path: Path) -> None:
    """Before ``note_details``: the notes as sentences only. They load as bare notes, with
    what the line says (their text, which list they are in) and nothing made up."""
    store = RunStore.create(tmp_path / "run", {"id": "old"})
    old = {
        "task": "user-flags/python",
        "language": "python",
        "score": 40.0,
        "passed": False,
        "notes": ["Didn't include any parameter validation (line 3).", "No catch."],
        "positive_notes": ["Returned 50004 for an unknown user."],
        "sample": 0,
        "model": "m",
        "completion": "",
    }
    (store.path / RESULTS_FILE).write_text(json.dumps(old) + "\n")
    (loaded,) = load_run(store.path).results
    assert loaded.notes == old["notes"] and loaded.positive_notes == old["positive_notes"]
    bare = loaded.note_values()
    assert [n.text for n in bare] == old["notes"]
    assert all(n.bare and n.kind is None and n.requirement is None for n in bare)
    assert bare[0].identity == (None, "didn't include any parameter validation (line #)")
    (positive,) = loaded.note_values(positive=True)
    assert positive.kind == "positive" and positive.text == old["positive_notes"][0]
    # written again, it keeps its sentences where other tools read them
    again = json.loads(loaded.model_dump_json())
    assert again["notes"] == old["notes"] and len(again["note_details"]) == 3
