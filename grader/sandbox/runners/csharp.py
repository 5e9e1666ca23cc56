"""C#: ``mcs`` with a small bundled harness (Assert + Test* discovery), JSON results."""

from __future__ import annotations

import re
from pathlib import Path
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
from grader.sandbox.runners.results import parse_signed, reconcile, step_secret
from grader.types import TestJob

HARNESS = SANDBOX_DIR / "assets" / "GraderHarness.cs"
RESULTS = f"{PRIVATE}/cs-{TOKEN}.jsonl"
SECRET = f"{PRIVATE}/secret-{TOKEN}"
_NAMESPACE = re.compile(r"^\s*namespace\s+([\w.]+)", re.M)
_CLASS = re.compile(r"\bclass\s+(\w+)")
_TEST_METHOD = re.compile(r"(\[Test\]\s*)?public\s+static\s+void\s+(\w+)\s*\(\s*\)")


def declared_test_classes(source: str) -> list[str]:
    """Full names of the classes a test file declares (the harness runs only these)."""
    found = _NAMESPACE.search(source)
    prefix = f"{found.group(1)}." if found else ""
    return [prefix + name for name in _CLASS.findall(source)]


def expected_test_methods(source: str) -> list[str]:
    """``public static void Test*()`` methods and ones marked ``[Test]``, as the harness finds."""
    return [
        name for marked, name in _TEST_METHOD.findall(source) if marked or name.startswith("Test")
    ]


EXE = f"{RESULTS_DIR}/tests.exe"


class CSharpRunner(LanguageRunner):
    language = "csharp"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        files[self.solution_name(job)] = job.code
        files["GraderHarness.cs"] = HARNESS.read_text(encoding="utf-8")
        tests = [files[Path(p).name] for p in job.test_files]
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
            "argv": [
                "/usr/bin/mono",
                "--debug",
                EXE,
                SECRET,
                RESULTS,
                *(name for test in tests for name in declared_test_classes(test)),
            ],
            "env": env(
                MONO_GC_PARAMS=f"max-heap-size={job.memory_mb}m",
                GRADER_HIDE="\n".join(Path(p).name for p in job.test_files),
            ),
            "secret": SECRET,
            "expected": [name for test in tests for name in expected_test_methods(test)],
        }
        return Plan(files=files, steps=[compile_step, test_step], result_files=[RESULTS], nproc=128)

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        index = next(i for i, step in enumerate(plan.steps) if step.get("phase") == "test")
        signed, _ = parse_signed(
            (report.get("files") or {}).get(RESULTS), step_secret(report, index)
        )
        cases = reconcile(signed, plan.steps[index]["expected"])
        return Parsed(cases, found_results=bool(signed))
