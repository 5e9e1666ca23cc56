"""Readers of machine-readable test results: JUnit XML, go test -json, the JSON harnesses.

Result files come from the sandbox and are untrusted: size-capped by the zygote, and XML
with a DOCTYPE (entity tricks) is refused.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from grader.types import TestCase

MAX_MESSAGE = 2000
_OUTCOMES = {"passed", "failed", "error", "skipped"}


def _case(name: str, outcome: str, message: str = "", duration: Any = 0.0) -> TestCase:
    try:
        seconds = max(0.0, float(duration or 0.0))
    except (TypeError, ValueError):
        seconds = 0.0
    outcome = outcome if outcome in _OUTCOMES else "error"
    return TestCase(
        name=str(name)[:300],
        outcome=outcome,
        message=str(message or "")[:MAX_MESSAGE],
        duration_s=round(seconds, 6),
    )


def parse_json_cases(text: str | None) -> tuple[list[TestCase], dict[str, Any]] | None:
    """``{"cases": [{name, outcome, message, duration_s}], ...}`` -> cases and the rest."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        return None
    cases = [
        _case(
            c.get("name", "?"), c.get("outcome", "error"), c.get("message", ""), c.get("duration_s")
        )
        for c in data["cases"]
        if isinstance(c, dict)
    ]
    return cases, data


def parse_junit(text: str | None) -> list[TestCase] | None:
    if not text or not text.strip():
        return None
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return None
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return None
    cases = []
    for element in root.iter("testcase"):
        name = (element.get("name") or "?").removesuffix("()")
        outcome, message = "passed", ""
        for child in element:
            tag = child.tag
            if tag in ("failure", "error"):
                outcome = "failed" if tag == "failure" else "error"
                message = child.get("message") or (child.text or "").strip()
                break
            if tag == "skipped":
                outcome, message = "skipped", child.get("message") or ""
        cases.append(_case(name, outcome, message, element.get("time")))
    return cases


def parse_go_json(text: str | None) -> tuple[list[TestCase], bool, str]:
    """Events from ``go test -json``: cases, whether the package failed to build, and the
    compiler's messages where the events carry them (``build-output``, Go 1.24 and later;
    older Go prints them as plain text on stderr)."""
    cases: dict[str, dict[str, Any]] = {}
    output: dict[str, list[str]] = {}
    build_output: list[str] = []
    build_failed = False
    for line in (text or "").splitlines():
        try:
            event = json.loads(line)
        except ValueError:  # go 1.19 prints a failed build as plain text, even with -json
            if "[build failed]" in line or "[setup failed]" in line:
                build_failed = True
            continue
        if not isinstance(event, dict):
            continue
        test, action = event.get("Test"), event.get("Action")
        if action == "build-output":
            build_output.append(str(event.get("Output", "")))
            continue
        if action == "build-fail":
            build_failed = True
            continue
        if not test:
            if action == "output" and any(
                m in str(event.get("Output", "")) for m in ("[build failed]", "[setup failed]")
            ):
                build_failed = True
            continue
        if action == "output":
            output.setdefault(test, []).append(str(event.get("Output", "")))
        elif action in ("pass", "fail", "skip"):
            outcome = {"pass": "passed", "fail": "failed", "skip": "skipped"}[action]
            cases[test] = {"outcome": outcome, "elapsed": event.get("Elapsed", 0.0)}
    found = []
    for test, info in cases.items():
        lines = [
            ln.strip()
            for ln in output.get(test, [])
            if ln.strip() and not ln.lstrip().startswith(("=== ", "--- "))
        ]
        message = "\n".join(lines) if info["outcome"] != "passed" else ""
        found.append(_case(test, info["outcome"], message, info["elapsed"]))
    compiler = "".join(ln for ln in build_output if not ln.startswith("#"))
    return found, build_failed, compiler


DID_NOT_REPORT = (
    "this test did not report a result (the code may have exited, crashed or tampered "
    "with the test run before it finished)"
)


def step_secret(report: dict[str, Any], step_index: int) -> str | None:
    """The nonce the sandbox's init gave step ``step_index`` (init's own report: trusted)."""
    secrets = report.get("secrets")
    value = secrets.get(str(step_index)) if isinstance(secrets, dict) else None
    return value if isinstance(value, str) and len(value) >= 32 else None


def parse_signed(text: str | None, nonce: str | None) -> tuple[list[TestCase], bool]:
    """Results a trusted reporter wrote as ``NONCE<TAB>{json}`` lines: cases, and whether a
    ``{"done": true}`` line came. Lines without the nonce (what sample code could write)
    are ignored; a ``{"tampered": ...}`` line voids every case."""
    cases: list[TestCase] = []
    done = False
    if not text or not nonce:
        return cases, done
    prefix = nonce + "\t"
    for line in text.splitlines():
        if not line.startswith(prefix):
            continue
        try:
            data = json.loads(line[len(prefix) :])
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        if data.get("tampered"):
            return [], False
        if data.get("done") is True:
            done = True
            continue
        cases.append(
            _case(
                data.get("name", "?"),
                data.get("outcome", "error"),
                data.get("message", ""),
                data.get("duration_s"),
            )
        )
    return cases, done


def reconcile(cases: list[TestCase], expected: list[str]) -> list[TestCase]:
    """One case per expected name (counted on the host from the test sources): a name
    reported more than once fails if any report failed; an expected name never reported is
    a failed case; reported names the test sources do not define are dropped."""
    by_name: dict[str, TestCase] = {}
    for case in cases:
        if case.name not in expected:
            continue
        seen = by_name.get(case.name)
        if seen is None or (seen.outcome in ("passed", "skipped") and case.outcome != "passed"):
            by_name[case.name] = case
    return [
        by_name.get(name) or TestCase(name=name, outcome="failed", message=DID_NOT_REPORT)
        for name in dict.fromkeys(expected)
    ]
