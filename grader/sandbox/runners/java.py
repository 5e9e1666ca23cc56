"""Java: ``javac`` then a trusted JUnit 5 launcher (Debian ``junit5``), nonce-signed results."""

from __future__ import annotations

import glob
import re
from pathlib import Path
from typing import Any

from grader.sandbox.policy import SANDBOX_DIR
from grader.sandbox.runners.base import PRIVATE, TOKEN, LanguageRunner, Parsed, Plan, env
from grader.sandbox.runners.results import parse_signed, reconcile, step_secret
from grader.types import TestJob

JUNIT_JAR = "/usr/share/java/junit-platform-console-standalone.jar"
LAUNCHER = SANDBOX_DIR / "assets" / "GraderLauncher.java"
LAUNCHER_FILE = "graderharness/GraderLauncher.java"
RESULTS = f"{PRIVATE}/java-{TOKEN}.jsonl"
SECRET = f"{PRIVATE}/secret-{TOKEN}"
_TEST_METHOD = re.compile(
    r"@(?:Test|ParameterizedTest|RepeatedTest)\b(?:\s*\([^)]*\))?"
    r"(?:\s*@\w+(?:\s*\([^)]*\))?)*\s*(?:(?:public|protected|private|static|final)\s+)*"
    r"[\w<>\[\], ?]+?\s+(\w+)\s*\("
)
# A JVM under an address-space limit needs its reservations kept small (see sandbox notes).
JVM_FLAGS = [
    "-XX:+UseSerialGC",
    "-XX:TieredStopAtLevel=1",
    "-XX:CICompilerCount=1",
    "-XX:ReservedCodeCacheSize=64m",
    "-XX:CompressedClassSpaceSize=64m",
    "-Xss1m",
]


def _tool(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/jvm/*/bin/{name}"))
    return found[-1] if found else f"/usr/bin/{name}"


def expected_test_methods(source: str) -> list[str]:
    """The names of a test class's ``@Test`` (and parameterized/repeated) methods."""
    return _TEST_METHOD.findall(source)


class JavaRunner(LanguageRunner):
    language = "java"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        files[self.solution_name(job)] = job.code
        files[LAUNCHER_FILE] = LAUNCHER.read_text(encoding="utf-8")
        tests = [Path(p).name for p in job.test_files]
        expected = [name for test in tests for name in expected_test_methods(files[test])]
        sources = sorted(name for name in files if name.endswith(".java"))
        heap = max(128, job.memory_mb // 2)
        address_space = job.memory_mb + 1024
        compile_step = {
            "kind": "exec",
            "phase": "compile",
            "as_mb": 1536,
            "argv": [
                _tool("javac"),
                "-J-Xmx384m",
                *(f"-J{f}" for f in JVM_FLAGS),
                "-encoding",
                "UTF-8",
                "-nowarn",
                "-d",
                "classes",
                "-cp",
                JUNIT_JAR,
                *sources,
            ],
            "env": env(),
        }
        test_step = {
            "kind": "exec",
            "phase": "test",
            "as_mb": address_space,
            "argv": [
                _tool("java"),
                f"-Xmx{heap}m",
                *JVM_FLAGS,
                "-cp",
                f"classes:{JUNIT_JAR}",
                "graderharness.GraderLauncher",
                SECRET,
                RESULTS,
                *(Path(test).stem for test in tests),
            ],
            "env": env(GRADER_HIDE="\n".join(tests)),
            "secret": SECRET,
            "expected": expected,
        }
        return Plan(
            files=files,
            steps=[compile_step, test_step],
            result_files=[RESULTS],
            nproc=256,
            memory_hint="JVM heap",
        )

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        index = next(i for i, step in enumerate(plan.steps) if step.get("phase") == "test")
        signed, _ = parse_signed(
            (report.get("files") or {}).get(RESULTS), step_secret(report, index)
        )
        cases = reconcile(signed, plan.steps[index]["expected"])
        return Parsed(cases, found_results=bool(signed))
