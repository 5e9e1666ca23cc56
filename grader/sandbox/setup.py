"""One-time set-up of the runners' warm caches (``~/.cache/grader``): run by ``make setup``.

- the ``typescript`` npm package (types are stripped inside the sandbox with it);
- a Go build cache holding the standard library compiled with the sandbox's settings, so a
  sample's ``go test`` compiles only its own package (each sample writes to a private
  copy-on-write layer over it, never to the cache itself).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from grader.sandbox.runners.cache import go_cache_dir, go_toolchain, node_dir
from grader.sandbox.runners.go import go_env, go_module

TYPESCRIPT = "typescript@5"
GO_WARM_IMPORTS = (
    "errors",
    "fmt",
    "math",
    "reflect",
    "regexp",
    "sort",
    "strconv",
    "strings",
    "encoding/json",
    "testing",
    "time",
    "unicode",
    "bytes",
    "os",
    "sync",
)


def ensure_typescript() -> Path:
    target = node_dir()
    if (target / "node_modules" / "typescript" / "lib" / "typescript.js").is_file():
        return target
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(target), TYPESCRIPT],
        check=True,
        capture_output=True,
        text=True,
    )
    return target


def ensure_go_cache() -> Path:
    cache = go_cache_dir()
    toolchain = go_toolchain()
    stamp = cache / f".warm-{toolchain.version}"
    if stamp.is_file() or not toolchain.host.is_file():
        return cache
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "go.mod").write_text(go_module(toolchain.version))
        imports = "\n".join(f'\t_ "{name}"' for name in GO_WARM_IMPORTS)
        (work / "warm.go").write_text(
            f"package main\n\nimport (\n{imports}\n)\n\nfunc main() {{}}\n"
        )
        (work / "warm_test.go").write_text(
            'package main\n\nimport "testing"\n\nfunc TestWarm(t *testing.T) {}\n'
        )
        environment = go_env(str(cache)) | {"HOME": scratch, "GOPATH": str(work / "gopath")}
        if toolchain.root is not None:
            environment["GOROOT"] = str(toolchain.root)
        subprocess.run(
            [str(toolchain.host), "test", "-json", "-count=1", "-vet=off", "-p", "1", "."],
            cwd=work,
            env=environment,
            check=True,
            capture_output=True,
            text=True,
        )
    stamp.write_text("ok\n")
    for path in cache.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return cache


def setup() -> None:
    ensure_typescript()
    ensure_go_cache()


if __name__ == "__main__":
    setup()
