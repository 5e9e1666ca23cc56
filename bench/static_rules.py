"""Static-rule throughput: grade a corpus of generated ~100-line files with the reference rubric.

    python bench/static_rules.py [--files 1200] [--lines 100] [--seed 0] [--workers 1] [--profile 30]
    python bench/static_rules.py --instructions [--files 150]

Each file is a solution of the reference task (``tasks/user-flags``: the reference or one of
the wrong variants, in one of the six languages) with renamed variables and unrelated helper
code added until it is about ``--lines`` long. Every rule binding of the rubric runs on every
file. Prints files per second per core (files / CPU seconds spent grading; parsing included,
corpus generation not), the same rate for parsing alone and for parsing plus the node index
(the ceiling of any rule engine that reads the whole tree once), and, as a sanity check, how
many files each rule failed.
``--profile N`` also prints the N functions with the most own time while grading (cProfile;
the rate it prints is then slowed by the profiler).

``--instructions`` counts CPU instructions per file instead of seconds, under valgrind's
callgrind: for grading, for parsing alone, and for parsing plus the node index (the one pass
over every tree that grading needs whatever the rules). Counts repeat exactly from run to run,
where times on a shared 2-core machine swing by a third, so they are the figure to compare
changes by. (They do not convert to seconds at one rate: the parser's C code runs more
instructions per cycle than the rules' Python; the timed run prints the ceiling in files/s.)
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from grader.languages import LANGUAGES  # noqa: E402
from grader.rules import check_code  # noqa: E402
from grader.types import RuleBinding  # noqa: E402

TASK = ROOT / "tasks" / "user-flags"
RUBRIC = ROOT / "rubrics" / "user-flags.yaml"
EXTENSIONS = {name: spec.extension for name, spec in LANGUAGES.items()}
RENAMES = {
    "user": ["record", "account", "found", "existing", "usr"],
    "repo": ["repository", "store", "users_repo", "db"],
}

# Unrelated helper code, per language, repeated with fresh names to pad files.
HELPERS = {
    "python": '''
def helper_{n}(items, limit={k}):
    """Sum the even values below a limit."""
    total = 0
    for value in items:
        if value % 2 == 0 and value < limit:
            total += value
        elif value > limit * 2:
            break
    return total
''',
    "javascript": """
function helper{n}(items, limit = {k}) {
  // Sum the even values below a limit.
  let total = 0;
  for (const value of items) {
    if (value % 2 === 0 && value < limit) {
      total += value;
    } else if (value > limit * 2) {
      break;
    }
  }
  return total;
}
""",
    "typescript": """
function helper{n}(items: number[], limit: number = {k}): number {
  // Sum the even values below a limit.
  let total = 0;
  for (const value of items) {
    if (value % 2 === 0 && value < limit) {
      total += value;
    } else if (value > limit * 2) {
      break;
    }
  }
  return total;
}
""",
    "java": """
    private static int helper{n}(int[] items) {
        // Sum the even values below a limit.
        int total = 0;
        for (int value : items) {
            if (value % 2 == 0 && value < {k}) {
                total += value;
            } else if (value > {k} * 2) {
                break;
            }
        }
        return total;
    }
""",
    "csharp": """
    private static int Helper{n}(int[] items)
    {
        // Sum the even values below a limit.
        var total = 0;
        foreach (var value in items)
        {
            if (value % 2 == 0 && value < {k}) { total += value; }
            else if (value > {k} * 2) { break; }
        }
        return total;
    }
""",
    "go": """
func helper{n}(items []int) int {
	// Sum the even values below a limit.
	total := 0
	for _, value := range items {
		if value%2 == 0 && value < {k} {
			total += value
		} else if value > {k}*2 {
			break
		}
	}
	return total
}
""",
}


def bindings() -> tuple[list[RuleBinding], dict]:
    rubric = yaml.safe_load(RUBRIC.read_text())
    out = [
        RuleBinding.model_validate({**b, "requirement": r["id"]})
        for r in rubric["requirements"]
        for b in r.get("rules", [])
    ]
    out += [RuleBinding.model_validate(b) for b in rubric.get("rules", [])]
    return out, dict(rubric["params"])


def solutions() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for lang, ext in EXTENSIONS.items():
        found[lang] = [
            p.read_text()
            for p in sorted((TASK / lang).glob(f"*.{ext}"))
            if p.stem.startswith(("reference", "wrong", "partial"))
        ]
    return found


def vary(code: str, lang: str, lines: int, rng: random.Random) -> str:
    for old, options in RENAMES.items():
        new = rng.choice(options)
        code = re.sub(rf"\b{old}\b", new, code)
    helper = HELPERS[lang]
    pieces = []
    n = 0
    while code.count("\n") + sum(p.count("\n") for p in pieces) < lines:
        pieces.append(helper.replace("{n}", str(n)).replace("{k}", str(rng.randint(2, 99))))
        n += 1
    if lang in ("java", "csharp"):  # helpers go inside the class
        cut = code.rstrip().rfind("}")
        return code[:cut] + "".join(pieces) + code[cut:]
    return code + "".join(pieces)


def corpus(count: int, lines: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pool = solutions()
    langs = list(EXTENSIONS)
    return [
        (lang, vary(rng.choice(pool[lang]), lang, lines, rng))
        for lang in (langs[i % len(langs)] for i in range(count))
    ]


def grade_files(files: list[tuple[str, str]], profile: int = 0) -> tuple[float, Counter]:
    binds, params = bindings()
    failed: Counter = Counter()
    warm_up(binds, params)
    profiler = cProfile.Profile() if profile else None
    start = time.process_time()
    if profiler is not None:
        profiler.enable()
    for lang, code in files:
        for check in check_code(code, lang, binds, _params(params, lang)):
            if not check.passed:
                failed[check.rule] += 1
    if profiler is not None:
        profiler.disable()
    spent = time.process_time() - start
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(profile)
    return spent, failed


def warm_up(binds: list[RuleBinding], params: dict) -> None:
    """Load and compile every rule and the node-index query of each language, outside the
    timing. Twice: rules ask for node types as they compile, so the first file of a language
    indexes before the last rule has asked, and the index query of the full set of types is
    compiled (about 5 ms a language) on the second."""
    for _ in range(2):
        for lang in EXTENSIONS:
            check_code("", lang, binds, _params(params, lang))


def parse_only(files: list[tuple[str, str]]) -> float:
    """CPU seconds to parse the corpus, nothing else: the floor under any rule engine."""
    from grader.rules._tree import parser

    start = time.process_time()
    for lang, code in files:
        parser(lang).parse(code.encode())
    return time.process_time() - start


def index_only(files: list[tuple[str, str]]) -> float:
    """CPU seconds to parse every file and build its node index: what grading pays whatever
    the rules (call after a warm-up, so the index query is compiled)."""
    from grader.rules._tree import Code

    start = time.process_time()
    for lang, code in files:
        parsed = Code(code, lang)
        parsed.first_error()
        parsed.nodes(parsed.function_kinds)  # the first look-up indexes every hot type
    return time.process_time() - start


PHASES = ("none", "parse", "index", "grade")


def run_phase(phase: str, files: list[tuple[str, str]]) -> None:
    """The work one ``--phase`` child does after the shared set-up (corpus and warm-up)."""
    binds, params = bindings()
    warm_up(binds, params)
    if phase == "parse":
        parse_only(files)
    elif phase == "index":
        index_only(files)
    elif phase == "grade":
        for lang, code in files:
            check_code(code, lang, binds, _params(params, lang))


def count_instructions(args: argparse.Namespace) -> dict[str, float]:
    """Instructions per file of each phase: a callgrind run per phase, less the "none" run
    (interpreter start, imports, corpus, warm-up)."""
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    totals: dict[str, int] = {}
    for phase in PHASES:
        command = [
            "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
            sys.executable, __file__, "--phase", phase,
            "--files", str(args.files), "--lines", str(args.lines), "--seed", str(args.seed),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True)
        found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
        if done.returncode != 0 or found is None:
            sys.exit(f"callgrind run for {phase!r} failed:\n{done.stderr[-2000:]}")
        totals[phase] = int(found.group(1))
    return {p: (totals[p] - totals["none"]) / args.files for p in PHASES[1:]}


def report_instructions(args: argparse.Namespace) -> None:
    per_file = count_instructions(args)
    grade, parse, index = per_file["grade"], per_file["parse"], per_file["index"]
    print(
        f"files: {args.files} (about {args.lines} lines each), instructions per file (callgrind):"
    )
    print(f"  grading:              {grade / 1e6:6.2f} M  ({grade / parse:.2f}x parsing)")
    print(f"  parsing alone:        {parse / 1e6:6.2f} M")
    print(f"  parsing + node index: {index / 1e6:6.2f} M  (the floor of any rubric)")
    print(f"  the rules themselves: {(grade - index) / 1e6:6.2f} M")


def _params(params: dict, lang: str) -> dict:
    if lang in ("csharp", "go"):
        return {**params, "repo_calls": [c.capitalize() for c in params["repo_calls"]]}
    return params


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1200)
    parser.add_argument("--lines", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="print the N hottest functions"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions per file under callgrind (slow: use --files 150 or so)",
    )
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)  # a callgrind child
    args = parser.parse_args()
    if args.phase is not None:
        run_phase(args.phase, corpus(args.files, args.lines, args.seed))
        return
    if args.instructions:
        report_instructions(args)
        return
    files = corpus(args.files, args.lines, args.seed)
    mean_lines = sum(code.count("\n") + 1 for _, code in files) / len(files)
    wall = time.perf_counter()
    if args.workers <= 1:
        cpu, failed = grade_files(files, args.profile)
    else:
        chunks = [files[i :: args.workers] for i in range(args.workers)]
        with ProcessPoolExecutor(args.workers) as pool:
            results = list(pool.map(grade_files, chunks))
        cpu = sum(r[0] for r in results)
        failed = sum((r[1] for r in results), Counter())
    wall = time.perf_counter() - wall
    rate = len(files) / cpu
    parse_rate = len(files) / parse_only(files)
    index_rate = len(files) / index_only(files)  # after grading: the index query is compiled
    print(
        f"files: {len(files)} ({mean_lines:.0f} lines on average, 6 languages), workers: {args.workers}"
    )
    print(f"CPU seconds grading: {cpu:.2f}; wall: {wall:.2f}s")
    print(
        f"files/s/core: {rate:.0f}  (goal >= 1000 for 100-line files: {'met' if rate >= 1000 else 'NOT met'})"
    )
    print(
        f"for scale, on this machine: tree-sitter parsing alone runs at {parse_rate:.0f} files/s/core, "
        f"parsing plus the node index (the ceiling with rules that cost nothing) at {index_rate:.0f}; "
        f"grading costs {parse_rate / rate:.1f}x parsing"
    )
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} when done")
    print("failing checks per rule: " + ", ".join(f"{k}={v}" for k, v in sorted(failed.items())))


if __name__ == "__main__":
    main()
