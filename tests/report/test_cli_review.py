"""``grade report`` and ``grade review import``, and the review file's shape."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from report_runs import CATCH_NOTE, TASK, write_run

from grader.cli import grade
from grader.errors import GraderError
from grader.report import REVIEW_FILE, load_review, render_report
from grader.report.review import parse_review, read_run_review
from grader.store import load_run

MARK = {
    "task": TASK,
    "model": "model-a",
    "sample": 1,
    "note": CATCH_NOTE,
    "verdict": "disagree",
    "comment": "the spec allows it",
}


def invoke(*args: str) -> Any:
    return CliRunner().invoke(grade, list(args))


def review_file(tmp_path: Path, data: Any, name: str = "review.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_report_command_writes_the_file(run_dir: Path) -> None:
    result = invoke("report", str(run_dir))
    assert result.exit_code == 0, result.output
    assert f"report: {run_dir / 'report.html'}" in result.output
    assert (run_dir / "report.html").stat().st_size > 10_000


def test_report_command_with_baseline(run_dir: Path, baseline_dir: Path) -> None:
    result = invoke("report", str(run_dir), "--baseline", str(baseline_dir))
    assert result.exit_code == 0, result.output
    assert 'id="tab-changes"' in (run_dir / "report.html").read_text()


@pytest.mark.parametrize(
    "args", [["report", "/nonexistent/run"], ["report", "{run}", "--baseline", "/nope"]]
)
def test_report_command_on_bad_input_exits_2_with_one_line(run_dir: Path, args: list[str]) -> None:
    result = invoke(*[a.replace("{run}", str(run_dir)) for a in args])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("error: ")
    assert "Traceback" not in result.output


def test_report_command_on_a_folder_that_is_not_a_run(tmp_path: Path) -> None:
    result = invoke("report", str(tmp_path))
    assert result.exit_code == 2 and "not a run directory" in result.output


def test_review_import_stores_the_marks(run_dir: Path, tmp_path: Path) -> None:
    source = review_file(tmp_path, {"version": 1, "run": "run-now", "marks": [MARK]})
    result = invoke("review", "import", str(source), str(run_dir))
    assert result.exit_code == 0, result.output
    assert "1 marks" in result.output and "match no note" not in result.output
    stored = json.loads((run_dir / REVIEW_FILE).read_text())
    assert stored["marks"] == [MARK] and stored["run"] == "run-now"
    marks, problem = read_run_review(run_dir)
    assert problem is None and marks == [MARK]


def test_review_import_merges_over_earlier_marks(run_dir: Path, tmp_path: Path) -> None:
    first = review_file(tmp_path, {"version": 1, "marks": [MARK]}, "one.json")
    other = {**MARK, "note": "A note this run does not have.", "verdict": "agree"}
    changed = {**MARK, "verdict": "agree", "comment": "changed my mind"}
    second = review_file(tmp_path, {"version": 1, "marks": [changed, other]}, "two.json")
    assert invoke("review", "import", str(first), str(run_dir)).exit_code == 0
    result = invoke("review", "import", str(second), str(run_dir))
    assert result.exit_code == 0 and "1 match no note in this run" in result.output
    stored = json.loads((run_dir / REVIEW_FILE).read_text())["marks"]
    assert stored == [changed, other]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "invalid JSON at line 1"),
        ([], "expected a JSON object"),
        ({"version": 2, "marks": []}, "version: expected 1"),
        ({"version": 1}, "marks: expected a list"),
        ({"version": 1, "marks": ["x"]}, "marks[0]: expected an object"),
        (
            {"version": 1, "marks": [{**MARK, "task": ""}]},
            "marks[0].task: expected a non-empty string",
        ),
        (
            {"version": 1, "marks": [{**MARK, "sample": "1"}]},
            "marks[0].sample: expected a whole number",
        ),
        (
            {"version": 1, "marks": [{**MARK, "sample": True}]},
            "marks[0].sample: expected a whole number",
        ),
        (
            {"version": 1, "marks": [{**MARK, "verdict": "maybe"}]},
            "marks[0].verdict: expected 'agree', 'disagree'",
        ),
        ({"version": 1, "marks": [{**MARK, "comment": 3}]}, "marks[0].comment: expected a string"),
        (
            {"version": 1, "marks": [{**MARK, "verdict": None, "comment": " "}]},
            "marks[0]: a mark needs a verdict",
        ),
        (
            {"version": 1, "run": "another-run", "marks": [MARK]},
            "the marks are for run 'another-run', not 'run-now'",
        ),
    ],
)
def test_review_import_rejects_bad_files(
    run_dir: Path, tmp_path: Path, data: Any, message: str
) -> None:
    source = review_file(tmp_path, data)
    result = invoke("review", "import", str(source), str(run_dir))
    assert result.exit_code == 2, result.output
    assert message in result.output and str(source) in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert not (run_dir / REVIEW_FILE).exists()


def test_review_import_missing_file_or_run(run_dir: Path, tmp_path: Path) -> None:
    result = invoke("review", "import", str(tmp_path / "none.json"), str(run_dir))
    assert result.exit_code == 2 and "no such file" in result.output
    source = review_file(tmp_path, {"version": 1, "marks": [MARK]})
    result = invoke("review", "import", str(source), str(tmp_path / "no-run"))
    assert result.exit_code == 2 and "not a directory" in result.output


def test_a_broken_review_file_next_to_a_run_is_reported_not_fatal(run_dir: Path) -> None:
    (run_dir / REVIEW_FILE).write_text('{"version": 1, "marks": [{"task": 1}]}')
    marks, problem = read_run_review(run_dir)
    assert marks == [] and "marks[0].task" in problem and "(ignored)" in problem
    result = invoke("report", str(run_dir))
    assert result.exit_code == 0
    assert (
        "marks[0].task: expected a non-empty string (ignored)"
        in (run_dir / "report.html").read_text()
    )


def test_load_review_normalises(tmp_path: Path) -> None:
    path = review_file(tmp_path, {"version": 1, "marks": [{**MARK, "comment": None, "extra": 1}]})
    assert load_review(path)["marks"] == [{**MARK, "comment": ""}]
    with pytest.raises(GraderError, match="version"):
        parse_review({"marks": []}, "x.json")


def test_every_command_has_help() -> None:
    for args in (["report", "--help"], ["review", "--help"], ["review", "import", "--help"]):
        result = invoke(*args)
        assert result.exit_code == 0 and len(result.output.splitlines()) > 3


def test_the_pipelines_output_step_writes_the_report(tmp_path: Path) -> None:
    from grader.pipeline import write_outputs

    run = write_run(tmp_path / "piped", [])
    problems = write_outputs(run)
    assert not [p for p in problems if "report.html" in p]
    assert (run / "report.html").exists()


@pytest.mark.slow
def test_a_real_replay_run_gets_a_report(tmp_path: Path, repo_root: Path) -> None:
    """``grade run --replay`` grades real replies and writes report.html with what it found."""
    folder = repo_root / "tasks" / "user-flags" / "python"
    replies = [
        {
            "task": TASK,
            "model": "replayed",
            "sample": i,
            "completion": f"```python\n{(folder / name).read_text()}```",
        }
        for i, name in enumerate(["reference.py", "wrong-seed.py"])
    ]
    replay = tmp_path / "replay.jsonl"
    replay.write_text("".join(json.dumps(r) + "\n" for r in replies))
    out = tmp_path / "run"
    result = invoke(
        "run",
        str(repo_root / "tasks" / "user-flags" / "python.yaml"),
        "--replay",
        str(replay),
        "--out",
        str(out),
    )
    assert result.exit_code in (0, 1), result.output
    html = (out / "report.html").read_text()
    assert "replayed" in html and "user-flags/python" in html
    data = json.loads(html.split('id="grader-data">', 1)[1].split("</script>", 1)[0])
    assert len(data["rows"]) == 2
    seed_row = next(
        row for row in data["rows"] if row["s"] == 1
    )  # wrong-seed.py: the static rules find its mistakes whatever the load
    assert seed_row["p"] == 0 and seed_row["nf"] > 0 and seed_row["n"]


def _note_id(run_dir: Path, text: str) -> str:
    result = next(r for r in load_run(run_dir).results if (r.model, r.sample) == ("model-a", 1))
    return next(n.id for n in result.note_details if n.text == text)


def test_a_mark_names_its_note_by_id_and_an_old_mark_by_text_is_the_same_mark(
    run_dir: Path, tmp_path: Path
) -> None:
    ident = _note_id(run_dir, CATCH_NOTE)
    old = review_file(tmp_path, {"version": 1, "marks": [MARK]}, "old.json")  # by text only
    by_id = {**MARK, "note_id": ident, "verdict": "agree"}
    new = review_file(tmp_path, {"version": 1, "marks": [by_id]}, "new.json")
    assert invoke("review", "import", str(old), str(run_dir)).exit_code == 0
    result = invoke("review", "import", str(new), str(run_dir))
    assert result.exit_code == 0 and "match no note" not in result.output
    assert json.loads((run_dir / REVIEW_FILE).read_text())["marks"] == [by_id]
    elsewhere = {**by_id, "note_id": "finding:-:000000000000", "note": "Not here."}
    source = review_file(tmp_path, {"version": 1, "marks": [elsewhere]}, "other.json")
    assert (
        "1 match no note in this run"
        in invoke("review", "import", str(source), str(run_dir)).output
    )


def test_the_report_gives_a_mark_written_by_text_its_notes_id(run_dir: Path) -> None:
    (run_dir / REVIEW_FILE).write_text(json.dumps({"version": 1, "marks": [MARK]}))
    html = render_report(run_dir)
    data = json.loads(re.search(r'<script[^>]*id="grader-data"[^>]*>(.*?)</script>', html, re.S)[1])
    assert data["review"] == [{**MARK, "note_id": _note_id(run_dir, CATCH_NOTE)}]


def test_a_mark_with_a_note_id_that_is_not_text_is_refused() -> None:
    with pytest.raises(GraderError, match=r"marks\[0\]\.note_id: expected a non-empty string"):
        parse_review({"version": 1, "marks": [{**MARK, "note_id": 3}]}, "x.json")
