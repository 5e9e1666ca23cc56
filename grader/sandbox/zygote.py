"""The warm worker: runs inside one bubblewrap sandbox and forks once per sample.

Standard library only (plus the preloaded test runner): this file is executed by a bare
``python -I -S`` inside the sandbox and must not import ``grader``.

Protocol: one JSON job per line on stdin, one JSON report per line on the protocol fd.
Per sample the process tree is::

    zygote (root in the sandbox, few capabilities; never runs sample code)
      └─ init: PID 1 of the sample's own PID namespace, in its own mount and IPC
         namespaces; fresh /proc, /tmp, /dev/shm and work dir (tmpfs); drops to the
         sample uid with no capabilities, writes the files, then forks one payload per
         step and reaps everything; a split Python step that comes last runs in init
         itself (``_tests_in_init``: the solution's signals at PID 1 are dropped)
           └─ payload: rlimits, then exec (or the in-process Python runner)
      └─ template (started once: a clean interpreter that never sees a job)
           └─ a split Python step's solution: joins its sample's PID namespace (below)

When init exits the kernel kills everything left in its PID namespace, so nothing a
sample starts outlives it; its tmpfs mounts vanish with its mount namespace, so nothing
it writes reaches the next sample. The zygote owns the clock and kills the whole tree.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import gc
import json
import marshal
import os
import resource
import select
import signal
import socket
import sys
import time

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REC = 16384
MS_PRIVATE = 1 << 18
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
LAST_CAP = 63

KEEP_HEAD = 24_000  # bytes of output kept from the start ...
KEEP_TAIL = 40_000  # ... and from the end
MAX_REPORT = 8 << 20  # init's report (result files included)
MAX_RESULT_FILE = 4 << 20

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [
    ctypes.c_char_p,
    ctypes.c_char_p,
    ctypes.c_char_p,
    ctypes.c_ulong,
    ctypes.c_char_p,
]
_libc.prctl.argtypes = [
    ctypes.c_int,
    ctypes.c_ulong,
    ctypes.c_ulong,
    ctypes.c_ulong,
    ctypes.c_ulong,
]


def _call(name: str, rc: int) -> None:
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{name}: {os.strerror(err)}")


def _mount(
    source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None
) -> None:
    def enc(text: str | None) -> bytes | None:
        return text.encode() if text is not None else None

    _call(f"mount {target}", _libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)))


def _prctl(option: int, arg: int = 0) -> int:
    return _libc.prctl(option, arg, 0, 0, 0)


# --------------------------------------------------------------------------- init (PID 1)


def _setup_mounts(job: dict) -> None:
    uid = job["uid"]
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={job['tmp_mb']}m,mode=1777")
    if os.path.isdir("/dev/shm"):
        _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=16m,mode=1777")
    _mount(
        "tmpfs",
        job["work"],
        "tmpfs",
        MS_NOSUID | MS_NODEV,
        f"size={job['work_mb']}m,mode=0755,uid={uid},gid={uid}",
    )
    for target, lower in job.get("overlays", {}).items():
        # A private copy-on-write view of a warm, read-only cache (Go's build cache).
        up, wk = f"/tmp/.ovl{abs(hash(target))}u", f"/tmp/.ovl{abs(hash(target))}w"
        for path in (up, wk, target):
            os.makedirs(path, exist_ok=True)
        _mount(
            "overlay",
            target,
            "overlay",
            MS_NOSUID | MS_NODEV,
            f"lowerdir={lower},upperdir={up},workdir={wk}",
        )
        os.chown(up, uid, uid)
        os.chown(target, uid, uid)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _clear_capabilities() -> None:
    """Empty the effective, permitted and inheritable sets (capset, version 3)."""
    header = _CapHeader(0x20080522, 0)
    data = (_CapData * 2)()
    _call("capset", _libc.capset(ctypes.byref(header), ctypes.byref(data)))


def _drop_privileges(uid: int) -> None:
    for cap in range(LAST_CAP + 1):
        _prctl(PR_CAPBSET_DROP, cap)  # fails quietly past the kernel's last cap
    if os.getuid() == 0 and uid != 0:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # clears permitted and effective capabilities
    _clear_capabilities()
    _call("no_new_privs", _prctl(PR_SET_NO_NEW_PRIVS, 1))
    _prctl(PR_SET_DUMPABLE, 0)  # no ptrace into init from the payload


def _write_files(work: str, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = os.path.join(work, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def _read_capped(path: str) -> str | None:
    """Read a result file the sample may have tampered with: no symlinks, size-capped."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_RESULT_FILE + 1)
    except OSError:
        return None
    return data[:MAX_RESULT_FILE].decode("utf-8", "replace")


def _write_secret(path: str) -> str:
    nonce = os.urandom(16).hex()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, nonce.encode())
    finally:
        os.close(fd)
    return nonce


def _limit(kind: int, soft: int, hard: int | None = None) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(kind, (soft, soft if hard is None else hard))


def _fill(text: str, places: dict[str, str]) -> str:
    """Put the sample's private results folder and file-name token into a step's text."""
    for key, value in places.items():
        text = text.replace(key, value)
    return text


def _enter_payload(
    job: dict, step: dict, out_w: int, keep: int | None = None, report: int | None = None
) -> None:
    """What every process that runs sample code does first: its own process group, output
    into the capture pipe, no other fd (but ``keep``, moved to fd 3, and init's ``report``
    pipe, moved to fd 4), default signals, rlimits, the work dir."""
    os.setpgid(0, 0)
    null = os.open("/dev/null", os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out_w, 1)
    os.dup2(out_w, 2)
    kept = [fd for fd in (keep, report) if fd is not None]
    high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in kept]  # none overwrites another
    for target, fd in enumerate(high, start=3):
        os.dup2(fd, target)
    os.closerange(3 + len(kept), 65536)
    if report is not None:
        os.set_inheritable(2 + len(kept), False)  # nothing the tests start gets init's report
    for sig in (signal.SIGPIPE, signal.SIGINT, signal.SIGTERM, signal.SIGXFSZ, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    if step["kind"] == "python":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # as python itself does: EFBIG, not death
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    mb = 1 << 20
    cpu = int(job["cpu_s"])
    _limit(resource.RLIMIT_CPU, cpu, cpu + 2)
    _limit(resource.RLIMIT_FSIZE, job["fsize_mb"] * mb)
    _limit(resource.RLIMIT_NOFILE, 256)
    _limit(resource.RLIMIT_CORE, 0)
    _limit(resource.RLIMIT_NPROC, job["nproc"])
    if step.get("as_mb"):
        _limit(resource.RLIMIT_AS, step["as_mb"] * mb)
    os.chdir(job["work"])


def _payload(
    job: dict, step: dict, out_w: int, places: dict[str, str], bridge: int | None = None
) -> None:
    """The child that runs sample code (or, for a split Python step, the tests). Never
    returns."""
    code = 70
    try:
        _enter_payload(job, step, out_w, bridge)
        env = {key: _fill(value, places) for key, value in step.get("env", {}).items()}
        results_path = os.path.join(places["{results}"], "results.json")
        if step["kind"] == "exec":
            argv = [_fill(arg, places) for arg in step["argv"]]
            os.execve(argv[0], argv, env)
        else:
            code = _run_harness(job, step, env, results_path)
    except BaseException as error:  # report and leave; never fall back into init's code
        with contextlib.suppress(BaseException):
            os.write(
                2,
                f"\n[sandbox] could not start the step: {type(error).__name__}: {error}\n".encode(),
            )
    finally:
        os._exit(code)


def _run_harness(job: dict, step: dict, env: dict[str, str], results_path: str) -> int:
    """The Python runner (already imported by the zygote) on a step; its exit code."""
    os.environ.clear()
    os.environ.update(env)
    import _python_harness  # noqa: PLC0415  (preloaded; found on the zygote's sys.path)

    return _python_harness.run(step["args"], job["work"], results_path)


def _tests_in_init(
    job: dict, step: dict, out_w: int, places: dict[str, str], bridge: int, ctl_w: int
) -> tuple[int, int]:
    """Run a split Python step's trusted tests in init itself: one fork fewer per sample.

    The solution cannot reach them: init is PID 1 of the sample's PID namespace, and with
    every handler at its default the kernel drops the signals other processes in it send;
    init is not dumpable, so no ptrace and no /proc/1/mem. Returns init's report pipe (now
    fd 4) and a wait status for the step."""
    code = 70
    try:
        _enter_payload(job, step, out_w, bridge, report=ctl_w)
        ctl_w = 4
        env = {key: _fill(value, places) for key, value in step.get("env", {}).items()}
        code = _run_harness(job, step, env, os.path.join(places["{results}"], "results.json"))
    except BaseException as error:  # the step failed to run; init still reports
        with contextlib.suppress(BaseException):
            os.write(
                2,
                f"\n[sandbox] the tests failed to run: {type(error).__name__}: {error}\n".encode(),
            )
    with contextlib.suppress(OSError):
        os.close(3)  # the solution sees EOF when the tests are done
    return ctl_w, (code & 0xFF) << 8


# The solution's interpreter reads ``_pybridge``'s code (compiled once by the zygote) from
# the socket: nothing to compile per sample, nothing else from the zygote.
_BOOT = (
    "import marshal, os, sys\n"
    "def read(size):\n"
    "    data = b''\n"
    "    while len(data) < size:\n"
    "        chunk = os.read(3, size - len(data))\n"
    "        if not chunk:\n"
    "            os._exit(0)\n"
    "        data += chunk\n"
    "    return data\n"
    "module = type(sys)('_pybridge')\n"
    "sys.modules['_pybridge'] = module\n"
    "exec(marshal.loads(read(int.from_bytes(read(8), 'little'))), module.__dict__)\n"
    "sys.path.extend(sys.argv[3:])\n"
    "module.serve(3, sys.argv[1], sys.argv[2])\n"
)
_BRIDGE_CODE: list[bytes] = []


def _bridge_code() -> bytes:
    """``_pybridge``, compiled and marshalled, with its length in front."""
    if not _BRIDGE_CODE:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_pybridge.py")
        with open(path, encoding="utf-8") as handle:
            code = marshal.dumps(compile(handle.read(), path, "exec", dont_inherit=True))
        _BRIDGE_CODE.append(len(code).to_bytes(8, "little") + code)
    return _BRIDGE_CODE[0]


def _start_solution(job: dict, step: dict, out_w: int) -> int:
    """Start a split Python step's untrusted half (init calls this while it still has its
    capabilities); return the trusted end of the socket between the two.

    The child gets its own mount namespace whose work dir (a fresh tmpfs) holds only the
    solution and its support files, and a fresh /tmp; it drops to the sample uid and is a
    fork of the template (below) or, failing that, a newly exec'd interpreter: either way
    nothing of the zygote's memory (the job, the tests) comes with it.
    The trusted half stays non-dumpable: the solution can neither ptrace it nor read its
    /proc entries."""
    trusted, untrusted = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    env = {key: value for key, value in step.get("env", {}).items() if "{" not in value}
    if job["isolate"] and _TEMPLATE and env == TEMPLATE_ENV:
        fd = _from_template(job, step, env, out_w, trusted, untrusted)
        if fd is not None:
            return fd
    if job["isolate"]:
        trusted.sendall(_bridge_code())  # the first thing the new interpreter reads
    pid = os.fork()
    if pid != 0:
        untrusted.close()
        fd = trusted.detach()
        return fd
    code = 70
    try:
        trusted.close()
        uid, work = job["uid"], job["work"]
        if job["isolate"]:
            _call("unshare", _libc.unshare(CLONE_NEWNS))
            _mount(None, "/", None, MS_REC | MS_PRIVATE)
            _mount(
                "tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={job['tmp_mb']}m,mode=1777"
            )
            _mount(
                "tmpfs",
                work,
                "tmpfs",
                MS_NOSUID | MS_NODEV,
                f"size={job['work_mb']}m,mode=0755,uid={uid},gid={uid}",
            )
        _drop_privileges(uid)
        visible = step["args"].get("solution_files") or []
        _write_files(work, {rel: job["files"][rel] for rel in visible if rel in job["files"]})
        sock = untrusted.detach()
        _enter_payload(job, step, out_w, sock)
        module = os.path.splitext(step["args"]["solution"])[0]
        if not job["isolate"]:  # the unsafe mode hides nothing: no fresh interpreter either
            import _pybridge  # noqa: PLC0415  (preloaded)

            os.environ.clear()
            os.environ.update(env)
            _pybridge.serve(3, work, module)
        # Not -I: it would ignore PYTHONHASHSEED (the step sets it, for repeatable runs).
        argv = [sys.executable, "-s", "-S", "-B", "-P", "-c", _BOOT, work, module, *_SITE]
        os.execve(sys.executable, argv, env)
    except BaseException as error:  # noqa: BLE001
        with contextlib.suppress(BaseException):
            os.write(2, f"\n[sandbox] could not start the solution: {error}\n".encode())
    finally:
        os._exit(code)


# --------------------------------------------------------------------------- template
#
# The solution's process is forked from a *template*: a fresh interpreter (``python -s -S
# -B -P zygote.py --template``) that the zygote starts once, before its first job, and that
# never holds a job: it gets from each sample's init only a PID-namespace fd, the solution's
# end of the bridge socket, the capture pipe and the limits; the solution's files come later,
# over the bridge, into the child alone. So the child has nothing of the tests, the nonce or
# the zygote's memory, as a newly exec'd interpreter would not, and costs a fork instead of
# an interpreter start-up. Any other environment, or a template that is gone, falls back to
# the exec above.

# The Python runner's environment: the template starts with it (the hash seed and the
# locale are read at start-up), and only steps with exactly this one are forked from it.
TEMPLATE_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
    "TMPDIR": "/tmp",
    "LANG": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONHASHSEED": "0",
}
# Imported in the template before any fork (HumanEval's prompts import typing; most
# solutions import one of these): each child then finds them already there.
TEMPLATE_PRELOAD = (
    "typing",
    "math",
    "collections",
    "itertools",
    "functools",
    "re",
    "heapq",
    "bisect",
    "string",
)
_TEMPLATE: list[int] = []  # the zygote's end of the template's socket
# The installed packages' dirs (the tests' environment's, read-only): the solution's process
# imports from them too, after the standard library (a reply's ``import requests`` loads
# as it would where the tests run); the harness's own dir is not among them.
_SITE: list[str] = []


def _start_template() -> None:
    """Start the template (the zygote calls this once, before any job)."""
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    script = os.path.abspath(__file__)
    pid = os.fork()
    if pid == 0:
        try:
            null = os.open("/dev/null", os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(2, 1)
            os.dup2(theirs.fileno(), 3)
            os.closerange(4, 65536)
            argv = [sys.executable, "-s", "-S", "-B", "-P", script, "--template", *_SITE]
            os.execve(sys.executable, argv, TEMPLATE_ENV)
        finally:
            os._exit(70)
    theirs.close()
    _TEMPLATE.append(mine.detach())


def _from_template(
    job: dict,
    step: dict,
    env: dict,
    out_w: int,
    trusted: socket.socket,
    untrusted: socket.socket,
) -> int | None:
    """Ask the template for the solution's process (init, before it drops its rights); the
    trusted end of the bridge, or None when the template is gone."""
    template = _TEMPLATE[0]
    params = {
        key: job[key] for key in ("uid", "work", "tmp_mb", "work_mb", "cpu_s", "fsize_mb", "nproc")
    }
    params.update(
        as_mb=step.get("as_mb"), env=env, module=os.path.splitext(step["args"]["solution"])[0]
    )
    pid_ns = os.open("/proc/self/ns/pid", os.O_RDONLY)
    sock = socket.socket(fileno=os.dup(template))
    try:
        socket.send_fds(
            sock,
            [json.dumps(params).encode()],
            [pid_ns, untrusted.fileno(), out_w],
            socket.MSG_NOSIGNAL,
        )
    except OSError:
        return None
    finally:
        sock.close()
        os.close(pid_ns)
    untrusted.close()
    visible = step["args"].get("solution_files") or []
    files = {rel: job["files"][rel] for rel in visible if rel in job["files"]}
    data = marshal.dumps(files)
    view = memoryview(len(data).to_bytes(8, "little") + data)
    with contextlib.suppress(OSError):  # a child that failed to start: the tests say so
        while view:
            view = view[trusted.send(view, socket.MSG_NOSIGNAL) :]
    return trusted.detach()


def _template_child(params: dict, bridge: int, out_w: int) -> None:
    """The solution's process: its own mounts (a work dir with only its files, /tmp,
    /dev/shm, /proc of the sample's PID namespace) and IPC namespace, the sample uid, the
    payload's limits; then it serves the tests. Never returns."""
    code = 70
    try:
        uid, work = params["uid"], params["work"]
        _call("unshare", _libc.unshare(CLONE_NEWNS | CLONE_NEWIPC))
        _setup_mounts(params)
        _drop_privileges(uid)
        size = int.from_bytes(_read_exact(bridge, 8), "little")
        files = marshal.loads(_read_exact(bridge, size))
        _write_files(work, {str(rel): str(text) for rel, text in files.items()})
        del files
        limits = {"kind": "python", "as_mb": params.get("as_mb")}
        _enter_payload(params, limits, out_w, bridge)
        os.environ.clear()
        os.environ.update(params["env"])
        sys.modules["__main__"] = type(sys)("__main__")
        sys.modules["_pybridge"].serve(3, work, params["module"])
    except BaseException as error:  # noqa: BLE001
        with contextlib.suppress(BaseException):
            os.write(2, f"\n[sandbox] could not start the solution: {error}\n".encode())
    finally:
        os._exit(code)


def _read_exact(fd: int, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            raise EOFError("the tests' process hung up")
        data += chunk
    return data


def _template_main(site: list[str]) -> None:
    """The template's life: one fork per request, into the requesting sample's PID
    namespace, until the zygote hangs up."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    # The kernel reaps the children at once: a zombie left in a sample's PID namespace would
    # hold up its init's exit (and the zygote waits for that before the next job).
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    bridge_module = type(sys)("_pybridge")
    sys.modules["_pybridge"] = bridge_module
    code = _bridge_code()
    exec(marshal.loads(code[8:]), bridge_module.__dict__)  # noqa: S102
    for name in TEMPLATE_PRELOAD:
        with contextlib.suppress(Exception):
            __import__(name)
    sys.path.extend(site)
    gc.collect()
    gc.freeze()
    sock = socket.socket(fileno=3)
    own = _own_pid_ns()
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(sock, 1 << 16, 3)
        except InterruptedError:
            continue
        if not message:
            os._exit(0)
        try:
            if len(fds) != 3:
                continue
            params = json.loads(message)
            _call("setns", _libc.setns(fds[0], CLONE_NEWPID))
            try:
                pid = os.fork()
                if pid == 0:
                    sock.close()
                    _template_child(params, fds[1], fds[2])
            finally:
                _call("setns", _libc.setns(own, CLONE_NEWPID))
        except Exception as error:  # noqa: BLE001  (that sample's tests fail; we go on)
            with contextlib.suppress(OSError):
                os.write(2, f"[sandbox] template: {type(error).__name__}: {error}\n".encode())
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)


def _kill_strays() -> None:
    """Init (PID 1, the sample's uid) kills every other process in the sample's namespace."""
    with contextlib.suppress(OSError):
        os.kill(-1, signal.SIGKILL)
    while True:
        try:
            done, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if done == 0:
            # Killed processes may take a moment to become reapable; do not wait for them.
            return


def _reap_until(pid: int) -> int:
    """Reap every child (PID 1 inherits orphans) until ``pid`` exits; its wait status."""
    while True:
        try:
            done, status = os.wait()
        except ChildProcessError:
            return -1
        if done == pid:
            return status


def _init(job: dict, out_w: int, ctl_w: int) -> None:
    report: dict = {"steps": [], "marks": {"init": time.monotonic()}}
    try:
        keep = sorted({out_w, ctl_w, *_TEMPLATE})
        start = 3
        for fd in keep:  # the zygote's protocol pipes among what goes
            os.closerange(start, fd)
            start = fd + 1
        os.closerange(start, 65536)
        if job["isolate"]:
            _call("unshare", _libc.unshare(CLONE_NEWNS | CLONE_NEWIPC))
            _setup_mounts(job)
        else:
            os.makedirs(job["work"], exist_ok=True)
            if os.getuid() == 0:
                os.chown(job["work"], job["uid"], job["uid"])
        bridges = {
            index: _start_solution(job, step, out_w)
            for index, step in enumerate(job["steps"])
            if step["kind"] == "python" and (step.get("args") or {}).get("split")
        }
        for fd in _TEMPLATE:
            os.close(fd)  # no step can reach the template
        _drop_privileges(job["uid"])
        report["marks"]["mounted"] = time.monotonic()
        _write_files(job["work"], job["files"])
        report["marks"]["written"] = time.monotonic()
        # Results go to a folder outside the work dir under unguessable names: a sample that
        # writes a fake report where a runner would and then exits does not get it read.
        secret = os.urandom(12).hex()
        results_dir = (
            f"/tmp/.r{secret}" if job["isolate"] else os.path.join(job["work"], f".r{secret}")
        )
        os.mkdir(results_dir, 0o700)
        places = {"{results}": results_dir, "{token}": os.urandom(12).hex()}
        for index, step in enumerate(job["steps"]):
            if step.get("secret"):
                # A per-step nonce the step's trusted reporter reads and deletes before any
                # sample code runs: only lines that carry it count as results.
                report.setdefault("secrets", {})[str(index)] = _write_secret(
                    _fill(step["secret"], places)
                )
            started = time.monotonic()
            if index in bridges and job["isolate"] and index == len(job["steps"]) - 1:
                ctl_w, status = _tests_in_init(job, step, out_w, places, bridges[index], ctl_w)
            else:
                pid = os.fork()
                if pid == 0:
                    _payload(job, step, out_w, places, bridges.get(index))
                if index in bridges:
                    os.close(bridges[index])  # the solution sees EOF when the tests are done
                status = _reap_until(pid)
            if job["isolate"]:
                _kill_strays()  # nothing the step left running may touch its results
            entry = {
                "phase": step.get("phase", "test"),
                "seconds": round(time.monotonic() - started, 4),
            }
            if os.WIFSIGNALED(status):
                entry["signal"] = os.WTERMSIG(status)
            else:
                entry["exit"] = os.waitstatus_to_exitcode(status) if status >= 0 else -1
            report["steps"].append(entry)
            if entry.get("exit") != 0 and step.get("phase") == "compile":
                break
        report["marks"]["ran"] = time.monotonic()
        report["results"] = _read_capped(os.path.join(results_dir, "results.json"))
        report["files"] = {
            rel: _read_capped(os.path.join(job["work"], _fill(rel, places)))
            for rel in job.get("result_files", [])
        }
        if job["isolate"]:
            with (
                contextlib.suppress(OSError, ValueError),
                open("/proc/sys/kernel/ns_last_pid") as handle,
            ):
                report["ns_last_pid"] = int(handle.read())
    except BaseException as error:
        report["init_error"] = f"{type(error).__name__}: {error}"
    data = json.dumps(report).encode()[:MAX_REPORT]
    with contextlib.suppress(OSError):
        view = memoryview(data)
        while view:
            view = view[os.write(ctl_w, view) :]
        os.close(ctl_w)
    os._exit(0)


# --------------------------------------------------------------------------- zygote


def _uid_processes(uid: int) -> int:
    """How many tasks (processes and threads: what RLIMIT_NPROC counts) ``uid`` has now."""
    count = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if os.stat(f"/proc/{name}").st_uid == uid:
                count += len(os.listdir(f"/proc/{name}/task"))
    return count


def _kill_uid(uid: int) -> None:
    """Kill every process of ``uid`` (the unsafe mode's fallback: no PID namespace)."""
    if os.getuid() != 0:
        return
    pid = os.fork()
    if pid == 0:
        try:
            os.setresuid(uid, uid, uid)
            for _ in range(3):
                with contextlib.suppress(OSError):
                    os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


class _Output:
    def __init__(self) -> None:
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0

    def add(self, data: bytes) -> None:
        self.total += len(data)
        room = KEEP_HEAD - len(self.head)
        if room > 0:
            self.head += data[:room]
            data = data[room:]
        if data:
            self.tail += data
            if len(self.tail) > 2 * KEEP_TAIL:
                del self.tail[:-KEEP_TAIL]

    def text(self) -> str:
        tail = bytes(self.tail[-KEEP_TAIL:])
        skipped = self.total - len(self.head) - len(tail)
        middle = (
            f"\n[... {skipped} bytes of output left out ...]\n".encode() if skipped > 0 else b""
        )
        return (bytes(self.head) + middle + tail).decode("utf-8", "replace")


def _read_ready(
    ready: list[int],
    open_fds: set[int],
    out_r: int,
    output: _Output,
    control: bytearray,
    flood_bytes: int,
) -> str:
    for fd in ready:
        data = os.read(fd, 65536)
        if not data:
            open_fds.discard(fd)
            os.close(fd)
        elif fd == out_r:
            output.add(data)
            if output.total > flood_bytes:
                return "output_flood"
        elif len(control) < MAX_REPORT:
            control += data
    return "exited"


_PID_NS: list[int] = []


def _own_pid_ns() -> int:
    if not _PID_NS:
        _PID_NS.append(os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC))
    return _PID_NS[0]


_COMPILED: dict[str, str] = {}  # test file (name and source) -> its compiled form
_COMPILED_MAX = 32  # the host keeps them too: this only serves jobs already on their way


def _compile_requested(job: dict) -> dict[str, str]:
    """Compile the test files the host asks for (``args["compile"]``) into the step's
    ``compiled`` map, once per worker. Runs here, before the fork, in the zygote that never
    runs sample code; the host keeps what comes back for its next jobs and runs. A file
    that fails to compile here is compiled by the payload itself."""
    made: dict[str, str] = {}
    for step in job.get("steps", []):
        args = step.get("args") or {}
        for rel in args.get("compile", []):
            source = job["files"].get(rel)
            if not isinstance(source, str):
                continue
            key = f"{rel}\0{source}"
            text = _COMPILED.get(key)
            if text is None:
                try:
                    import _python_harness  # noqa: PLC0415  (preloaded)

                    text = _python_harness.compile_test(source, f"/work/{rel}")
                except Exception:  # noqa: BLE001
                    continue
                if len(_COMPILED) >= _COMPILED_MAX:
                    _COMPILED.clear()
                _COMPILED[key] = text
            args.setdefault("compiled", {})[rel] = text
            made[rel] = text
    return made


def run_job(job: dict) -> dict:
    missing = [name for name in job.get("preload", []) if name not in sys.modules]
    if missing:  # e.g. hypothesis, loaded once per worker the first time a task needs it
        _preload(missing)
        gc.freeze()
    compiled = _compile_requested(job)
    out_r, out_w = os.pipe()
    ctl_r, ctl_w = os.pipe()
    started = time.monotonic()
    if job["isolate"]:
        # The next child is PID 1 of a fresh PID namespace; when it exits, all it left dies.
        # (Point "children's namespace" back at our own first: unshare refuses otherwise.)
        _call("setns", _libc.setns(_own_pid_ns(), CLONE_NEWPID))
        _call("unshare", _libc.unshare(CLONE_NEWPID))
    init = os.fork()
    if init == 0:
        try:
            os.setpgid(0, 0)
            os.close(out_r)
            os.close(ctl_r)
            _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            _init(job, out_w, ctl_w)
        finally:
            os._exit(1)  # never back into the zygote's loop
    os.close(out_w)
    os.close(ctl_w)
    output, control = _Output(), bytearray()
    open_fds = {out_r, ctl_r}
    deadline = started + job["timeout_s"]
    state, crowded, next_census = "exited", 0, started + 0.3
    uid_procs = None
    while ctl_r in open_fds:  # until init's report is complete
        now = time.monotonic()
        if now >= deadline:
            state = "timeout"
            break
        if now >= next_census:
            next_census = now + 0.25
            uid_procs = _uid_processes(job["uid"])
            crowded = crowded + 1 if uid_procs >= job["nproc"] - 2 else 0
            if crowded >= 4:
                state = "fork_bomb"
                break
        ready, _, _ = select.select(list(open_fds), [], [], min(0.25, deadline - now))
        state = _read_ready(ready, open_fds, out_r, output, control, job["flood_bytes"])
        if state != "exited":
            break
    if state == "exited" and out_r in open_fds:
        # The payloads have exited: what they wrote is already in the pipe. Take that, but
        # do not wait for a detached child that still holds the pipe open.
        while out_r in open_fds and state == "exited":
            ready, _, _ = select.select([out_r], [], [], 0)
            if not ready:
                break
            state = _read_ready(ready, open_fds, out_r, output, control, job["flood_bytes"])
    if state != "exited":
        uid_procs = _uid_processes(job["uid"])
    with contextlib.suppress(OSError):
        os.kill(init, signal.SIGKILL)  # PID 1 of the sample's namespace: takes all with it
    with contextlib.suppress(OSError):
        os.killpg(init, signal.SIGKILL)
    if not job["isolate"]:
        _kill_uid(job["uid"])
    for fd in open_fds:
        if fd == ctl_r:
            with contextlib.suppress(OSError):
                while len(control) < MAX_REPORT:
                    ready, _, _ = select.select([fd], [], [], 0)
                    chunk = os.read(fd, 65536) if ready else b""
                    if not chunk:
                        break
                    control += chunk
        os.close(fd)
    try:
        report = (
            json.loads(bytes(control))
            if control
            else _init_died(init, state, time.monotonic() - started, job["cpu_s"])
        )
    except ValueError:
        report = {"init_error": "unreadable report from the sandbox's init process"}
    report.setdefault("marks", {}).update(started=started, finished=time.monotonic())
    report.update(
        state=state,
        output=output.text(),
        output_bytes=output.total,
        seconds=round(time.monotonic() - started, 4),
        uid_processes=uid_procs,
    )
    report["compiled"] = compiled  # the zygote's own work, never what init reported
    report["_init"] = init
    return report


def _init_died(init: int, state: str, seconds: float, cpu_s: float) -> dict:
    """The report of an init that died without one: the tests it ran in itself were killed
    (their CPU-time or memory limit, see ``_tests_in_init``). Reaps init (``main``'s own
    reaping then finds nothing); its wait status becomes the test step's, which the
    classification reads like any payload's."""
    if state != "exited":
        return {}
    try:
        _, status, usage = os.wait4(init, 0)
    except ChildProcessError:
        return {}
    if not os.WIFSIGNALED(status):
        return {"init_error": f"the sandbox's init process exited ({status >> 8}) without a report"}
    sig = os.WTERMSIG(status)
    if sig == signal.SIGKILL and usage.ru_utime + usage.ru_stime >= int(cpu_s):
        sig = signal.SIGXCPU  # init ignores the soft limit's SIGXCPU; the hard one kills
    step = {"phase": "test", "signal": sig, "seconds": round(seconds, 4)}
    return {"steps": [step]}


def _preload(names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(Exception):
            __import__(name)
    if "hypothesis" in sys.modules:
        # No deadline (a loaded machine must not fail correct code) and no example database;
        # derandomized, so the same code meets the same examples and gets the same verdict.
        with contextlib.suppress(Exception):
            from hypothesis import Phase, settings

            # No shrinking either: a failing example is evidence enough, and shrinking one
            # can take seconds per test.
            settings.register_profile(
                "grader",
                deadline=None,
                database=None,
                derandomize=True,
                print_blob=False,
                report_multiple_bugs=False,
                phases=[Phase.explicit, Phase.reuse, Phase.generate],
            )
            settings.load_profile("grader")


def main() -> None:
    if sys.argv[1:2] == ["--template"]:
        _template_main(sys.argv[2:])
        return
    config = json.loads(sys.argv[1])
    _SITE[:] = [
        path
        for path in config.get("sys_path", [])
        if path != os.path.dirname(os.path.abspath(__file__))
    ]
    if config.get("template"):
        with contextlib.suppress(OSError):
            _start_template()
    sys.path[:0] = config.get("sys_path", [])
    sys.dont_write_bytecode = True
    _preload(config.get("preload", []))
    with contextlib.suppress(OSError):
        _bridge_code()  # compiled once here, before any fork
    gc.collect()
    gc.freeze()  # preloaded objects stay out of every sample's collections: fewer copied pages
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # stray prints go to stderr, never into the protocol
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    protocol.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        try:
            reply = run_job(job)
        except Exception as error:  # the zygote survives a failed job
            reply = {"state": "sandbox_error", "init_error": f"{type(error).__name__}: {error}"}
        init = reply.pop("_init", None)
        reply["id"] = job.get("id")
        protocol.write(json.dumps(reply) + "\n")
        if init is not None:  # reap after answering: the teardown overlaps the host's work
            with contextlib.suppress(ChildProcessError):
                os.waitpid(init, 0)


if __name__ == "__main__":
    main()
