"""The data the report's script reads: a compact index of every sample and its details.

The index (one row a sample, what the table filters and sorts) is parsed when the page
opens; each sample's details (reply, code, findings, tests, evidence) sit in chunks of
``CHUNK`` samples, gzipped and base64-encoded, that the page inflates only when a sample in
the chunk is opened. Repeated strings (prompts, notes,
evidence, test names and messages) are stored once in a string table ``S`` and referred to
by index. Extracted code that is a slice of the reply is stored as that slice's offsets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from grader.types import SampleResult

CHUNK = 200  # samples per detail block
OUTPUT_CAP = 6000  # characters of test output kept (the tail)
STATUS = {"unmet": 0, "partial": 1, "met": 2}


class Interner:
    """A string table: ``intern(text)`` returns the index of ``text`` in ``table``."""

    def __init__(self) -> None:
        self.table: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self.table)
            self.table.append(text)
        return found


class Names:
    """A small ordered table of names (tasks, models, requirement ids, rules)."""

    def __init__(self, initial: list[str] | None = None) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}
        for item in initial or []:
            self(item)

    def __call__(self, name: str) -> int:
        found = self._index.get(name)
        if found is None:
            found = self._index[name] = len(self.items)
            self.items.append(name)
        return found


@dataclass
class Tables:
    strings: Interner = field(default_factory=Interner)
    tasks: Names = field(default_factory=Names)
    models: Names = field(default_factory=Names)
    requirements: Names = field(default_factory=Names)
    rules: Names = field(default_factory=Names)


def _num(value: float | None, digits: int = 3) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def index_row(result: SampleResult, t: Tables, *, baseline: bool = False) -> dict[str, Any]:
    tests = result.tests
    row: dict[str, Any] = {
        "t": t.tasks(result.task),
        "m": t.models(result.model),
        "s": result.sample,
        "sc": _num(result.score, 2) or 0,
        "p": 1 if result.passed else 0,
        "tp": tests.passed,
        "tf": tests.failed + tests.errors,
        "ts": tests.status,
        "nf": len(result.findings),
        "fe": sum(1 for f in result.findings if f.severity == "error"),
        "rq": [t.requirements(v.id) * 3 + STATUS[v.status] for v in result.requirements],
        "ru": sorted({t.rules(f.rule) for f in result.findings}),
        "n": [t.strings(n.text) for n in result.note_values()],
        "ni": [t.strings(n.id) for n in result.note_values()],  # the notes' ids, as "n"
        "pn": [t.strings(n.text) for n in result.note_values(positive=True)],
        "pi": [t.strings(n.id) for n in result.note_values(positive=True)],
        "fm": sorted({t.strings(f.message) for f in result.findings}),
    }
    if result.error:
        row["e"] = 1
    if result.tokens_per_second:
        row["tps"] = _num(result.tokens_per_second, 2)
    if result.completion_tokens is not None:
        row["ct"] = result.completion_tokens
    if baseline:
        row["bl"] = 1
    return row


def detail(result: SampleResult, t: Tables) -> dict[str, Any]:
    s = t.strings
    tests = result.tests
    output = tests.output
    cut = len(output) > OUTPUT_CAP
    out: dict[str, Any] = {
        "lang": result.language,
        "c": result.completion,
        "pr": s(result.prompt) if result.prompt else None,
        "rq": [
            {
                "id": t.requirements(v.id),
                "st": v.status,
                "cr": round(v.credit, 3),
                "w": v.weight,
                "g": 1 if v.gating else 0,
                "ev": [s(e) for e in v.evidence],
                "d": v.disagreement,
            }
            for v in result.requirements
        ],
        "f": [
            {
                "r": t.rules(f.rule),
                "sv": f.severity,
                "l": f.line,
                "c": f.column,
                "el": f.end_line,
                "ec": f.end_column,
                "m": s(f.message),
                "x": f.text,
                "q": t.requirements(f.requirement) if f.requirement else None,
            }
            for f in result.findings
        ],
        "t": {
            "p": tests.passed,
            "f": tests.failed,
            "e": tests.errors,
            "sk": tests.skipped,
            "to": 1 if tests.timed_out else 0,
            "st": tests.status,
            "n": tests.note,
            "cs": [
                [s(c.name), c.outcome, s(c.message) if c.message else None, _num(c.duration_s)]
                for c in tests.cases
            ],
            "o": output[-OUTPUT_CAP:],
            "oc": 1 if cut else 0,
            "d": _num(tests.duration_s),
            "tl": _num(tests.timeout_s),
        },
        "g": _generation(result, t),
        "err": result.error,
    }
    code = result.code
    if code is None:
        out["code"] = None
    else:
        start = result.completion.find(code) if code else -1
        out["code"] = [start, start + len(code)] if start >= 0 and code else code
    return out


def _generation(result: SampleResult, t: Tables) -> dict[str, Any]:
    gen = result.generation
    figures: dict[str, Any] = {
        "completion tokens": result.completion_tokens,
        "prompt tokens": result.prompt_tokens,
        "seconds": _num(result.seconds, 2),
        "tokens/s": _num(result.tokens_per_second, 2),
        "time to first token (s)": _num(result.ttft_s, 3),
    }
    if gen is not None:
        figures.update(
            {
                "finish reason": gen.finish_reason,
                "seed": gen.seed,
                "template": gen.template,
                "cached": "yes" if gen.cached else None,
            }
        )
        if figures["completion tokens"] is None:
            figures["completion tokens"] = gen.completion_tokens
        if figures["prompt tokens"] is None:
            figures["prompt tokens"] = gen.prompt_tokens
    shown = {name: value for name, value in figures.items() if value is not None}
    if gen is not None and gen.prompt_text and gen.prompt_text != result.prompt:
        shown["_prompt_text"] = t.strings(gen.prompt_text)
    return shown


def build(
    current: list[SampleResult],
    baseline: list[SampleResult],
    tasks: list[dict[str, Any]],
    models: list[str],
) -> tuple[Tables, list[dict[str, Any]], list[list[dict[str, Any]]]]:
    """Index rows (current run first, then the baseline's) and detail chunks in the same order."""
    tables = Tables(tasks=Names([task["id"] for task in tasks]), models=Names(models))
    rows = [index_row(r, tables) for r in current] + [
        index_row(r, tables, baseline=True) for r in baseline
    ]
    details = [detail(r, tables) for r in [*current, *baseline]]
    chunks = [details[i : i + CHUNK] for i in range(0, len(details), CHUNK)]
    positions = {(r.task, r.model, r.sample): i for i, r in enumerate(baseline, start=len(current))}
    for i, r in enumerate(current):
        match = positions.get((r.task, r.model, r.sample))
        if match is not None:
            rows[i]["b"] = match
    return tables, rows, chunks
