"""A sandbox report and the parsed cases -> one ``TestRun`` with a status and a plain note."""

from __future__ import annotations

import re
import signal
from typing import Any

from grader.sandbox.runners.base import Parsed, first_lines
from grader.types import RunStatus, TestCase, TestRun

MEMORY_WORDS = (
    "MemoryError",
    "OutOfMemoryError",
    "heap out of memory",
    "OutOfMemoryException",
    "cannot allocate memory",
    "out of memory",
)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def build(
    report: dict[str, Any],
    parsed: Parsed,
    *,
    timeout_s: float,
    memory_mb: int,
    nproc: int,
    flood_bytes: int,
) -> TestRun:
    cases = parsed.cases
    status, note = classify(
        report,
        parsed,
        timeout_s=timeout_s,
        memory_mb=memory_mb,
        nproc=nproc,
        flood_bytes=flood_bytes,
    )
    counts = {
        outcome: sum(1 for c in cases if c.outcome == outcome)
        for outcome in ("passed", "failed", "error", "skipped")
    }
    if status not in ("ok",) and not cases:
        cases = [TestCase(name="sandbox", outcome="error", message=note)]
        counts["error"] = 1
    return TestRun(
        passed=counts["passed"],
        failed=counts["failed"],
        errors=counts["error"],
        skipped=counts["skipped"],
        timed_out=status == "timeout",
        status=status,
        note=note,
        cases=cases,
        output=str(report.get("output", "")),
        duration_s=float(report.get("seconds") or 0.0),
        timeout_s=timeout_s,
    )


def classify(
    report: dict[str, Any],
    parsed: Parsed,
    *,
    timeout_s: float,
    memory_mb: int,
    nproc: int,
    flood_bytes: int,
) -> tuple[RunStatus, str]:
    state = report.get("state")
    steps = report.get("steps") or []
    output = str(report.get("output", ""))
    tasks = report.get("uid_processes") or 0
    many_pids = (report.get("ns_last_pid") or 0) >= max(4 * nproc, 400)
    if state == "fork_bomb" or (state == "timeout" and tasks >= 0.75 * nproc):
        return "fork_bomb", (
            f"The code kept starting processes or threads ({tasks} running, limit {nproc}) "
            "until it was stopped; the whole process tree was killed."
        )
    if state == "timeout":
        return "timeout", (
            f"The tests did not finish within {timeout_s:g} s (wall clock); "
            "the whole process tree was killed."
        )
    if state == "output_flood":
        return "output_flood", (
            f"The code printed more than {flood_bytes // (1 << 20)} MB of output; it was "
            "stopped, and only the start and the end of its output were kept."
        )
    if state != "exited" or report.get("init_error"):
        return (
            "sandbox_error",
            f"The sandbox failed to run the tests: {report.get('init_error') or state}.",
        )
    if parsed.compile_error:
        return "compile_error", f"The code does not compile: {first_lines(parsed.compile_error, 4)}"
    compile_failed = [s for s in steps if s.get("phase") == "compile" and s.get("exit") != 0]
    if compile_failed:
        return (
            "compile_error",
            f"The code does not compile: {first_lines(output, 6) or 'no message'}",
        )
    if many_pids:
        return "fork_bomb", (
            f"The code started {report.get('ns_last_pid')} processes (limit {nproc} at a time); "
            "a fork bomb was contained and the sample fails."
        )
    test_steps = [s for s in steps if s.get("phase") != "compile"]
    died = next((s for s in test_steps if "signal" in s), None)
    messages = " ".join(c.message for c in parsed.cases)
    memory_hit = any(word in messages for word in MEMORY_WORDS)
    if died is not None:
        sig = died["signal"]
        if sig == signal.SIGXCPU or (
            sig == signal.SIGKILL and died.get("seconds", 0) >= timeout_s * 0.9
        ):
            return (
                "timeout",
                f"The code used more than its CPU-time limit ({int(timeout_s) + 1} s) and was killed.",
            )
        if memory_hit or any(word in output for word in MEMORY_WORDS) or sig == signal.SIGKILL:
            return "memory", f"The code ran out of memory (limit {memory_mb} MB) and was killed."
        if sig == signal.SIGXFSZ:
            return "crash", "The code wrote a file larger than the sandbox allows and was killed."
        return "crash", f"The test process crashed ({_signal_name(sig)}) before the tests finished."
    if memory_hit:
        return (
            "memory",
            f"The code ran out of memory (limit {memory_mb} MB); the tests that hit it fail.",
        )
    if not parsed.found_results or not parsed.cases:
        code = test_steps[-1].get("exit") if test_steps else None
        if not parsed.found_results and code not in (0, None):
            if any(word in output for word in MEMORY_WORDS):
                return (
                    "memory",
                    f"The code ran out of memory (limit {memory_mb} MB) before any test reported.",
                )
            error = error_line(output)
            if error:
                return "crash", f"The code failed before any test ran: {error}"
            return "crash", (
                f"The test process ended with exit code {code} before reporting any result; "
                "the code may have exited or killed it."
            )
        return "no_tests", (
            f"No test ran: the test process ended (exit code {code}) without reporting "
            "any test; the code may have exited early, or the tests found nothing to run."
        )
    return "ok", ""


# "ModuleNotFoundError: No module named 'x'", "Error: Cannot find module './repo'",
# "TypeError: x is not a function", "Exception in thread "main" java.lang.…", "panic: …"
_ERROR_LINE = re.compile(
    r"^\s*((?:[\w.]*(?:Error|Exception)\b[^\n]*?:|panic:|Unhandled exception)[^\n]*)$", re.MULTILINE
)


def error_line(output: str) -> str:
    """The last error/exception line in a crashed run's output (the one that ended it)."""
    found = _ERROR_LINE.findall(output)
    return found[-1].strip()[:300] if found else ""
