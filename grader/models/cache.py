"""Generation cache: one JSON file per completion under ``<cache root>/generations``.

The key covers the model file's sha256, every setting, the template, the full prompt, the
seed (``off`` when random) and the sample index, so repeated samples never collapse into
one answer, and a rerun of the same run regenerates nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from grader.paths import cache_root
from grader.types import Generation


class GenerationCache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or cache_root()) / "generations"

    @staticmethod
    def key(**parts: Any) -> str:
        blob = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Generation | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Generation.model_validate(data).model_copy(update={"cached": True})
        except (OSError, ValueError):
            return None

    def put(self, key: str, generation: Generation) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(generation.model_dump_json(), encoding="utf-8")
        partial.replace(path)


def file_sha256(path: Path, root: Path | None = None) -> str:
    """sha256 of a model file, remembered by (path, size, mtime) so big files hash once."""
    from grader.models.embedded import sha256_file

    stat = path.stat()
    memo = (root or cache_root()) / "hashes.json"
    ident = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    try:
        known = json.loads(memo.read_text())
    except (OSError, ValueError):
        known = {}
    if ident in known:
        return known[ident]
    digest = sha256_file(path)
    known[ident] = digest
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        tmp = memo.with_name(f"hashes.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(known, indent=0))
        tmp.replace(memo)
    except OSError:
        pass
    return digest
