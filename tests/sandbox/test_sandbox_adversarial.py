"""Hostile programs: each must be contained (no effect outside its sample) AND graded failing.

Every program's test asserts that its attack *succeeded* (``attack() == 'escaped'``), so a
contained attack fails its test; where an attack could leave a trace on the host, the host
is checked too. Statuses name the misbehaviour (timeout, memory, fork_bomb, ...).
"""

from __future__ import annotations

import socket
import threading
import uuid
from pathlib import Path

import pytest
from sandbox_helpers import ATTACK_TEST, leftover_processes, make_job, needs_sandbox, run_python

from grader import sandbox
from grader.sandbox import policy

pytestmark = needs_sandbox

REPO = Path(__file__).resolve().parents[2]


def _contained(run, *statuses: str) -> None:
    assert run.passed == 0, run
    if statuses:
        assert run.status in statuses, (run.status, run.note, run.output[-2000:])
    else:
        assert run.failed + run.errors > 0, run
    assert not leftover_processes(), "a sample process outlived its run"


# Programs whose attack leaves nothing to check on the host: contained == graded failing.
SIMPLE = {
    "read-etc-shadow": """
def attack():
    try:
        return 'escaped' if 'root:' in open('/etc/shadow').read() else 'no'
    except OSError:
        return 'blocked'
""",
    "list-root-home": """
import os
def attack():
    try:
        return 'escaped' if os.listdir('/root') and not set(os.listdir('/root')) <= {'.pyenv'} else 'no'
    except OSError:
        return 'blocked'
""",
    "read-repo": """
import os
def attack():
    for path in ('/work/main/tasks', '/work/main/grader', '/work/shared'):
        if os.path.exists(path):
            return 'escaped'
    return 'blocked'
""",
    "remount-root-rw": """
import subprocess
def attack():
    done = subprocess.run(['mount', '-o', 'remount,rw', '/'], capture_output=True)
    done2 = subprocess.run(['mount', '-t', 'tmpfs', 'none', '/usr'], capture_output=True)
    return 'escaped' if done.returncode == 0 or done2.returncode == 0 else 'blocked'
""",
    "write-system-dirs": """
def attack():
    for path in ('/etc/grader-pwned', '/usr/grader-pwned', '/opt/grader/sandbox/pwned.py', '/bin/pwned'):
        try:
            open(path, 'w').write('x')
            return 'escaped'
        except OSError:
            pass
    return 'blocked'
""",
    "dial-outside-address": """
import socket
def attack():
    for host in (('1.1.1.1', 53), ('8.8.8.8', 443)):
        try:
            socket.create_connection(host, timeout=2).close()
            return 'escaped'
        except OSError:
            pass
    return 'blocked'
""",
    "resolve-dns": """
import socket
def attack():
    try:
        socket.getaddrinfo('pypi.org', 443)
        return 'escaped'
    except OSError:
        return 'blocked'
""",
    "setuid-binary": """
import subprocess
def attack():
    done = subprocess.run(['su', '-c', 'id -u', 'root'], capture_output=True, text=True, input='')
    return 'escaped' if done.stdout.strip() == '0' else 'blocked'
""",
    "capabilities-left": """
def attack():
    caps = [l.split()[1] for l in open('/proc/self/status') if l.startswith(('CapEff', 'CapPrm', 'CapBnd'))]
    return 'escaped' if any(int(c, 16) for c in caps) else 'blocked'
""",
    "run-as-root": """
import os
def attack():
    return 'escaped' if 0 in (os.getuid(), os.geteuid(), os.getgid()) else 'blocked'
""",
    "see-other-processes": """
import os
def attack():
    pids = [p for p in os.listdir('/proc') if p.isdigit()]
    return 'escaped' if len(pids) > 3 else 'blocked'
""",
    "ptrace-init": """
def attack():
    try:
        open('/proc/1/mem', 'rb').read(1)
        return 'escaped'
    except OSError:
        pass
    try:
        return 'escaped' if open('/proc/1/environ', 'rb').read() else 'blocked'
    except OSError:
        return 'blocked'
""",
    "kill-the-parent": """
import os, signal
def attack():
    for target in (os.getppid(), 1):
        try:
            os.kill(target, signal.SIGKILL)
        except OSError:
            pass
    return 'still here'
""",
    "kill-everything": """
import os, signal
def attack():
    try:
        os.kill(-1, signal.SIGKILL)  # every process this uid may signal
    except OSError:
        pass
    return 'still here'
""",
    "inherited-fds": """
import os
def attack():
    wrote = 0
    for fd in range(3, 256):
        try:
            os.write(fd, b'{"id": 1, "state": "exited", "results": null}\\n')
            wrote += 1
        except OSError:
            pass
    return 'escaped' if wrote else 'blocked'
""",
    "sys-exit-at-import": """
import sys
sys.exit(0)
def attack():
    return 'escaped'
""",
    "os-exit-at-import": """
import os
os._exit(0)
def attack():
    return 'escaped'
""",
    "forge-results-file": """
import glob, json, os
for d in glob.glob('/tmp/.r*'):
    with open(os.path.join(d, 'results.json'), 'w') as f:
        json.dump({'cases': [{'name': 'test_attack_succeeds', 'outcome': 'passed'}], 'compile_error': None}, f)
for path in ('/work/.grader/junit.xml', '/work/results.json'):
    try:
        open(path, 'w').write('<testsuite><testcase name="test_attack_succeeds"/></testsuite>')
    except OSError:
        pass
os._exit(0)
def attack():
    return 'escaped'
""",
    "patch-json-at-import": """
import json
_real = json.dumps
def _fake(obj, *a, **k):
    if isinstance(obj, dict) and 'cases' in obj:
        for case in obj['cases']:
            case['outcome'] = 'passed'
    return _real(obj, *a, **k)
json.dumps = _fake
json.dump = lambda obj, fh, *a, **k: fh.write(_fake(obj))
def attack():
    return 'contained'
""",
    "raise-keyboardinterrupt": """
def attack():
    raise KeyboardInterrupt
""",
    "fill-the-disk": """
def attack():
    try:
        with open('/work/big.bin', 'wb') as f:
            for _ in range(2048):
                f.write(b'\\0' * (1 << 20))
        return 'escaped'
    except OSError:
        return 'blocked'
""",
    "user-namespace-root": """
import subprocess
def attack():
    done = subprocess.run(['unshare', '-r', 'cat', '/etc/shadow'], capture_output=True, text=True)
    return 'escaped' if 'root:' in done.stdout else 'blocked'
""",
    "syntax-error": """
def attack(:
    return 'escaped'
""",
}


@pytest.mark.parametrize("name", sorted(SIMPLE))
def test_simple_attacks_are_contained_and_fail(tmp_path: Path, name: str) -> None:
    if name == "run-as-root" and policy.use_userns():
        pytest.skip("not root here: samples are uid 0 of a user namespace, with no capabilities")
    run = run_python(tmp_path, SIMPLE[name])
    _contained(run)
    if name == "syntax-error":
        assert run.status == "compile_error"


def test_secrets_in_host_home_env_and_repo_stay_hidden(tmp_path: Path, monkeypatch) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    home_file = Path.home() / f".grader-canary-{canary}"
    repo_file = REPO / f".grader-canary-{canary}"
    monkeypatch.setenv("GRADER_SECRET_TOKEN", canary)
    home_file.write_text(canary)
    repo_file.write_text(canary)
    code = f"""
import glob, os
def attack():
    found = [repr(dict(os.environ))]
    for pattern in ('/root/.grader-canary-*', '/work/main/.grader-canary-*', os.path.expanduser('~/.grader-canary-*'),
                    '/proc/*/environ', '/home/*/*'):
        for path in glob.glob(pattern):
            try:
                found.append(open(path, 'rb').read().decode('latin-1'))
            except OSError:
                pass
    print(found)
    return 'escaped' if any({canary!r} in f for f in found) else 'blocked'
"""
    try:
        run = run_python(tmp_path, code)
    finally:
        home_file.unlink()
        repo_file.unlink()
    _contained(run)
    assert canary not in run.output + " ".join(c.message for c in run.cases)


def test_writes_outside_the_work_dir_do_not_reach_the_host(tmp_path: Path) -> None:
    marker = f"grader-pwned-{uuid.uuid4().hex}"
    targets = [
        Path("/tmp") / marker,
        REPO / marker,
        Path.home() / marker,
        Path("/var/tmp") / marker,
        Path("/dev/shm") / marker,
    ]
    code = f"""
def attack():
    wrote = 0
    for path in {[str(t) for t in targets]!r}:
        try:
            open(path, 'w').write('x')
            wrote += 1
        except OSError:
            pass
    return 'escaped' if wrote == {len(targets)} else 'blocked'
"""
    run = run_python(tmp_path, code)
    assert run.passed == 0
    assert not [t for t in targets if t.exists()], "a sample wrote onto the host"


def test_dialing_the_hosts_loopback_reaches_nothing(tmp_path: Path) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    accepted: list[object] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                accepted.append(server.accept())
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    code = f"""
import socket
def attack():
    for host in ('127.0.0.1', 'localhost', '::1'):
        try:
            socket.create_connection((host, {port}), timeout=2).sendall(b'hello')
            return 'escaped'
        except OSError:
            pass
    return 'blocked'
"""
    try:
        run = run_python(tmp_path, code)
    finally:
        stop.set()
        thread.join()
        server.close()
    _contained(run)
    assert accepted == []


def test_infinite_loop_times_out(tmp_path: Path) -> None:
    run = run_python(tmp_path, "def attack():\n    while True:\n        pass\n", timeout_s=2)
    _contained(run, "timeout")
    assert run.timed_out and "2 s" in run.note


def test_signal_tampering_does_not_stop_the_kill(tmp_path: Path) -> None:
    code = """
import signal, time
for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGXCPU, signal.SIGALRM, signal.SIGUSR1):
    signal.signal(sig, signal.SIG_IGN)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
def attack():
    while True:
        time.sleep(0.01)
"""
    run = run_python(tmp_path, code, timeout_s=2)
    _contained(run, "timeout")


def test_sleeping_forever_times_out(tmp_path: Path) -> None:
    run = run_python(tmp_path, "import signal\ndef attack():\n    signal.pause()\n", timeout_s=1.5)
    _contained(run, "timeout")


@pytest.mark.slow
def test_fork_bomb_is_contained(tmp_path: Path) -> None:
    code = """
import os
def attack():
    while True:
        try:
            os.fork()
        except OSError:
            pass
"""
    run = run_python(tmp_path, code, timeout_s=8)
    _contained(run, "fork_bomb")
    assert "processes" in run.note


def test_memory_bomb_at_once(tmp_path: Path) -> None:
    run = run_python(tmp_path, "def attack():\n    x = bytearray(8 << 30)\n    return 'escaped'\n")
    _contained(run, "memory")
    assert "512 MB" in run.note


def test_memory_bomb_growing(tmp_path: Path) -> None:
    code = "def attack():\n    hog = []\n    while True:\n        hog.append(' ' * (16 << 20))\n"
    run = run_python(tmp_path, code)
    _contained(run, "memory")


def test_huge_output_is_capped(tmp_path: Path) -> None:
    code = "import sys\ndef attack():\n    while True:\n        sys.stdout.write('spam' * 4096)\n"
    run = run_python(tmp_path, code, timeout_s=10)
    _contained(run, "output_flood")
    assert len(run.output) < 100_000


def test_detached_daemon_does_not_outlive_the_run(tmp_path: Path) -> None:
    code = """
import os, time
def attack():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.closerange(0, 1024)
            time.sleep(60)
        os._exit(0)
    return 'detached'
"""
    run = run_python(tmp_path, code)
    _contained(run)


def test_files_left_behind_are_not_seen_by_the_next_sample(tmp_path: Path) -> None:
    marker = uuid.uuid4().hex
    leave = f"""
import os
def attack():
    for path in ('/work/left-{marker}', '/tmp/left-{marker}', '/dev/shm/left-{marker}', '/work/.grader/left-{marker}'):
        try:
            open(path, 'w').write('x')
        except OSError:
            pass
    try:
        import mmap, ctypes
        libc = ctypes.CDLL(None)
        libc.shmget(0x{marker[:7]}, 4096, 0o1666)  # IPC_CREAT | 0666: a System V segment
    except Exception:
        pass
    return 'left'
"""
    find = f"""
import ctypes, glob
def attack():
    found = glob.glob('/work/**/left-{marker}', recursive=True) + glob.glob('/tmp/left-{marker}')
    found += glob.glob('/dev/shm/left-{marker}')
    if ctypes.CDLL(None).shmget(0x{marker[:7]}, 0, 0) >= 0:
        found.append('shm')
    return 'escaped' if found else 'clean'
"""
    first = run_python(tmp_path, leave)
    assert first.passed == 0
    runs = sandbox.run_many(
        [make_job(tmp_path, "python", find, {"test_attack.py": ATTACK_TEST})] * 4, workers=2
    )
    for run in runs:
        _contained(run)


def test_samples_cannot_touch_each_other(tmp_path: Path) -> None:
    victim = make_job(
        tmp_path,
        "python",
        "import time\ndef attack():\n    time.sleep(1.5)\n    return 'escaped'\n",
        {"test_attack.py": ATTACK_TEST},
    )
    killer = make_job(
        tmp_path, "python", SIMPLE["kill-everything"], {"test_attack.py": ATTACK_TEST}
    )
    victim_run, killer_run = sandbox.run_many([victim, killer], workers=2)
    assert victim_run.status == "ok" and victim_run.passed == 1, victim_run
    assert killer_run.passed == 0


def test_the_worker_survives_hostile_samples(tmp_path: Path) -> None:
    for code in (SIMPLE["kill-the-parent"], SIMPLE["kill-everything"], SIMPLE["os-exit-at-import"]):
        run_python(tmp_path, code)
    ok = run_python(tmp_path, "def attack():\n    return 'escaped'\n")
    assert ok.status == "ok" and ok.passed == 1, ok


def test_tests_killed_in_init_fail_cleanly_and_others_keep_their_results(
    tmp_path: Path,
) -> None:
    """Init may run the trusted tests itself; when they are killed (here by a CPU limit the
    test sets) there is no report from init, and the sample gets a failing verdict from its
    wait status, not a sandbox error; the next samples run as before."""
    killed = (
        "import resource\nfrom solution import attack\n\n\ndef test_attack_succeeds():\n"
        "    resource.setrlimit(resource.RLIMIT_CPU, (1, 1))\n    while True:\n        pass\n"
    )
    honest = make_job(
        tmp_path, "python", "def attack():\n    return 'escaped'\n", {"test_a.py": ATTACK_TEST}
    )
    dying = make_job(
        tmp_path, "python", "def attack():\n    return 'escaped'\n", {"test_a.py": killed}
    )
    first, run, after = sandbox.run_many([honest, dying, honest])
    assert run.passed == 0 and run.status in {"memory", "crash", "timeout"}, run
    assert (first.status, first.passed, after.status, after.passed) == ("ok", 1, "ok", 1)
    assert not leftover_processes()


def test_import_time_exit_is_not_a_pass(tmp_path: Path) -> None:
    run = run_python(tmp_path, SIMPLE["os-exit-at-import"])
    # The solution runs in a process of its own (``_pybridge``): its exit is a failed import.
    assert run.passed == 0 and run.errors == 1, run
    assert "the solution's process exited" in run.cases[0].message


def test_forged_results_are_rejected(tmp_path: Path) -> None:
    run = run_python(tmp_path, SIMPLE["forge-results-file"])
    # It writes where it can (its own /tmp and work dir, not the tests' ones) and exits.
    assert run.passed == 0 and run.errors == 1, run
    assert "the solution's process exited" in run.cases[0].message


@needs_sandbox
def test_a_worker_closed_for_stale_caches_gives_up_its_uid(tmp_path: Path, monkeypatch) -> None:
    """A worker whose mounts no longer fit (``GRADER_CACHE`` changed) is closed, and this
    process forgets its uid: another grader may claim it, and its processes are not ours."""
    from grader.sandbox.pool import Pool

    pool = Pool()
    isolate = policy.probe()[0]
    old = pool.acquire(isolate)
    pool.release(old)
    monkeypatch.setenv("GRADER_CACHE", str(tmp_path / "another-cache"))
    try:
        new = pool.acquire(isolate)
        if isolate:  # only isolated workers mount the caches
            assert new is not old and not old.alive()
            assert old not in pool._all and new in pool._all
        pool.release(new)
    finally:
        pool.close()
