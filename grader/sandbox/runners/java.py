"""Java: ``javac`` then a trusted JUnit 5 launcher (Debian ``junit5``), nonce-signed results."""

from __future__ import annotations

import glob
import re
from pathlib import Path
from typing import Any

from grader.sandbox.policy import SANDBOX_DIR
from grader.sandbox.runners.base import PRIVATE, TOKEN, LanguageRunner, Parsed, Plan, env
from grader.sandbox.runners.results import parse_signed, reconcile, step_secret
from grader.types import TestCase, TestJob

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
        tests = {Path(name).name for name in plan.steps[index]["env"]["GRADER_HIDE"].split("\n")}
        cases = [_with_check(case, plan.files, tests) for case in cases]
        return Parsed(cases, found_results=bool(signed))


_CHECKED_AT = re.compile(r"\n\(checked at (?P<file>[\w.]+\.java):(?P<line>\d+)\)$")


_RAISED_AT = re.compile(r"^(?P<type>\w+)(?::[^\n]*)? \(at (?P<where>[^()\n]*)\)")
_FRAME = re.compile(r"(?P<file>[\w.]+\.java):(?P<line>\d+)")


def _test_line(files: dict[str, str], file: str, number: int) -> str:
    source = next((text for name, text in files.items() if Path(name).name == file), "")
    lines = source.splitlines()
    return lines[number - 1].strip() if 0 < number <= len(lines) else ""


def _with_check(case: TestCase, files: dict[str, str], tests: set[str]) -> TestCase:
    """What the test files say of a failure, read here, on the host (the test sources are
    deleted before any code runs; the launcher only knows where things happened):

    - a failed check's line: "(checked: assertEquals(parts, shares.size());)";
    - an exception the test made for a stand-in to throw (``new Flaky(new IOException(...))``),
      which only the test's frames show as it was made before the code ran: "(made by the
      test at RetryTest.java:55)", so that it is read as one the code let through."""
    found = _CHECKED_AT.search(case.message)
    if found is not None:
        checked = _test_line(files, found["file"], int(found["line"]))
        said = case.message[: found.start()] + (f"\n(checked: {checked[:200]})" if checked else "")
        return case.model_copy(update={"message": said})
    raised = _RAISED_AT.match(case.message)
    frames = list(_FRAME.finditer(raised["where"])) if raised else []
    if not frames or any(f["file"] not in tests for f in frames):
        return case
    first = frames[0]
    if f"new {raised['type']}(" not in _test_line(files, first["file"], int(first["line"])):
        return case
    said = case.message.replace(
        f"(at {raised['where']})", f"(made by the test at {raised['where']})", 1
    )
    return case.model_copy(update={"message": said})
