"""The CI regression gate: compare a run with a baseline; JUnit, SARIF and Markdown out.

Reads stored results only; it never grades anything again.
"""

from grader.gate._compare import GateVerdict, Issue, TaskComparison, compare_runs, wilson_upper
from grader.gate._config import DEFAULT_GATE_FILE, GateConfig, load_config
from grader.gate._junit import write_junit
from grader.gate._markdown import render_markdown, write_markdown
from grader.gate._sarif import build_sarif, write_sarif
from grader.gate._snapshot import Entry, NoteStat, Snapshot, load_snapshot, save_baseline
from grader.types import note_key

__all__ = [
    "DEFAULT_GATE_FILE",
    "Entry",
    "GateConfig",
    "GateVerdict",
    "Issue",
    "NoteStat",
    "Snapshot",
    "TaskComparison",
    "build_sarif",
    "compare_runs",
    "load_config",
    "load_snapshot",
    "note_key",
    "render_markdown",
    "save_baseline",
    "wilson_upper",
    "write_junit",
    "write_markdown",
    "write_sarif",
]
