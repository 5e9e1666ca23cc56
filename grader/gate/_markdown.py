"""The gate verdict as Markdown for a pull-request comment (and ``$GITHUB_STEP_SUMMARY``)."""

from __future__ import annotations

from pathlib import Path

from grader.gate._compare import GateVerdict, TaskComparison
from grader.gate._snapshot import Entry

LIMIT = 60_000  # GitHub refuses comments over 65,536 characters


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rate(entry: Entry | None) -> str:
    return f"{entry.passes}/{entry.samples}" if entry else "—"


def _score(entry: Entry | None) -> str:
    return f"{entry.mean_score:.1f}" if entry else "—"


def _status(comparison: TaskComparison) -> str:
    if comparison.regressed:
        return "❌ regressed"
    if comparison.status == "compared":
        return "✅ ok"
    return {"missing": "⚠️ missing", "new": "🆕 new", "version_changed": "⚠️ spec changed"}[
        comparison.status
    ]


def render_markdown(verdict: GateVerdict) -> str:
    failures, warnings = verdict.failures, verdict.warnings
    head = (
        "### ✅ grader gate: nothing regressed"
        if verdict.ok
        else f"### ❌ grader gate: {len(failures)} regression(s)"
    )
    lines = [
        head,
        "",
        f"Run `{verdict.current.source}` against baseline `{verdict.baseline.source}`.",
        "",
    ]
    if failures:
        lines += ["**Regressions**", ""]
        lines += [
            f"- **{_cell(i.task or 'suite')}**"
            + (f" `{i.model}`" if i.model else "")
            + f": {_cell(i.message)}"
            for i in failures
        ]
        lines.append("")
    if warnings:
        lines += ["**Warnings**", ""]
        lines += [
            f"- {_cell(i.task or 'suite')}"
            + (f" `{i.model}`" if i.model else "")
            + f": {_cell(i.message)}"
            for i in warnings
        ]
        lines.append("")
    lines += [
        "| task | model | baseline pass | now pass | baseline score | now score | status |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for c in verdict.comparisons:
        model = (
            c.model if c.baseline_model in (None, c.model) else f"{c.baseline_model} → {c.model}"
        )
        lines.append(
            f"| {_cell(c.task)} | {_cell(model)} | {_rate(c.baseline)} | {_rate(c.current)} | "
            f"{_score(c.baseline)} | {_score(c.current)} | {_status(c)} |"
        )
    noted = [c for c in verdict.comparisons if c.regressed and c.current and c.current.notes]
    for c in noted:
        lines += ["", f"<details><summary>Notes: {_cell(c.task)} ({_cell(c.model)})</summary>", ""]
        lines += [f"- {_cell(n.text)}" for n in c.current.notes]  # type: ignore[union-attr]
        lines += ["", "</details>"]
    text = "\n".join(lines) + "\n"
    if len(text) > LIMIT:
        text = (
            text[:LIMIT].rsplit("\n", 1)[0] + "\n\n… (cut to fit a comment; see the JUnit report)\n"
        )
    return text


def write_markdown(verdict: GateVerdict, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(verdict), encoding="utf-8")
    return path
