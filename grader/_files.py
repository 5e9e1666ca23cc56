"""Files: the one place a file is replaced in one step, and the one YAML reader.

The store writes run directories with ``write_text_atomic``; the report, the records and the
caches (self-check, pytest rewrites) use it directly, so a killed run never leaves a
half-written file. Task specs and rules are read with ``parse_yaml`` (libyaml when present).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~5x faster


def parse_yaml(text: str) -> Any:
    """``yaml.safe_load``, through libyaml when it is installed. Raises ``yaml.YAMLError``."""
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


def write_text_atomic(path: Path, text: str, *, durable: bool = True) -> None:
    """Replace ``path`` with ``text`` in one step. ``durable`` also waits for the disk
    (fsync); a cache entry, which costs only time when lost, does without."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json_atomic(path: Path, data: Any, *, durable: bool = True) -> None:
    """``data`` as indented JSON, through ``write_text_atomic``."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    write_text_atomic(path, text, durable=durable)
