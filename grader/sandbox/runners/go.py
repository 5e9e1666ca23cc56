"""Go: ``go test -json`` on a generated module, with a warm read-only build cache."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from grader.sandbox.policy import SANDBOX_DIR
from grader.sandbox.runners.base import (
    PRIVATE,
    TOKEN,
    LanguageRunner,
    Parsed,
    Plan,
    env,
    first_lines,
)
from grader.sandbox.runners.cache import GOCACHE_INSIDE, go_cache_dir, go_toolchain
from grader.sandbox.runners.results import parse_go_json, parse_signed, reconcile, step_secret
from grader.types import TestJob

EVENTS = f"{PRIVATE}/events-{TOKEN}.json"
SIGNED = f"{PRIVATE}/go-{TOKEN}.jsonl"
SECRET = f"{PRIVATE}/secret-{TOKEN}"
TRUSTED = SANDBOX_DIR / "assets" / "go" / "gradertrust.go"
ALL = "TestGraderAll"  # the one top-level test: runs each of the task's tests as a subtest
_TEST_FUNC = re.compile(r"^func\s+(Test(?:[^a-z]\w*)?)\s*\(\s*\w+\s+\*testing\.T\s*\)", re.M)
GOCACHE = "/tmp/gocache"
_PACKAGE = re.compile(r"^\s*package\s+([A-Za-z_]\w*)", re.M)


def go_module(version: str) -> str:
    """The go.mod of a sample's module, at the toolchain's language version."""
    return f"module sandbox\n\ngo {version}\n"


def go_env(cache: str) -> dict[str, str]:
    return env(
        GOCACHE=cache,
        GOPATH="/tmp/gopath",
        GOFLAGS="-mod=mod",
        GOPROXY="off",
        GO111MODULE="on",
        CGO_ENABLED="0",
        GOTOOLCHAIN="local",
        GOTELEMETRY="off",
        GOMAXPROCS="2",
        GODEBUG="goindex=0",
    )  # the module index in a warm cache can miss std packages


# What would reach the trusted reporter's state (go:linkname needs unsafe) or dump the heap.
_REFUSED = re.compile(r'//go:linkname|"unsafe"|"runtime/debug"')
REFUSED_NOTE = "grader_refuses_unsafe_linkname_and_heap_dumps_in_solutions"


def refuse_reporter_access(code: str) -> str:
    """Code that uses ``unsafe``, ``go:linkname`` or ``runtime/debug`` gets a line that does
    not compile and names why: those could read the trusted reporter's nonce."""
    return f"{code}\n\nvar _ = {REFUSED_NOTE}\n" if _REFUSED.search(code) else code


def expected_test_names(sources: list[str]) -> list[str]:
    """The ``TestXxx(t *testing.T)`` functions of the test files, counted on the host."""
    return [name for text in sources for name in _TEST_FUNC.findall(text) if name != "TestMain"]


def trusted_runner(package: str, names: list[str]) -> str:
    """A test file whose one test runs every task test through ``gradertrust``: outcomes
    come from ``t.Failed()`` in trusted code, never from go test's stdout."""
    return f"""package {package}

import (
\t"testing"

\tgradertrust "sandbox/gradertrust"
)

func {ALL}(t *testing.T) {{
\tgradertrust.Run(t, {", ".join(names)})
}}
"""


def set_package(code: str, package: str) -> str:
    if _PACKAGE.search(code):
        return _PACKAGE.sub(f"package {package}", code, count=1)
    return f"package {package}\n\n{code}"


class GoRunner(LanguageRunner):
    language = "go"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        package = "main"
        for path in job.test_files:
            found = _PACKAGE.search(files[Path(path).name])
            if found:
                package = found.group(1)
                break
        files[self.solution_name(job)] = refuse_reporter_access(set_package(job.code, package))
        toolchain = go_toolchain()
        files.setdefault("go.mod", go_module(toolchain.version))
        names = expected_test_names([files[Path(p).name] for p in job.test_files])
        files["gradertrust/gradertrust.go"] = TRUSTED.read_text(encoding="utf-8")
        files["zz_grader_runner_test.go"] = trusted_runner(package, names)
        warm = go_cache_dir().is_dir()
        command = (
            f"exec {toolchain.inside} test -json -count=1 -vet=off -p 1 -run '^{ALL}$' . > {EVENTS}"
        )
        step = {
            "kind": "exec",
            "phase": "test",
            "as_mb": max(4096, job.memory_mb * 2),
            "argv": ["/bin/sh", "-c", command],
            "env": {
                **go_env(GOCACHE),
                **toolchain.env(),
                "GRADER_SECRET": SECRET,
                "GRADER_RESULTS": SIGNED,
                "GRADER_HIDE": "\n".join(Path(p).name for p in job.test_files),
            },
            "secret": SECRET,
            "expected": names,
        }
        overlays = {GOCACHE: GOCACHE_INSIDE} if warm else {}
        return Plan(
            files=files,
            steps=[step],
            result_files=[EVENTS, SIGNED],
            nproc=256,
            overlays=overlays,
        )

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        files = report.get("files") or {}
        events, build_failed, compiler = parse_go_json(files.get(EVENTS))
        if build_failed:
            output = compiler or "\n".join(
                ln for ln in str(report.get("output", "")).splitlines() if not ln.startswith("#")
            )
            return Parsed([], compile_error=first_lines(output, 6) or "the package did not build")
        signed, _ = parse_signed(files.get(SIGNED), step_secret(report, 0))
        # go test's own events give only the failure messages; never the outcomes.
        messages = {c.name.removeprefix(f"{ALL}/"): c.message for c in events}
        cases = [
            c
            if c.outcome == "passed" or c.message
            else c.model_copy(update={"message": messages.get(c.name, "")})
            for c in reconcile(signed, plan.steps[0]["expected"])
        ]
        if not signed and not any(e.name.startswith(ALL) for e in events):
            return Parsed(cases, found_results=False)
        return Parsed(cases)
