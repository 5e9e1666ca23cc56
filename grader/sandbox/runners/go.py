"""Go: ``go test -json`` on a generated module, with a warm read-only build cache."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from grader.sandbox.runners.base import (
    PRIVATE,
    TOKEN,
    LanguageRunner,
    Parsed,
    Plan,
    env,
    first_lines,
)
from grader.sandbox.runners.cache import GOCACHE_INSIDE, go_cache_dir
from grader.sandbox.runners.results import parse_go_json
from grader.types import TestJob

GO = "/usr/bin/go"
EVENTS = f"{PRIVATE}/events-{TOKEN}.json"
GOCACHE = "/tmp/gocache"
_PACKAGE = re.compile(r"^\s*package\s+([A-Za-z_]\w*)", re.M)


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


def set_package(code: str, package: str) -> str:
    if _PACKAGE.search(code):
        return _PACKAGE.sub(f"package {package}", code, count=1)
    return f"package {package}\n\n{code}"


class GoRunner(LanguageRunner):
    language = "go"
    default_solution = "solution.go"

    def plan(self, job: TestJob) -> Plan:
        files = self.common_files(job)
        package = "main"
        for path in job.test_files:
            found = _PACKAGE.search(files[Path(path).name])
            if found:
                package = found.group(1)
                break
        files[self.solution_name(job)] = set_package(job.code, package)
        files.setdefault("go.mod", "module sandbox\n\ngo 1.19\n")
        warm = go_cache_dir().is_dir()
        step = {
            "kind": "exec",
            "phase": "test",
            "as_mb": max(4096, job.memory_mb * 2),
            "argv": ["/bin/sh", "-c", f"exec {GO} test -json -count=1 -vet=off -p 1 . > {EVENTS}"],
            "env": go_env(GOCACHE),
        }
        overlays = {GOCACHE: GOCACHE_INSIDE} if warm else {}
        return Plan(files=files, steps=[step], result_files=[EVENTS], nproc=256, overlays=overlays)

    def parse(self, report: dict[str, Any], plan: Plan) -> Parsed:
        cases, build_failed = parse_go_json((report.get("files") or {}).get(EVENTS))
        if build_failed:
            output = "\n".join(
                ln for ln in str(report.get("output", "")).splitlines() if not ln.startswith("#")
            )
            return Parsed(
                cases, compile_error=first_lines(output, 6) or "the package did not build"
            )
        return Parsed(cases, found_results=bool(cases))
