"""The report in a real browser: headless Chromium (Debian's) driven by Playwright.

Screenshots land in ``$GRADER_SCREENSHOTS`` when it is set (to look at), else in tmp.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from report_runs import CATCH_NOTE, EVIL_MODEL, INJECTION, TASK, VALIDATION_NOTE, write_run

from grader.cli import grade
from grader.report import write_report
from grader.types import Note

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Page:
    """A page plus what it reported: console errors, page errors, dialogs."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path, hash_: str = "") -> None:
        self.page.goto(path.as_uri() + hash_)
        self.page.wait_for_selector("html[data-ready]")

    def tab(self, name: str) -> None:
        """Click a tab and wait until it shows and its rows are drawn: the tab switches on the
        hashchange after the click, and rows are drawn on the next animation frame."""
        self.page.click(f"#tabs a[data-tab={name}]")
        self.page.wait_for_selector(f"#tab-{name}:not([hidden])")
        self.page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )

    def shown(self) -> int:
        return int(self.page.inner_text("#shown-count"))

    def select(self, name: str, label: str) -> None:
        self.page.select_option(f"#filters [name={name}]", label=label)

    def shot(self, name: str, tmp_path: Path) -> Path:
        folder = Path(os.environ.get("GRADER_SCREENSHOTS") or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def assert_inert(self) -> None:
        """No script from the run ran: no flag, no dialog, no injected element, no CSP refusal."""
        assert self.page.evaluate("typeof window.__pwned") == "undefined"
        assert self.dialogs == []
        assert self.page.locator("img").count() == 0
        assert self.page.locator("svg[onload]").count() == 0
        assert self.errors == [], self.errors


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Page:
    return Page(context.new_page())


def test_overview_filter_sort_and_open_a_sample(run_dir: Path, page: Page, tmp_path: Path) -> None:
    report = write_report(run_dir)
    page.open(report)
    p = page.page
    assert p.is_visible("#tab-overview") and not p.is_visible("#tab-samples")
    assert "model-a" in p.inner_text("table.stats")
    page.shot("overview", tmp_path)

    page.tab("samples")
    assert page.shown() == 7
    assert p.locator("#grid-rows .row").count() == 7
    page.select("model", "model-b")
    assert page.shown() == 3
    page.select("result", "failed")
    assert page.shown() == 1
    page.select("model", "all")
    assert page.shown() == 3  # two bad model-a/b samples and the markup one
    page.select("req", "update-in-try")
    page.select("reqState", "partial")
    assert page.shown() == 2  # the markup sample has no such requirement
    page.select("req", "parameter-validation")
    page.select("reqState", "unmet")
    assert page.shown() == 3
    p.click("#reset-filters")
    page.select("rule", "validation-code-in-catch")
    assert page.shown() == 2
    p.click("#reset-filters")
    p.fill("#filters [name=q]", "try...catch block")
    assert page.shown() == 2
    p.fill("#filters [name=q]", "evil-model 50001")  # every word must match
    assert page.shown() == 1
    p.fill("#filters [name=q]", "")
    assert page.shown() == 7

    p.click("#grid-head [data-key=score]")  # highest first
    scores = [float(s) for s in p.locator("#grid-rows .score-n").all_inner_texts()]
    assert scores == sorted(scores, reverse=True)
    p.click("#grid-head [data-key=score]")
    scores = [float(s) for s in p.locator("#grid-rows .score-n").all_inner_texts()]
    assert scores == sorted(scores)
    page.shot("samples", tmp_path)

    # Open the lowest-scoring plain sample: model-a's second one.
    p.click("#reset-filters")
    page.select("model", "model-a")
    page.select("task", TASK)
    page.select("result", "failed")
    p.click("#grid-rows .row >> nth=0")
    p.wait_for_selector("#drawer:not([hidden]) .sample")
    drawer = p.locator("#drawer")
    assert "sample 1" in drawer.locator(".sample-title").inner_text()
    # Findings sit under their lines, the range is marked, the code is highlighted.
    assert drawer.locator(".ann").count() == 3
    line7 = drawer.locator(".cl[data-line='7']")
    assert "has-f" in line7.get_attribute("class") and "50003" in line7.inner_text()
    assert "Used error code 50003" in drawer.locator(".cl[data-line='7'] + .ann").inner_text()
    assert "cov-error" in drawer.locator(".cl[data-line='5']").get_attribute("class")
    assert drawer.locator(".tk-kw", has_text="def").count() == 1
    assert drawer.locator(".tk-str").count() > 3
    # Requirements with evidence, tests with failure messages, notes, generation figures.
    assert "assert 0 == 50001" in drawer.locator("table.cases").first.inner_text()
    assert "partial" in drawer.locator(".req.st-partial").inner_text()
    assert VALIDATION_NOTE in drawer.locator("ul.notes").first.inner_text()
    assert (
        "90.00" in drawer.locator("dl.kv").inner_text()
        or "90" in drawer.locator("dl.kv").inner_text()
    )
    page.shot("sample", tmp_path)

    p.keyboard.press("Escape")
    assert p.is_hidden("#drawer")
    page.assert_inert()


def test_markup_in_a_run_renders_as_text(run_dir: Path, page: Page, tmp_path: Path) -> None:
    report = write_report(run_dir)
    page.open(report, "#samples")
    p = page.page
    page.select("model", EVIL_MODEL)
    assert page.shown() == 1
    p.click("#grid-rows .row >> nth=0")
    p.wait_for_selector("#drawer:not([hidden]) .sample")
    p.click("#drawer details.reply summary")
    p.click("#drawer details.fold >> nth=0")  # the prompt
    reply = p.locator("#drawer details.reply pre").inner_text()
    assert INJECTION in reply
    assert INJECTION in p.locator("#drawer .cl[data-line='1']").inner_text()
    assert (
        "Returned <script>window.__pwned=5</script>"
        in p.locator("#drawer ul.notes").first.inner_text()
    )
    assert EVIL_MODEL in p.locator("#drawer .sample-title").inner_text()
    assert INJECTION in p.locator("#drawer table.cases").first.inner_text()
    page.shot("markup-as-text", tmp_path)
    # Hover everything that might carry a handler, then check nothing ran.
    for locator in (p.locator("#drawer pre"), p.locator("#drawer .cl")):
        for i in range(locator.count()):
            if locator.nth(i).is_visible():
                locator.nth(i).hover()
    page.assert_inert()


def test_baseline_changes_and_side_by_side(
    run_dir: Path, baseline_dir: Path, page: Page, tmp_path: Path
) -> None:
    report = write_report(run_dir, baseline_dir)
    page.open(report, "#changes")
    p = page.page
    assert p.is_visible("#tab-changes")
    assert "1↓ 1↑" in p.inner_text("#tabs a[data-tab=changes]")
    first = p.locator("table.transitions tbody tr").first
    assert "passed → failed" in " ".join(first.inner_text().split())
    assert "An older note that is gone now." in p.inner_text("table.changes")
    page.shot("changes", tmp_path)

    first.click()
    p.wait_for_selector("#drawer.wide .split")
    panes = p.locator("#drawer .split > .sample")
    assert panes.count() == 2
    assert "baseline" in panes.nth(1).locator(".sample-title").inner_text()
    assert panes.nth(0).locator(".ann").count() == 3 and panes.nth(1).locator(".ann").count() == 0
    page.shot("side-by-side-baseline", tmp_path)

    # Model against model on the same task, from the sample's own compare menu.
    select = p.locator("#drawer .vs-select")
    option = select.locator("option", has_text="model-b · sample 1").first
    select.select_option(value=option.get_attribute("value"))
    p.wait_for_selector("#drawer .split")
    assert (
        "model-b"
        in p.locator("#drawer .split > .sample").nth(1).locator(".sample-title").inner_text()
    )

    p.keyboard.press("Escape")
    page.tab("samples")
    page.select("change", "passed → failed")
    assert page.shown() == 1
    page.select("change", "failed → passed")
    assert page.shown() == 1
    page.assert_inert()


def test_review_marks_export_import_and_show_in_the_next_report(
    run_dir: Path, browser: Any, tmp_path: Path
) -> None:
    report = write_report(run_dir)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = Page(context.new_page())
    p = page.page
    page.open(report, "#samples")
    page.select("model", "model-a")
    page.select("result", "failed")
    p.click("#grid-rows .row >> nth=0")
    note = p.locator("#drawer li.note", has_text=CATCH_NOTE)
    note.locator("button.disagree").click()
    assert "on" in note.locator("button.disagree").get_attribute("class").split()
    note.locator("input.comment").fill("50003 is right here: the spec allows it")
    note.locator("input.comment").press("Tab")
    agree = p.locator("#drawer li.note", has_text=VALIDATION_NOTE)
    agree.locator("button.agree").click()
    page.shot("review-marks", tmp_path)
    p.keyboard.press("Escape")
    assert p.inner_text("#review-count") == "2"
    page.tab("review")
    assert "1 agree · 1 disagree" in p.inner_text("#review-list")
    with p.expect_download() as info:
        p.click("#export-review")
    download = info.value
    assert download.suggested_filename == "review.json"
    exported = tmp_path / "review.json"
    download.save_as(str(exported))
    data = json.loads(exported.read_text())
    assert data["version"] == 1 and data["run"] == "run-now"
    marks = {m["note"]: m for m in data["marks"]}
    assert marks[CATCH_NOTE]["verdict"] == "disagree"
    assert marks[CATCH_NOTE]["comment"] == "50003 is right here: the spec allows it"
    assert marks[VALIDATION_NOTE] | {"at": None} == {
        "task": TASK,
        "model": "model-a",
        "sample": 1,
        "note_id": Note(
            text=VALIDATION_NOTE
        ).id,  # a bare note here: the run's results are old-style
        "note": VALIDATION_NOTE,
        "verdict": "agree",
        "comment": "",
        "at": None,
    }
    page.assert_inert()
    context.close()

    result = CliRunner().invoke(grade, ["review", "import", str(exported), str(run_dir)])
    assert result.exit_code == 0, result.output
    assert "2 marks" in result.output
    result = CliRunner().invoke(grade, ["report", str(run_dir)])
    assert result.exit_code == 0, result.output

    # A fresh browser profile (no localStorage) sees the marks from review.json.
    fresh = browser.new_context(viewport={"width": 1400, "height": 900})
    page = Page(fresh.new_page())
    p = page.page
    page.open(report, "#review")
    assert p.inner_text("#review-count") == "2"
    assert "50003 is right here" in p.inner_text("#review-list")
    p.click("#review-list a")
    p.wait_for_selector("#drawer:not([hidden]) .sample")
    note = p.locator("#drawer li.note", has_text=CATCH_NOTE)
    assert "on" in note.locator("button.disagree").get_attribute("class").split()
    assert note.locator("input.comment").input_value() == "50003 is right here: the spec allows it"
    assert "from review.json" in note.inner_text()
    p.keyboard.press("Escape")
    page.tab("samples")
    page.select("review", "has disagree")
    assert page.shown() == 1
    page.shot("review-imported", tmp_path)
    page.assert_inert()
    fresh.close()


LANGUAGE_FILES = {
    "python": "python/reference.py",
    "javascript": "javascript/reference.js",
    "typescript": "typescript/reference.ts",
    "java": "java/reference.java",
    "csharp": "csharp/reference.cs",
    "go": "go/reference.go",
}
TRICKY = {  # strings and comments that a naive highlighter splits or swallows
    "python": 'x = f"{a!r}" + r"\\d" + """multi\nline""" + \'it\\\'s\'  # comment "quoted"\n',
    "javascript": "const t = `a ${b} c`; // comment 'x'\nconst r = /a\\/b/; /* block\n comment */\n",
    "typescript": "let n: number = 0x1F; const s = 'a\"b'; // note\n",
    "java": 'String s = "a\\"b"; /* c */ char c = \'x\'; // end\n',
    "csharp": 'var s = @"a""b"; var t = $"{x} y"; // end\n',
    "go": "s := `raw \\n string` // comment\nr := 'x'\n",
}


@pytest.mark.parametrize("language", sorted(LANGUAGE_FILES))
def test_highlighting_keeps_every_character(
    language: str, tmp_path: Path, page: Page, repo_root: Path
) -> None:
    from report_runs import good

    code = (
        TRICKY[language]
        + (repo_root / "tasks" / "user-flags" / LANGUAGE_FILES[language]).read_text()
    )
    run = write_run(
        tmp_path / language,
        [
            good(
                task=f"user-flags/{language}",
                language=language,
                code=code,
                completion=f"```{language}\n{code}```",
            )
        ],
    )
    page.open(write_report(run), "#sample=0")
    page.page.wait_for_selector("#drawer:not([hidden]) .sample")
    lines = page.page.eval_on_selector_all("#drawer .cl .src", "els => els.map(e => e.textContent)")
    assert "\n".join(line.replace("\u200b", "") for line in lines) + "\n" == code
    kinds = set(
        page.page.eval_on_selector_all("#drawer .cl .src span", "els => els.map(e => e.className)")
    )
    assert {"tk-kw", "tk-str", "tk-com"} <= kinds, kinds
    page.assert_inert()
