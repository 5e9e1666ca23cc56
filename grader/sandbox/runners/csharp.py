"""C#: ``mcs`` with a small bundled harness (Assert + Test* discovery), JSON results."""

from __future__ import annotations

from typing import Any

from grader.sandbox.policy import SANDBOX_DIR
from grader.sandbox.runners.base import (
    PRIVATE,
    RESULTS_DIR,
    TOKEN,
    LanguageRunner,
    Parsed,
    Plan,
    env,
)
from grader.sandbox.runners.results import parse_json_cases
from grader.types import TestJob

HARNESS = SANDBOX_DIR / "assets" / "GraderHarness.cs"
RESULTS = f"{PRIVATE}/cs-{TOKEN}.json"
EXE = f"{RESULTS_DIR}/tests.exe"


class CSharpRunner(LanguageRunner):
    language = "csharp"
    default_solution = "Solution.cs"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        files[self.solution_name(job)] = job.code
        files["GraderHarness.cs"] = HARNESS.read_text(encoding="utf-8")
        sources = sorted(name for name in files if name.endswith(".cs"))
        compile_step = {
            "kind": "exec",
            "phase": "compile",
            "as_mb": 4096,
            "argv": [
                "/usr/bin/mcs",
                "-nologo",
                "-warn:0",
                f"-out:{EXE}",
                "-main:GraderHarness.Runner",
                "-r:System.Core.dll",
                *sources,
            ],
            "env": env(MONO_GC_PARAMS=f"max-heap-size={job.memory_mb}m"),
        }
        test_step = {
            "kind": "exec",
            "phase": "test",
            "as_mb": 4096,
            "argv": ["/usr/bin/mono", "--debug", EXE, RESULTS],
            "env": env(MONO_GC_PARAMS=f"max-heap-size={job.memory_mb}m"),
        }
        return Plan(files=files, steps=[compile_step, test_step], result_files=[RESULTS], nproc=128)

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        found = parse_json_cases((report.get("files") or {}).get(RESULTS))
        if found is None:
            return Parsed([], found_results=False)
        return Parsed(found[0])
