"""Fixtures: tiny real GGUFs built with the ``gguf`` package, and an isolated cache root."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_gguf import build_tiny_gguf


@pytest.fixture(scope="session")
def tiny_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dense llama model: 2 layers, 64-wide, head size 32 (quantized K cache works)."""
    return build_tiny_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf", n_embd=64, n_head=2)


@pytest.fixture(scope="session")
def tiny_moe_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A llama mixture of experts: 4 experts, 2 used per token."""
    return build_tiny_gguf(
        tmp_path_factory.mktemp("gguf") / "tiny-moe.gguf",
        n_embd=64,
        n_head=2,
        experts=4,
        experts_used=2,
        seed=1,
    )


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("GRADER_CACHE", str(root))
    return root


@pytest.fixture
def profile_file(tmp_path: Path):
    """Write a profile YAML next to a GGUF and return its path."""

    def write(gguf_path: Path, **fields: object) -> Path:
        import yaml

        data = {"name": "tiny", "model": str(gguf_path), "context_length": 256, **fields}
        path = tmp_path / f"{data['name']}.yaml"
        path.write_text(yaml.safe_dump(data))
        return path

    return write
