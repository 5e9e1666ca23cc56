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
STAMP="$VENV/.installed"
if [[ ! -f "$STAMP" || pyproject.toml -nt "$STAMP" ]]; then
  echo "setup: installing Python dependencies (llama-cpp-python compiles once, ~5 min; pip caches it)"
  "$PY" -m pip install -q -e ".[llama,server,peers,dev]"
  touch "$STAMP"
fi

# 3. Runner tooling: typescript (npm) into ~/.cache/grader/node, a warm Go build cache.
"$PY" -m grader.sandbox.setup

# 4. The embedded default model: assembled once into ~/.cache/grader, sha256 verified.
"$VENV/bin/grade" model pull
