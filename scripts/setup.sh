#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine: system packages, .venv, Python deps, the model.
# Called by `make run` and `make test`; safe to run again (each step skips what is done).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY="$VENV/bin/python"

# 1. System packages the sandbox, runners and browser tests need.
#    command-or-file -> Debian package
declare -A NEED=(
  [bwrap]=bubblewrap
  [setpriv]=util-linux
  [javac]=openjdk-17-jdk-headless
  [/usr/share/java/junit-platform-console-standalone.jar]=junit5
  [mcs]=mono-mcs
  [go]=golang-go
  [node]=nodejs
  [npm]=npm
  [chromium]=chromium
)
missing=()
for what in "${!NEED[@]}"; do
  if [[ "$what" == /* ]]; then [[ -e "$what" ]] || missing+=("${NEED[$what]}")
  else command -v "$what" >/dev/null 2>&1 || missing+=("${NEED[$what]}"); fi
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run as root, or: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

# 2. The virtualenv and Python dependencies (re-installed only when pyproject.toml changes).
if [[ ! -x "$PY" ]]; then
  python3 -m venv "$VENV"
  "$PY" -m pip install -q --upgrade pip
fi
# llama-cpp-python compiles llama.cpp. A native build (-march=native) turns on AMX on CPUs
# that have it, and ggml's AMX path segfaults in decode there; so build for AVX2 explicitly,
# once per version and flags, into our own wheel cache (pip's cache keys on the sdist alone
# and would hand back a native build made earlier).
LLAMA_VERSION=$(sed -n 's/.*"llama-cpp-python==\([0-9.]*\)".*/\1/p' pyproject.toml | head -1)
LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
LLAMA_KEY=$(echo "$LLAMA_VERSION $LLAMA_CMAKE_ARGS" | sha256sum | cut -c1-12)
LLAMA_WHEELS="${GRADER_CACHE:-$HOME/.cache/grader}/build/llama-cpp-python-$LLAMA_KEY"
if ! compgen -G "$LLAMA_WHEELS/llama_cpp_python-*.whl" >/dev/null; then
  echo "setup: building llama-cpp-python $LLAMA_VERSION for AVX2 (compiles llama.cpp once, ~5 min)"
  rm -rf "$LLAMA_WHEELS.part" && mkdir -p "$LLAMA_WHEELS.part"
  CMAKE_ARGS="$LLAMA_CMAKE_ARGS" "$PY" -m pip wheel -q --no-deps --no-cache-dir \
    -w "$LLAMA_WHEELS.part" "llama-cpp-python==$LLAMA_VERSION"
  rm -rf "$LLAMA_WHEELS" && mv "$LLAMA_WHEELS.part" "$LLAMA_WHEELS"
fi
STAMP="$VENV/.installed-$LLAMA_KEY"
if [[ ! -f "$STAMP" || pyproject.toml -nt "$STAMP" ]]; then
  echo "setup: installing Python dependencies"
  "$PY" -m pip install -q --find-links "$LLAMA_WHEELS" -e ".[llama,server,peers,dev]"
  # a venv made before this build (or with another) gets this one
  "$PY" -m pip install -q --force-reinstall --no-deps "$LLAMA_WHEELS"/llama_cpp_python-*.whl
  touch "$STAMP"
fi

# 3. Runner tooling: typescript (npm) into ~/.cache/grader/node, a warm Go build cache.
"$PY" -m grader.sandbox.setup

# 4. The embedded default model: assembled once into ~/.cache/grader, sha256 verified.
"$VENV/bin/grade" model pull
