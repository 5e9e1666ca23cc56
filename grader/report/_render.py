"""Render one self-contained ``report.html``: template, inlined CSS and JS, embedded data.

Everything from a run reaches the page in one of two ways, both inert: text in the template
(Jinja autoescape) or JSON inside ``<script type="application/json">`` with ``<``, ``>``
and ``&`` written as ``\\u003c`` etc., so nothing in it can close the block. The page's
own script and style are allowed by hash in a Content-Security-Policy, so no other script
(inline, injected, or remote) can run and nothing is fetched.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, select_autoescape
from markupsafe import Markup

from grader._files import write_text_atomic
from grader.paths import cache_root
from grader.report import _overview, _payload
from grader.report.review import MarkIndex, read_run_review, run_key
from grader.store import LoadedRun, load_run
from grader.types import SampleResult

REPORT_FILE = "report.html"
_STATIC = Path(__file__).resolve().parent / "static"


def script_json(data: Any) -> Markup:
    """JSON safe to place inside a ``<script type="application/json">`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 - escaped above; nothing in it can end the element


def packed_json(data: Any) -> str:
    """JSON, gzipped, in base64: inert text (no ``<``, ``>`` or ``&``) the page inflates on demand."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode(
        "ascii"
    )


def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _signed(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:+.{digits}f}" if abs(value) >= 0.5 * 10**-digits else f"{0:.{digits}f}"


def _band(score: float | None) -> str:
    """A CSS class for a 0–100 score: five bands from bad to good."""
    if score is None:
        return "band-none"
    return f"band-{min(int(score // 20), 4)}"


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept in the cache folder (keyed by each template's checksum, so an
    edited template is compiled afresh): compiling the report template costs ~0.3 s a run."""
    folder = cache_root() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("grader.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(fmt=_fmt, pct=_pct, signed=_signed, band=_band)
    return env


def _static(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def _tasks(loaded: LoadedRun, extra: list[LoadedRun]) -> list[dict[str, Any]]:
    """Task records from run.json, then any task only the results (or the baseline) name."""
    tasks: dict[str, dict[str, Any]] = {}
    for run in (loaded, *extra):
        for task in run.run.get("tasks") or []:
            if isinstance(task, dict) and task.get("id") and task["id"] not in tasks:
                tasks[task["id"]] = {
                    "id": str(task["id"]),
                    "language": str(task.get("language") or ""),
                    "title": str(task.get("title") or ""),
                }
        for result in run.results:
            tasks.setdefault(
                result.task, {"id": result.task, "language": result.language, "title": ""}
            )
    return list(tasks.values())


def _models(loaded: LoadedRun, extra: list[LoadedRun]) -> list[str]:
    names: dict[str, None] = {}
    for run in (loaded, *extra):
        for model in run.run.get("models") or []:
            if isinstance(model, dict) and model.get("name"):
                names[str(model["name"])] = None
        for result in run.results:
            names[result.model] = None
    return list(names)


def _run_meta(loaded: LoadedRun) -> dict[str, Any]:
    run = loaded.run
    return {
        "key": run_key(loaded),
        "label": str(run.get("id") or loaded.path.resolve().name),
        "dir": str(loaded.path),
        "started_at": run.get("started_at"),
        "finished_at": run.get("finished_at"),
        "command": run.get("command"),
        "settings": run.get("settings") if isinstance(run.get("settings"), dict) else {},
        "versions": run.get("versions") if isinstance(run.get("versions"), dict) else {},
        "throughput": run.get("throughput") if isinstance(run.get("throughput"), dict) else {},
        "models": [m for m in run.get("models") or [] if isinstance(m, dict)],
        "problems": [str(p) for p in run.get("problems") or []],
    }


def _flat(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "–" if value is None else str(value)


def _finite(results: list[SampleResult]) -> list[SampleResult]:
    """A NaN or infinite score (a broken stage) counts as 0 so every figure stays a number."""
    return [r if math.isfinite(r.score) else r.model_copy(update={"score": 0.0}) for r in results]


def render_report(run_dir: Path, baseline_dir: Path | None = None) -> str:
    """The report for RUN_DIR (optionally against BASELINE_DIR) as one HTML string."""
    loaded = load_run(run_dir)
    base = load_run(baseline_dir) if baseline_dir is not None else None
    extra = [base] if base else []
    tasks = _tasks(loaded, extra)
    models = _models(loaded, extra)
    current, old = _finite(loaded.results), _finite(base.results) if base else []
    tables, rows, chunks = _payload.build(current, old, tasks, models)

    per_task: dict[tuple[str, str], int] = {}
    for r in current:
        per_task[(r.task, r.model)] = per_task.get((r.task, r.model), 0) + 1
    ks = _overview.choose_ks(max(per_task.values(), default=1))
    run_models = [m for m in models if any(r.model == m for r in current)]
    models_rows = _overview.models_table(current, run_models, ks)
    matrix = _overview.tasks_matrix(current, tasks, run_models, ks)
    summary = _overview.models_table(
        [r.model_copy(update={"model": "all"}) for r in current], ["all"], ks
    )
    changes = None
    if base is not None:
        changes = _overview.changes(
            current,
            old,
            {(r.task, r.model, r.sample): i for i, r in enumerate(current)},
            {(r.task, r.model, r.sample): i for i, r in enumerate(old, start=len(current))},
        )
    marks, review_problem = read_run_review(loaded.path)
    notes = MarkIndex(loaded.results)
    marks = [notes.resolved(mark) for mark in marks]
    meta = _run_meta(loaded)
    data = {
        "v": 1,
        "run": {"key": meta["key"], "label": meta["label"]},
        "baseline": _run_meta(base)["label"] if base else None,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "n": len(current),
        "chunk": _payload.CHUNK,
        "chunks": len(chunks),
        "tasks": [{"id": t["id"], "lang": t["language"], "title": t["title"]} for t in tasks],
        "models": tables.models.items,
        "reqs": tables.requirements.items,
        "rules": tables.rules.items,
        "S": tables.strings.table,
        "rows": rows,
        "review": marks,
    }
    css, js = _static("report.css"), _static("report.js")
    if "</" in js or "</" in css:  # our own assets must not be able to end their element
        raise ValueError("report.js / report.css must not contain '</'")
    task_index = {t["id"]: i for i, t in enumerate(tasks)}
    model_index = {m: i for i, m in enumerate(models)}
    template = _environment().get_template("report.html.j2")
    return template.render(
        meta=meta,
        base_meta=_run_meta(base) if base else None,
        summary=summary[0] if summary else None,
        models_rows=models_rows,
        run_models=run_models,
        ks=ks,
        matrix=matrix,
        histograms=_overview.score_histograms(current, run_models),
        requirement_chart=_overview.requirement_rates(current),
        speed=_overview.speed_chart(models_rows),
        changes=changes,
        task_index=task_index,
        model_index=model_index,
        review_problem=review_problem,
        settings=[(str(k), _flat(v)) for k, v in meta["settings"].items()],
        throughput=[(str(k), _flat(v)) for k, v in meta["throughput"].items()],
        versions=[(str(k), _flat(v)) for k, v in meta["versions"].items()],
        model_details=[[(str(k), _flat(v)) for k, v in m.items()] for m in meta["models"]],
        data=script_json(data),
        chunks=[packed_json(chunk) for chunk in chunks],
        css=Markup(css),  # noqa: S704 - our own file, checked above
        js=Markup(js),  # noqa: S704 - our own file, checked above
        script_hash=_csp_hash(js),
        style_hash=_csp_hash(css),
    )


def write_report(run_dir: Path, baseline_dir: Path | None = None) -> Path:
    """Write RUN_DIR/report.html (atomically) and return its path."""
    run_dir = Path(run_dir)
    html = render_report(run_dir, Path(baseline_dir) if baseline_dir is not None else None)
    target = run_dir / REPORT_FILE
    write_text_atomic(target, html)
    return target
