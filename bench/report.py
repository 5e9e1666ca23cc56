"""HTML report speed: open and filter a 5,000-sample report in headless Chromium.

    python bench/report.py [--samples 5000] [--models 5] [--out DIR] [--seed-run DIR] [--repeat 3]

1. Seed: every Python task's reference and wrong solutions (``tasks/*/python/``) are graded
   for real with ``grade run tasks/*/python.yaml --replay`` (static rules, sandboxed tests,
   notes). ``--seed-run DIR`` reuses a run directory made that way before.
2. Grow: those graded results are copied to ``--samples`` samples over ``--models`` model
   names (round-robin over tasks), each with its own reply (a unique trailing comment in the
   reply and the code, a unique line in the test output) and its own generation figures, and
   written through the real run store.
3. Measure: ``write_report`` (build time, file size), then in headless Chromium
   (``/usr/bin/chromium``): time from navigation to the table being ready, a filter change,
   a text search, a sort, opening one sample. Each ``--repeat`` uses a fresh page; medians
   are printed. The goal is open + filter under 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader.report import write_report  # noqa: E402
from grader.store import RunStore, load_run  # noqa: E402
from grader.types import SampleResult  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FENCE = "`" * 3


def seed_run(out: Path) -> Path:
    """Grade every Python solution of every task for real, through ``grade run --replay``."""
    lines = []
    specs = sorted(ROOT.glob("tasks/*/python.yaml"))
    for spec in specs:
        task_id = spec.parent.name + "/python"
        for n, solution in enumerate(sorted((spec.parent / "python").glob("*.py"))):
            if solution.name.startswith("test_"):
                continue
            reply = f"Here is the function.\n\n{FENCE}python\n{solution.read_text()}{FENCE}\n"
            lines.append({"task": task_id, "completion": reply, "model": "seed", "sample": n})
    replay = out.with_suffix(".jsonl")
    replay.write_text("".join(json.dumps(line) + "\n" for line in lines))
    grade = Path(sys.executable).with_name("grade")
    command = [str(grade), "run", *map(str, specs), "--replay", str(replay), "--out", str(out)]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    print(
        f"seed: graded {len(lines)} replies of {len(specs)} tasks for real in {time.perf_counter() - started:.1f} s"
    )
    return out


def grow(
    seed: list[SampleResult], samples: int, models: int, out: Path, rng: random.Random
) -> Path:
    by_task: dict[str, list[SampleResult]] = {}
    for result in seed:
        by_task.setdefault(result.task, []).append(result)
    tasks = sorted(by_task)
    names = [f"bench-model-{chr(ord('a') + m)}-7b-q4_k_m" for m in range(models)]
    speed = {name: rng.uniform(25, 160) for name in names}
    run = {
        "id": f"bench-{samples}",
        "tasks": [{"id": t, "language": "python", "title": t} for t in tasks],
        "models": [{"name": n, "backend": "replay"} for n in names],
        "settings": {"samples": samples // (len(tasks) * models)},
    }
    store = RunStore.create(out, run)
    for i in range(samples):
        task = tasks[i % len(tasks)]
        model = names[(i // len(tasks)) % models]
        source = rng.choice(by_task[task])
        tag = f"# variant {i}: {model}\n"
        tps = max(1.0, rng.gauss(speed[model], speed[model] * 0.08))
        tokens = rng.randint(120, 900)
        code = (source.code or "") + tag
        reply = (
            source.completion.replace(source.code or "\0", code)
            if source.code
            else source.completion + tag
        )
        tests = source.tests.model_copy(update={"output": source.tests.output + f"\nrun {i}\n"})
        store.append(
            source.model_copy(
                update={
                    "model": model,
                    "sample": i // (len(tasks) * models),
                    "completion": reply,
                    "code": code,
                    "tests": tests,
                    "completion_tokens": tokens,
                    "prompt_tokens": 180,
                    "tokens_per_second": round(tps, 2),
                    "seconds": round(tokens / tps, 3),
                    "ttft_s": round(rng.uniform(0.05, 0.4), 3),
                    "generation": None,
                }
            )
        )
    return out


def measure(report: Path, repeat: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    figures: dict[str, list[float]] = {}

    def note(name: str, value: float) -> None:
        figures.setdefault(name, []).append(value)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            started = time.perf_counter()
            page.goto(report.as_uri() + "#samples")
            page.wait_for_selector("html[data-ready]")
            wall = time.perf_counter() - started
            timing = page.evaluate("""() => {
                const nav = performance.getEntriesByType('navigation')[0];
                return {ready: window.__grader.openMs, script: window.__grader.scriptMs,
                        html: nav.domInteractive, rows: document.querySelectorAll('#grid-rows .row').length,
                        shown: window.__grader.shown()};
            }""")
            assert timing["rows"] > 0 and timing["shown"] > 0, timing
            note("open: navigation -> table ready (ms, in page)", timing["ready"])
            note("open: wall clock goto -> ready (ms)", wall * 1000)
            note("open: HTML parsed, domInteractive (ms)", timing["html"])
            note("open: report script run (ms)", timing["script"])
            for name, action in (
                ("filter: model (ms)", "model"),
                ("filter: + failed only (ms)", "failed"),
                ("filter: requirement not met (ms)", "requirement"),
                ("filter: text search, first (ms)", "search"),
                ("filter: reset (ms)", "reset"),
                ("sort: by score (ms)", "sort"),
            ):
                note(name, timed(page, action))
            note(
                "detail: open one sample (ms)",
                timed(page, "open", wait="#drawer:not([hidden]) .sample"),
            )
            if errors:
                raise SystemExit(f"page errors: {errors}")
            page.close()
        browser.close()
    return figures


ACTIONS = """
    const f = document.getElementById('filters'), el = f.elements;
    const set = (name, value) => { el[name].value = value; el[name].dispatchEvent(new Event('change', {bubbles: true})); };
    const actions = {
        model: () => set('model', el.model.options[2].value),
        failed: () => set('result', 'fail'),
        requirement: () => { el.model.value = ''; el.result.value = ''; set('req', el.req.options[1].value); },
        search: () => { el.req.value = ''; el.q.value = 'error code'; el.q.dispatchEvent(new Event('input', {bubbles: true})); },
        reset: () => document.getElementById('reset-filters').click(),
        sort: () => document.querySelector('#grid-head [data-key=score]').click(),
        open: () => document.querySelector('#grid-rows .row:nth-child(5)').click(),
    };
"""


def timed(page: Any, action: str, wait: str | None = None) -> float:
    """Run ACTION (a name in ACTIONS); time until the next frame is painted (or WAIT appears)."""
    return page.evaluate(
        "async ([action, wait]) => {"
        + ACTIONS
        + """
            const t0 = performance.now();
            actions[action]();
            if (wait) while (!document.querySelector(wait)) await new Promise(r => setTimeout(r, 0));
            document.body.offsetHeight;
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
            return performance.now() - t0;
        }""",
        [action, wait],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=5000)
    parser.add_argument("--models", type=int, default=5)
    parser.add_argument(
        "--out", type=Path, help="run directory to write (default: a temporary one)"
    )
    parser.add_argument(
        "--seed-run", type=Path, help="reuse a run graded before instead of grading the seed"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="grader-bench-report-"))
    seed_dir = args.seed_run or seed_run(work / "seed")
    seed = load_run(seed_dir).results
    if not seed:
        raise SystemExit(f"{seed_dir}: no graded samples to grow from")
    out = args.out or work / "run"
    grow(seed, args.samples, args.models, out, random.Random(args.seed))

    started = time.perf_counter()
    report = write_report(out)
    build = time.perf_counter() - started
    size = report.stat().st_size
    results = (out / "results.jsonl").stat().st_size
    print(f"report: {report}")
    print(
        f"samples: {args.samples} ({args.models} models, {len({r.task for r in seed})} tasks); "
        f"results.jsonl {results / 1e6:.1f} MB"
    )
    print(f"build: write_report {build:.2f} s; report.html {size / 1e6:.2f} MB ({size} bytes)")

    figures = measure(report, args.repeat)
    width = max(map(len, figures))
    print(f"headless Chromium, median of {args.repeat} fresh pages (first run in brackets):")
    for name, values in figures.items():
        print(f"  {name:<{width}}  {statistics.median(values):8.1f}   [{values[0]:.1f}]")
    total = statistics.median(figures["open: wall clock goto -> ready (ms)"]) + statistics.median(
        figures["filter: model (ms)"]
    )
    verdict = "OK" if total < 2000 else "OVER"
    print(f"open + filter: {total:.0f} ms (goal < 2000 ms): {verdict}")


if __name__ == "__main__":
    main()
