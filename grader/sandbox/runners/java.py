"""Java: ``javac`` then JUnit 5's console launcher (Debian ``junit5``), XML reports."""

from __future__ import annotations

import glob
from typing import Any

from grader.sandbox.runners.base import PRIVATE, TOKEN, LanguageRunner, Parsed, Plan, env
from grader.sandbox.runners.results import parse_junit
from grader.types import TestJob

JUNIT_JAR = "/usr/share/java/junit-platform-console-standalone.jar"
REPORTS = f"{PRIVATE}/reports-{TOKEN}"
REPORT = f"{REPORTS}/TEST-junit-jupiter.xml"
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


class JavaRunner(LanguageRunner):
    language = "java"
    default_solution = "Solution.java"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        files[self.solution_name(job)] = job.code
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
                "-jar",
                JUNIT_JAR,
                "--class-path",
                "classes",
                "--scan-class-path",
                "--disable-banner",
                "--details=tree",
                "--disable-ansi-colors",
                f"--reports-dir={REPORTS}",
            ],
            "env": env(),
        }
        return Plan(
            files=files,
            steps=[compile_step, test_step],
            result_files=[REPORT],
            nproc=256,
            memory_hint="JVM heap",
        )

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        cases = parse_junit((report.get("files") or {}).get(REPORT))
        return Parsed(cases or [], found_results=cases is not None)
