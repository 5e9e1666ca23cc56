"""What the sandbox lets a worker see and do: the bubblewrap command line and its check.

A worker sandbox sees the system read-only (``/usr``, ``/etc`` and the merged-usr links),
the Python interpreter and the site-packages that hold pytest and hypothesis (read-only,
at neutral paths), the sandbox's own code and warm caches (read-only), a private ``/dev``,
``/proc`` and ``/tmp``. The host's homes, ``/root``, the repository and everything else
are simply not there. It has no network (its own empty loopback), its own PID, IPC, UTS
and cgroup namespaces, a scrubbed environment, and it dies with the grader.

Inside, the zygote keeps only the capabilities it needs to build each sample's private
namespaces and to switch to the sample's unprivileged uid; sample code never runs with
any (see ``zygote.py``).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

SANDBOX_DIR = Path(__file__).resolve().parent
INSIDE = Path("/opt/grader")
INSIDE_CODE = INSIDE / "sandbox"
WORK = "/work"
PATH = "/usr/local/bin:/usr/bin:/bin"

# Capabilities the zygote keeps (as root inside the sandbox): namespaces and mounts for
# each sample, the uid switch, reading back files the sample wrote. Payloads get none.
ZYGOTE_CAPS = (
    "CAP_SYS_ADMIN",
    "CAP_SETUID",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_CHOWN",
    "CAP_KILL",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
)

_SYSTEM_DIRS = ("/usr", "/etc")
_MAYBE_LINKS = ("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")


def python_executable() -> Path:
    """The real interpreter (a pyenv shim costs 100 ms a start)."""
    return Path(os.path.realpath(sys.executable))


def python_prefix() -> Path:
    return Path(os.path.realpath(sys.base_prefix))


@functools.lru_cache(maxsize=1)
def site_dirs() -> tuple[Path, ...]:
    """Folders that hold pytest, pluggy, hypothesis and their dependencies.

    Found with ``find_spec``, which locates a package without importing it (importing
    pytest and hypothesis here would cost the host half a second per command)."""
    found: list[Path] = []
    for name in (
        "pytest",
        "_pytest",
        "pluggy",
        "iniconfig",
        "packaging",
        "hypothesis",
        "attr",
        "sortedcontainers",
    ):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None or not spec.origin or spec.origin in ("built-in", "frozen"):
            continue
        origin = Path(spec.origin).resolve().parent.parent
        if origin not in found:
            found.append(origin)
    return tuple(found)


def _system_mounts() -> list[str]:
    args: list[str] = []
    for path in _SYSTEM_DIRS:
        args += ["--ro-bind", path, path]
    for path in _MAYBE_LINKS:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    return args


def worker_mounts(extra: dict[str, Path]) -> list[str]:
    """Every mount of a worker sandbox; ``extra`` maps an inside path to a host folder."""
    args = _system_mounts()
    prefix = python_prefix()
    if not str(prefix).startswith("/usr/"):
        # Parents (e.g. pyenv's /root/.pyenv) readable to the payload's uid, nothing else in them.
        for parent in reversed(prefix.parents[:-1]):
            args += ["--perms", "0755", "--dir", str(parent)]
        args += ["--ro-bind", str(prefix), str(prefix)]
    args += ["--perms", "0755", "--dir", str(INSIDE)]
    args += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--dir", WORK]
    args += ["--ro-bind", str(SANDBOX_DIR), str(INSIDE_CODE)]
    for index, site in enumerate(site_dirs()):
        args += ["--ro-bind", str(site), str(INSIDE / f"site{index}")]
    for inside, host in extra.items():
        if host.is_dir():
            args += ["--ro-bind", str(host), inside]
    return args


def inside_sys_path() -> list[str]:
    return [str(INSIDE_CODE)] + [str(INSIDE / f"site{i}") for i in range(len(site_dirs()))]


USERNS_UID = 0  # setns/unshare for each sample need the zygote to be root inside


def use_userns() -> bool:
    """Not root: bubblewrap makes a user namespace in which the grader's uid is seen as
    ``USERNS_UID``; the zygote keeps namespace-local capabilities and samples run as that
    uid with none. ``GRADER_SANDBOX_USERNS=1`` forces this mode (to test it as root)."""
    return os.geteuid() != 0 or os.environ.get("GRADER_SANDBOX_USERNS") == "1"


def isolation_args() -> list[str]:
    args = [
        "--unshare-ipc",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--hostname",
        "sandbox",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--setenv",
        "PATH",
        PATH,
        "--setenv",
        "HOME",
        "/tmp",
        "--setenv",
        "LANG",
        "C.UTF-8",
        "--cap-drop",
        "ALL",
    ]
    if use_userns():  # one uid mapped: the grader's own, seen inside as USERNS_UID
        args += ["--unshare-user", "--uid", str(USERNS_UID), "--gid", str(USERNS_UID)]
    for cap in ZYGOTE_CAPS:
        args += ["--cap-add", cap]
    return args


def bwrap_command(extra: dict[str, Path], command: list[str]) -> list[str]:
    bwrap = shutil.which("bwrap") or "bwrap"
    return [bwrap, *worker_mounts(extra), *isolation_args(), "--", *command]


@functools.lru_cache(maxsize=1)
def probe() -> tuple[bool, str]:
    """Can bubblewrap build our namespaces here? ``(usable, plain-words reason)``."""
    if sys.platform != "linux":
        return False, f"the sandbox needs Linux namespaces; this is {sys.platform}"
    if shutil.which("bwrap") is None:
        return (
            False,
            "bubblewrap (bwrap) is not installed (Debian/Ubuntu: apt-get install bubblewrap)",
        )
    command = bwrap_command(
        {}, [str(python_executable()), "-I", "-S", "-c", "import os; print(os.getpid())"]
    )
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return False, f"bubblewrap could not start: {error}"
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return False, f"bubblewrap cannot create namespaces on this machine ({detail})"
    if done.stdout.strip() != "2":
        return (
            False,
            f"bubblewrap did not give the sandbox its own PID namespace (pid {done.stdout.strip()})",
        )
    return True, "bubblewrap namespaces work (no network, private PID/mount/IPC, read-only system)"
