"""The report file: self-contained, inert data, the right numbers. No browser here."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest
from report_runs import CATCH_NOTE, INJECTION, TASK, VALIDATION_NOTE, bad, good, write_run

from grader.report import REPORT_FILE, render_report, write_report
from grader.report._overview import changes, choose_ks
from grader.report._render import script_json
from grader.summary import pass_at_k
from grader.types import Gaming, Note

SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def blocks(html: str) -> dict[str, str]:
    """id (or 'main' for the page's own script) -> text of each <script> element.

    Detail blocks (gzip + base64) come back inflated, as JSON text.
    """
    out = {}
    for attrs, body in SCRIPT.findall(html):
        found = re.search(r'id="([^"]+)"', attrs)
        name = found.group(1) if found else "main"
        if 'data-encoding="gzip+base64"' in attrs:
            assert re.fullmatch(r"[A-Za-z0-9+/=]*", body)  # inert: nothing but base64
            body = gzip.decompress(base64.b64decode(body)).decode("utf-8")
        out[name] = body
    return out


def test_write_report_writes_one_self_contained_file(run_dir: Path) -> None:
    path = write_report(run_dir)
    assert path == run_dir / REPORT_FILE
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    # Nothing is fetched: no external script, stylesheet, image or link to a network address.
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "http://" not in html.lower() and "https://" not in html.lower()
    assert "<link" not in html


def test_csp_allows_exactly_the_pages_own_script_and_style(run_dir: Path) -> None:
    html = render_report(run_dir)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    script = blocks(html)["main"]
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    for text, directive in ((script, "script-src"), (style, "style-src")):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp


def test_markup_from_the_run_never_reaches_the_page_as_markup(run_dir: Path) -> None:
    html = render_report(run_dir)
    # The raw strings appear nowhere; the number of <script> elements is ours alone.
    assert INJECTION not in html
    assert "<img" not in html and "<svg onload" not in html
    assert "&lt;img src=x onerror=window.__pwned=4&gt;evil-model" in html  # shown as text
    found = blocks(html)
    assert set(found) == {"main", "grader-data", "grader-detail-0"}
    # ...and survives intact as data.
    data = json.loads(found["grader-data"])
    details = json.loads(found["grader-detail-0"])
    assert "<img src=x onerror=window.__pwned=4>evil-model" in data["models"]
    assert any(INJECTION in d["c"] for d in details)


def test_script_json_escapes_what_could_end_the_element() -> None:
    text = str(script_json({"a": "</script><!-- & -->", "b": "\u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->", "b": "\u2028"}


def test_payload_round_trips_code_strings_and_rows(run_dir: Path) -> None:
    found = blocks(render_report(run_dir))
    data, details = json.loads(found["grader-data"]), json.loads(found["grader-detail-0"])
    assert data["n"] == 7 and len(data["rows"]) == 7 and len(details) == 7
    first = data["rows"][1]  # bad(model-a, 1)
    assert data["tasks"][first["t"]]["id"] == TASK
    assert data["models"][first["m"]] == "model-a"
    assert [data["S"][i] for i in first["n"]] == [VALIDATION_NOTE, CATCH_NOTE]
    assert first["p"] == 0 and first["sc"] == 40.0 and first["tf"] == 2 and first["nf"] == 3
    detail = details[1]
    start, end = detail["code"]  # the code is a slice of the reply, stored as offsets
    assert detail["c"][start:end].startswith("def update_user_flags(request, repo):")
    assert [data["rules"][f["r"]] for f in detail["f"]][:2] == [
        "validation-branch",
        "validation-code-in-catch",
    ]
    statuses = {data["reqs"][v["id"]]: v["st"] for v in detail["rq"]}
    assert statuses == {"parameter-validation": "unmet", "update-in-try": "partial"}


def test_detail_chunks_split_large_runs(tmp_path: Path) -> None:
    results = [good(sample=i) if i % 3 else bad(sample=i) for i in range(450)]
    found = blocks(render_report(write_run(tmp_path / "big", results)))
    assert {k for k in found if k.startswith("grader-detail-")} == {
        "grader-detail-0",
        "grader-detail-1",
        "grader-detail-2",
    }
    assert len(json.loads(found["grader-detail-2"])) == 50
    data = json.loads(found["grader-data"])
    assert data["chunk"] == 200 and data["chunks"] == 3
    # Repeated strings are stored once.
    assert data["S"].count(VALIDATION_NOTE) == 1


def test_overview_shows_pass_at_k_per_model(tmp_path: Path) -> None:
    results = [good(sample=i) for i in range(3)] + [bad(sample=i) for i in range(3, 10)]
    html = render_report(write_run(tmp_path / "k", results))
    assert ">pass@5<" in html and ">pass@10<" in html
    expected = f"{pass_at_k(10, 3, 5):.3f}"
    assert expected in html  # 0.917


def test_overview_counts_gaming_samples_per_model(tmp_path: Path) -> None:
    note = (
        "Ends the process itself (line 1): an attempt to pass the tests without solving the task."
    )
    found = Gaming(strategy="process-exit", rule="gaming-process-exit", line=1, message=note)
    gamed = bad(model="model-b", sample=1, score=0.0, notes=[note], gaming=[found])
    html = render_report(write_run(tmp_path / "g", [good(), bad(model="model-b"), gamed]))
    assert '<div class="k">Gaming</div><div class="v bad-text">1</div>' in html
    rows = re.findall(r'<tr class="link" data-model="\d+">.*?</tr>', html, re.S)
    assert len(rows) == 2
    assert '<td class="num"></td></tr>' in rows[0]  # model-a: none
    assert '<td class="num bad-text">1</td></tr>' in rows[1]
    clean = render_report(write_run(tmp_path / "c", [good()]))
    assert '<div class="k">Gaming</div>' not in clean


def test_choose_ks() -> None:
    assert choose_ks(1) == [1]
    assert choose_ks(3) == [1, 3]
    assert choose_ks(20) == [1, 5, 10, 20]


def test_changes_against_the_baseline(run_dir: Path, baseline_dir: Path) -> None:
    from grader.store import load_run

    now, then = load_run(run_dir).results, load_run(baseline_dir).results
    index = {(r.task, r.model, r.sample): i for i, r in enumerate(now)}
    base_index = {(r.task, r.model, r.sample): i for i, r in enumerate(then, start=len(now))}
    found = changes(now, then, index, base_index)
    assert found["regressed"] == 1 and found["fixed"] == 1
    worst = found["transitions"][0]
    assert (worst["model"], worst["sample"], worst["was_passed"], worst["passed"]) == (
        "model-a",
        1,
        True,
        False,
    )
    group = next(g for g in found["groups"] if (g["task"], g["model"]) == (TASK, "model-a"))
    assert {n for n, _ in group["new_notes"]} == {VALIDATION_NOTE, CATCH_NOTE}
    assert [n for n, _ in group["resolved_notes"]] == ["An older note that is gone now."]
    assert group["delta"] == pytest.approx(-30.0)
    evil_group = next(g for g in found["groups"] if g["model"].startswith("<img"))
    assert evil_group["status"] == "added"


def test_report_with_baseline_has_a_changes_tab(run_dir: Path, baseline_dir: Path) -> None:
    html = render_report(run_dir, baseline_dir)
    assert 'id="tab-changes"' in html and "run-before" in html
    data = json.loads(blocks(html)["grader-data"])
    assert len(data["rows"]) == 13 and data["n"] == 7
    assert data["rows"][1]["b"] == 7 + 1  # model-a sample 1 matches the baseline's second result
    assert "An older note that is gone now." in html
    assert 'id="tab-changes"' not in render_report(run_dir)


def test_an_empty_run_still_renders(tmp_path: Path) -> None:
    path = write_report(write_run(tmp_path / "empty", []))
    assert "no graded samples yet" in path.read_text()


def test_sample_without_code_or_with_error(tmp_path: Path) -> None:
    results = [
        bad(code=None, error="extraction failed: no code block"),
        good(sample=1, score=float("nan")),
    ]
    found = blocks(render_report(write_run(tmp_path / "odd", results)))
    details = json.loads(found["grader-detail-0"])
    assert details[0]["code"] is None and details[0]["err"] == "extraction failed: no code block"
    assert json.loads(found["grader-data"])["rows"][1]["sc"] == 0


QUOTED = Note(
    text='Returned "a & b" for <none> (line 4).',
    kind="finding",
    rule="catch-all-swallow",
    severity="warning",
    lines=[4],
)


def test_a_note_reaches_the_page_as_its_raw_text_escaped_once(tmp_path: Path) -> None:
    now = write_run(tmp_path / "now", [bad(notes=[QUOTED.text], note_details=[QUOTED])])
    html = render_report(now, write_run(tmp_path / "then", [bad()]))
    # in the template (the changes tab): escaped once by Jinja, never twice
    assert "Returned &#34;a &amp; b&#34; for &lt;none&gt; (line 4)." in html
    assert "&amp;#34;" not in html and "&amp;amp;" not in html and "&amp;lt;" not in html
    # in the data: the raw text, and the note's id beside it
    data = json.loads(blocks(html)["grader-data"])
    row = data["rows"][0]
    assert [data["S"][i] for i in row["n"]] == [QUOTED.text]
    assert [data["S"][i] for i in row["ni"]] == [QUOTED.id]


def test_the_changes_tab_tells_notes_apart_by_id_not_line(tmp_path: Path) -> None:
    from grader.store import load_run

    moved = Note(**{**QUOTED.model_dump(exclude={"id"}), "text": QUOTED.text.replace("4", "9")})
    assert moved.id == QUOTED.id and moved.text != QUOTED.text
    now = load_run(write_run(tmp_path / "now", [bad(notes=[moved.text], note_details=[moved])]))
    then = load_run(write_run(tmp_path / "then", [bad(notes=[QUOTED.text], note_details=[QUOTED])]))
    key = {(TASK, "model-a", 0): 0}
    (group,) = changes(now.results, then.results, key, key)["groups"]
    assert group["new_notes"] == [] and group["resolved_notes"] == []
