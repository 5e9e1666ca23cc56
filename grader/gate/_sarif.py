"""Static findings of a run as SARIF 2.1.0, for code-scanning UIs.

Generated code has no file in the repository, so each sample gets a stable pseudo path,
``graded/<task-id>/<model>/sample-<n>.<ext>`` relative to the ``GRADED`` base, and its code is
embedded in ``runs[].artifacts[].contents.text`` so a viewer can still show the lines.
Columns are 1-based and counted in Unicode code points, as the rule engine reports them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from grader.languages import LANGUAGES
from grader.types import Finding, SampleResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
BASE_ID = "GRADED"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "model"


def sample_uri(result: SampleResult) -> str:
    """The pseudo path a sample's code is reported under."""
    task = "/".join(_slug(part) for part in result.task.split("/"))
    spec = LANGUAGES.get(result.language)
    extension = spec.extension if spec else "txt"
    return f"graded/{task}/{_slug(result.model)}/sample-{result.sample}.{extension}"


def _version() -> str:
    try:
        return metadata.version("grader")
    except metadata.PackageNotFoundError:
        return "0"


def _region(finding: Finding, code: str | None) -> dict[str, Any]:
    lines = (code or "").splitlines() or [""]
    start_line = max(1, finding.line)
    start_column = max(1, finding.column)
    end_line = (
        finding.end_line if finding.end_line and finding.end_line >= start_line else start_line
    )
    end_column = finding.end_column
    if end_column is None or (end_line == start_line and end_column <= start_column):
        text = lines[end_line - 1] if end_line <= len(lines) else ""
        end_column = max(start_column + 1, len(text) + 1)
    region: dict[str, Any] = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }
    if start_line <= len(lines):
        region["snippet"] = {"text": "\n".join(lines[start_line - 1 : min(end_line, len(lines))])}
    return region


def _fingerprint(result: SampleResult, finding: Finding) -> str:
    key = "\0".join((result.task, result.model, finding.rule, finding.message, finding.text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def build_sarif(results: Sequence[SampleResult]) -> dict[str, Any]:
    """One SARIF log with one run: every finding of every sample that has code."""
    rules: dict[str, dict[str, Any]] = {}
    artifacts: list[dict[str, Any]] = []
    sarif_results: list[dict[str, Any]] = []
    for result in sorted(results, key=lambda r: (r.task, r.model, r.sample)):
        if not result.findings:
            continue
        uri = sample_uri(result)
        index = len(artifacts)
        artifact: dict[str, Any] = {
            "location": {"uri": uri, "uriBaseId": BASE_ID},
            "sourceLanguage": result.language,
            "roles": ["analysisTarget"],
        }
        if result.code is not None:
            artifact["contents"] = {"text": result.code}
        artifacts.append(artifact)
        for finding in result.findings:
            if finding.rule not in rules:
                rules[finding.rule] = {
                    "id": finding.rule,
                    "name": "".join(
                        part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", finding.rule)
                    ),
                    "shortDescription": {"text": finding.message},
                    "defaultConfiguration": {"level": LEVELS[finding.severity]},
                }
            properties: dict[str, Any] = {
                "task": result.task,
                "model": result.model,
                "sample": result.sample,
            }
            if finding.requirement:
                properties["requirement"] = finding.requirement
            sarif_results.append(
                {
                    "ruleId": finding.rule,
                    "ruleIndex": list(rules).index(finding.rule),
                    "level": LEVELS[finding.severity],
                    "message": {"text": finding.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {
                                    "uri": uri,
                                    "uriBaseId": BASE_ID,
                                    "index": index,
                                },
                                "region": _region(finding, result.code),
                            }
                        }
                    ],
                    "partialFingerprints": {"graderFinding/v1": _fingerprint(result, finding)},
                    "properties": properties,
                }
            )
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "grader",
                        "version": _version(),
                        "rules": list(rules.values()),
                    }
                },
                "originalUriBaseIds": {
                    BASE_ID: {
                        "description": {
                            "text": "Code written by the graded models; one pseudo file per task, model and sample."
                        },
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": sarif_results,
            }
        ],
    }


def write_sarif(results: Sequence[SampleResult], path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(build_sarif(results), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path
