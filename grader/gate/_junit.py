"""The gate verdict as JUnit XML: one suite per model, one test case per task and per
requirement. A regression is a ``<failure>`` carrying the notes; a task or requirement that
fails now and failed in the baseline too is ``<skipped>`` (a known failure, not a regression);
tasks that could not be compared are ``<skipped>`` with the reason, or failures when the gate
file says so."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from grader.gate._compare import GateVerdict, Issue, TaskComparison

_BAD_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _BAD_XML.sub("\ufffd", text)


class _Suite:
    def __init__(self, parent: ET.Element, name: str) -> None:
        self.element = ET.SubElement(parent, "testsuite", name=name)
        self.tests = self.failures = self.skipped = 0

    def case(
        self,
        classname: str,
        name: str,
        *,
        failures: list[str] = (),
        skipped: str | None = None,  # type: ignore[assignment]
        body: str = "",
        out: str = "",
    ) -> None:
        case = ET.SubElement(
            self.element, "testcase", classname=_clean(classname), name=_clean(name)
        )
        self.tests += 1
        if failures:
            self.failures += 1
            failure = ET.SubElement(case, "failure", type="regression", message=_clean(failures[0]))
            failure.text = _clean("\n".join(failures + ([""] + [body] if body else [])))
        elif skipped is not None:
            self.skipped += 1
            element = ET.SubElement(case, "skipped", message=_clean(skipped))
            if body:
                element.text = _clean(body)
        if out:
            ET.SubElement(case, "system-out").text = _clean(out)

    def close(self) -> None:
        for key, value in (
            ("tests", self.tests),
            ("failures", self.failures),
            ("errors", 0),
            ("skipped", self.skipped),
        ):
            self.element.set(key, str(value))


def _texts(issues: list[Issue], level: str) -> list[str]:
    return [i.message for i in issues if i.level == level]


def _task_cases(suite: _Suite, comparison: TaskComparison) -> None:
    now, then = comparison.current, comparison.baseline
    task_issues = [i for i in comparison.issues if i.requirement is None or i.kind != "requirement"]
    failures = _texts(task_issues, "fail")
    warnings = "\n".join(_texts(comparison.issues, "warn") + _texts(comparison.issues, "info"))
    notes = "\n".join(f"- {n.text}" for n in now.notes) if now else ""
    skipped = None
    if not failures:
        if comparison.status != "compared":
            skipped = _texts(comparison.issues, "warn")[0] if warnings else comparison.status
        elif now is not None and now.passes < now.samples:
            skipped = f"fails in {now.samples - now.passes}/{now.samples} samples, as in the baseline (known failure)"
    suite.case(
        comparison.task,
        "task",
        failures=failures,
        skipped=skipped,
        body=("Notes:\n" + notes) if notes else "",
        out=warnings,
    )

    entry = now or then
    if entry is None:
        return
    for req in entry.requirements:
        issues = [i for i in comparison.issues if i.requirement == req.id]
        req_notes = "\n".join(
            f"- {n.text}" for n in (now.notes if now else []) if n.requirement == req.id
        )
        failures = _texts(issues, "fail")
        skipped = None
        if not failures:
            current = now.requirement(req.id) if now else None
            if comparison.status != "compared":
                skipped = f"not compared: {comparison.status.replace('_', ' ')}"
            elif current is not None and current.met < current.samples:
                skipped = f"unmet in {current.samples - current.met}/{current.samples} samples, as in the baseline"
        suite.case(
            comparison.task,
            f"requirement {req.id}",
            failures=failures,
            skipped=skipped,
            body=("Notes:\n" + req_notes) if req_notes else "",
        )


def render_junit(verdict: GateVerdict) -> str:
    root = ET.Element("testsuites", name="grader gate")
    models = list(dict.fromkeys(c.model for c in verdict.comparisons))
    model_level = [i for i in verdict.issues if i.task is None]
    for model in models or [None]:
        suite = _Suite(root, f"grader gate: {model}" if model else "grader gate")
        for comparison in (c for c in verdict.comparisons if c.model == model):
            _task_cases(suite, comparison)
        mine = [i for i in model_level if i.model in (model, None)]
        suite.case(
            "gate",
            f"suite {model}" if model else "suite",
            failures=_texts(mine, "fail"),
            out="\n".join(_texts(mine, "warn") + _texts(mine, "info")),
        )
        suite.close()
    totals = {
        key: sum(int(s.get(key, "0")) for s in root) for key in ("tests", "failures", "errors")
    }
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_junit(verdict: GateVerdict, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_junit(verdict), encoding="utf-8")
    return path
