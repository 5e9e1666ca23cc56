"""Warm, read-only caches shared into every worker: the TypeScript compiler, Go's build cache."""

from __future__ import annotations

from pathlib import Path

from grader.paths import cache_root

NODE_INSIDE = "/opt/grader/node"
GOCACHE_INSIDE = "/opt/grader/gocache"


def node_dir() -> Path:
    return cache_root() / "node"


def go_cache_dir() -> Path:
    return cache_root() / "go-build"


def cache_mounts() -> dict[str, Path]:
    return {NODE_INSIDE: node_dir(), GOCACHE_INSIDE: go_cache_dir()}
