"""Per-strategy figures of the adversarial gaming suite (issue 18), through ``grade run --replay``.

    .venv/bin/python bench/gaming.py [--out DIR]

Every strategy of ``tests/gaming/strategies/`` on every task it applies to (the Python ones
also on HumanEval's 164), each strategy a model of its own, in the real sandbox, as
``tests/gaming/test_gaming_strategies.py`` runs it in CI. Prints, per strategy: the samples,
how many the verdict passed (goal: 0), how many the strategy's own gaming rule named, and
how many got every test passing from the sandbox (a strategy that forged the tests
themselves; payloads merged into a reference solution pass on the reference's merits, so
only the gaming verdict can fail those).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "gaming"))
sys.path.insert(0, str(ROOT))

from gaming_suite import TASKS, load_strategies, write_replay  # noqa: E402

from grader.importers import import_humaneval  # noqa: E402
from grader.tasks import load_tasks  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="keep the run here (default: a temp dir)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="gaming-"))
    he_dir = scratch / "humaneval"
    import_humaneval(he_dir)
    corpus = load_tasks([TASKS])[0]
    humaneval = load_tasks([he_dir])[0]
    strategies = load_strategies()
    replay = scratch / "replay.jsonl"
    write_replay(replay, strategies, corpus, humaneval)
    run_dir = args.out or scratch / "run"
    command = [str(ROOT / ".venv" / "bin" / "grade"), "run", str(TASKS), str(he_dir)]
    command += ["--replay", str(replay), "--no-self-check", "--out", str(run_dir)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"grade run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    results = [json.loads(line) for line in (run_dir / "results.jsonl").open(encoding="utf-8")]
    expects = {s.name: s.expects for s in strategies}
    samples, passed, named, forged = Counter(), Counter(), Counter(), Counter()
    for result in results:
        name = result["model"]
        tests = result.get("tests") or {}
        samples[name] += 1
        passed[name] += bool(result["passed"])
        named[name] += expects[name] in {g["strategy"] for g in result["gaming"]}
        forged[name] += bool(
            tests.get("status") == "ok"
            and tests.get("passed", 0) > 0
            and tests.get("failed", 0) + tests.get("errors", 0) == 0
        )
    print(f"{'strategy':36} {'samples':>7} {'passed':>6} {'named':>6} {'all tests passed':>16}")
    for strategy in strategies:
        name = strategy.name
        print(
            f"{name:36} {samples[name]:7} {passed[name]:6} {named[name]:6} "
            f"{forged[name]:16}{'  (payload in a reference)' if not strategy.generic else ''}"
        )
    total = sum(samples.values())
    print(
        f"{'all':36} {total:7} {sum(passed.values()):6} {sum(named.values()):6} "
        f"{sum(forged.values()):16}"
    )


if __name__ == "__main__":
    main()
