"""Notes are stored as raw text, read like a reviewer's, and are escaped only where rendered."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest
from scoring_builders import REPO

from grader.pipeline import grade_code
from grader.record import markdown_text, render_record
from grader.sandbox.runners.javascript import node_message
from grader.tasks.loader import load_task
from grader.types import Note, SampleResult

RAW = [
    "The test escapes quotes fails: got 'say &quot;hi&quot;', expected <b>say \"hi\"</b>.",
    "Used *args* and user_id in `save` [twice] | once.",
    "- 1. # not a list, a number or a heading",
]


def _record_of(notes: list[str], task: str = "render-comment/javascript") -> str:
    result = SampleResult(
        task=task,
        language="javascript",
        score=10.0,
        passed=False,
        sample=0,
        model="m",
        completion="...",
        notes=notes,
    )
    return render_record({}, {"name": "m"}, [result])


def _observations(markdown: str) -> str:
    return markdown.split("## Observations\n\n")[1].split("\n\n## ")[0]


def test_markdown_record_shows_raw_notes_exactly_as_written() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt().render(_observations(_record_of(RAW)))
    paragraphs = re.findall(r"<p>(.*?)</p>", rendered, flags=re.DOTALL)
    assert [html.unescape(p) for p in paragraphs] == RAW  # no markup, no entity read as text


def test_markdown_escaping_leaves_plain_notes_alone() -> None:
    seed = "Used error code 50003 within the try...catch block (ActiveFlag, SystemDeleteFlag)."
    assert markdown_text(seed) == seed
    assert markdown_text('page="0": got 0, expected 40001') == 'page="0": got 0, expected 40001'


def test_node_assertion_messages_read_as_one_plain_line() -> None:
    assert node_message("UserId=0\n\n50001 !== 50002\n") == "UserId=0: got 50001, expected 50002"
    assert (
        node_message("Expected values to be strictly equal:\n\n1 !== 2\n")
        == "Expected values to be strictly equal: got 1, expected 2"
    )
    assert node_message("a == b") == "a == b"  # a message of its own is left as written


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_javascript_failure_reaches_the_record_readable_and_unescaped() -> None:
    task = load_task(REPO / "tasks" / "parse-pagination" / "javascript.yaml")
    code = REPO / "tasks" / "parse-pagination" / "javascript" / "wrong-number-no-clamp.js"
    verdict, _ = grade_code(task, code=code.read_text(encoding="utf-8"))
    # no rule found the cause, so each note says what its failing tests observed
    assert verdict.notes == [
        'With page=" 2", the code returned 0; expected 40001.',
        'With pageSize=" 10", the code returned 0; expected 40002.',
        # where the answer comes from: the one line that spells 40002, and the check above it
        "With pageSize=101, the code returned 40002 (from line 8, under `if (!Number.isInteger"
        "(pageSize) || pageSize < 1 || pageSize > 100)`); expected 0 (must be clamped, not rejected).",
    ]
    assert "the rules" not in " ".join(verdict.notes)
    result = SampleResult(**verdict.model_dump(), sample=0, model="m", completion="...")
    record = render_record({}, {"name": "m"}, [result])
    assert 'With page=" 2", the code returned 0' in record and "&quot;" not in record


def test_a_note_value_holds_raw_text_and_the_record_escapes_it_for_markdown_only() -> None:
    said = 'Returned "a & b" for <none> at line 4.'
    note = Note(text=said, kind="finding", rule="r", severity="warning", lines=[4])
    result = SampleResult(
        task="t/python",
        language="python",
        score=10.0,
        passed=False,
        sample=0,
        model="m",
        completion="...",
        note_details=[note],
    )
    stored = json.loads(result.model_dump_json())
    assert stored["notes"] == [said] and stored["note_details"][0]["text"] == said
    record = render_record({}, {"name": "m"}, [result])
    assert "&quot;" not in record and "&amp;" not in record and "&lt;" not in record
    assert 'Returned "a \\& b" for \\<none\\> at line 4.' in record


PAGINATE_TWO_FAULTS = """\
def paginate(items, page=1, page_size=20):
    if not isinstance(page, int) or page < 0:
        return {"code": 40001, "message": "bad page"}
    if not isinstance(page_size, int) or page_size < 1:
        return {"code": 40002, "message": "bad page size"}
    if page == 0:
        return {"code": 40002, "message": "bad page size"}
    size = min(page_size, 100)
    start = (page - 1) * size
    total = len(items)
    return {
        "code": 0,
        "items": items[start : start + size],
        "page": page,
        "page_size": size,
        "total": total,
        "total_pages": total // size,
    }
"""


def test_a_second_kind_of_failure_is_said_beside_the_first_and_a_like_one_is_not() -> None:
    task = load_task(REPO / "tasks" / "paginate-items" / "python.yaml")
    verdict, _ = grade_code(task, code=PAGINATE_TWO_FAULTS)
    assert not verdict.passed
    said = " ".join(verdict.notes)
    # page validation fails two ways: page 0 answered with another code, True let through
    assert "the code returned 40002; expected 40001." in said, verdict.notes
    assert "page=True, page_size=10, the code returned 0; expected 40001" in said, verdict.notes
    # total_pages is wrong for several inputs in one way: one example, the rest counted
    pages = [n for n in verdict.notes if "total pages" in n]
    assert len(pages) == 1 and pages[0].count(" got ") == 1, verdict.notes
