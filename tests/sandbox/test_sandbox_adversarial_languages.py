"""Hostile programs in the other languages: contained and graded failing, like the Python ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sandbox_helpers import leftover_processes, make_job, needs_sandbox

from grader import sandbox

pytestmark = needs_sandbox

JS_TEST = """
const test = require('node:test');
const assert = require('node:assert');
const { attack } = require('./solution.js');
test('attack succeeds', () => { assert.strictEqual(attack(), 'escaped'); });
"""

GO_TEST = """
package attack

import "testing"

func TestAttackSucceeds(t *testing.T) {
	if Attack() != "escaped" {
		t.Fatal("contained")
	}
}
"""

CS_TEST = """
public class AttackTests {
    public static void TestAttackSucceeds() { Assert.AreEqual("escaped", Solution.Attack()); }
}
"""

JAVA_TEST = """
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

public class AttackTest {
    @Test
    void attackSucceeds() { assertEquals("escaped", Solution.attack()); }
}
"""


def _failing_and_clean(run, *statuses: str) -> None:
    assert run.passed == 0, run
    if statuses:
        assert run.status in statuses, (run.status, run.note, run.output[-1500:])
    assert not leftover_processes()


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.shared_cache  # warm toolchain caches from make setup
def test_javascript_hostiles(tmp_path: Path) -> None:
    programs = {
        "busy loop": ("function attack() { while (true) {} }", ("timeout",)),
        "read shadow": (
            "function attack() { return require('fs').readFileSync('/etc/shadow', 'utf8'); }",
            (),
        ),
        "detached child": (
            "function attack() { require('child_process').spawn('sleep', ['60'], "
            "{ detached: true, stdio: 'ignore' }).unref(); return 'detached'; }",
            (),
        ),
        "exit at load": ("process.exit(0);\nfunction attack() { return 'escaped'; }", ()),
        "plant a fake report": (
            "const fs = require('fs');\n"
            'const fake = \'<testsuites><testcase name="attack succeeds" time="0"/></testsuites>\';\n'
            "fs.mkdirSync('.grader', { recursive: true });\n"
            "for (const p of ['.grader/junit.xml', '.grader/junit-0.xml']) fs.writeFileSync(p, fake);\n"
            "for (const d of fs.readdirSync('/tmp')) { try { fs.writeFileSync('/tmp/' + d + '/junit-0.xml', fake); } catch (e) {} }\n"
            "process.exit(0);\nfunction attack() { return 'escaped'; }",
            ("no_tests", "crash"),
        ),
        "heap bomb": (
            "function attack() { const a = []; while (true) { a.push(new Array(1e6).fill(7)); } }",
            ("memory", "crash", "timeout"),
        ),
    }
    jobs = [
        make_job(
            tmp_path, "javascript", code, {"attack.test.js": JS_TEST}, timeout_s=4, memory_mb=256
        )
        for code, _ in programs.values()
    ]
    for (name, (_, statuses)), run in zip(programs.items(), sandbox.run_many(jobs), strict=True):
        assert run.passed == 0, (name, run)
        if statuses:
            assert run.status in statuses, (name, run.status, run.note)
    assert not leftover_processes()


@pytest.mark.skipif(shutil.which("go") is None, reason="go is not installed")
@pytest.mark.shared_cache  # warm toolchain caches from make setup
def test_go_hostiles(tmp_path: Path) -> None:
    programs = {
        "exit in init": (
            'import "os"\n\nfunc init() { os.Exit(0) }\n\nfunc Attack() string { return "escaped" }\n',
            (),
        ),
        "memory bomb": (
            "func Attack() string {\n\tvar hog [][]byte\n\tfor {\n\t\thog = append(hog, make([]byte, 64<<20))\n"
            "\t\thog[len(hog)-1][0] = 1\n\t}\n}\n",
            ("memory", "crash", "timeout"),
        ),
        "dial out": (
            'import "net"\n\nfunc Attack() string {\n\tif _, err := net.Dial("tcp", "1.1.1.1:53"); err == nil {\n'
            '\t\treturn "escaped"\n\t}\n\treturn "blocked"\n}\n',
            (),
        ),
    }
    jobs = [
        make_job(
            tmp_path,
            "go",
            f"package attack\n\n{code}",
            {"attack_test.go": GO_TEST},
            entry_point="Attack",
            timeout_s=20,
            memory_mb=256,
        )
        for code, _ in programs.values()
    ]
    for (name, (_, statuses)), run in zip(programs.items(), sandbox.run_many(jobs), strict=True):
        assert run.passed == 0, (name, run)
        if statuses:
            assert run.status in statuses, (name, run.status, run.note, run.output[-800:])
    assert not leftover_processes()


@pytest.mark.skipif(shutil.which("mcs") is None, reason="mono-mcs is not installed")
def test_csharp_exit_and_loop(tmp_path: Path) -> None:
    exit_code = (
        "public static class Solution { public static string Attack() "
        '{ System.Environment.Exit(0); return "escaped"; } }'
    )
    loop = "public static class Solution { public static string Attack() { while (true) {} } }"
    runs = sandbox.run_many(
        [
            make_job(
                tmp_path,
                "csharp",
                code,
                {"AttackTests.cs": CS_TEST},
                entry_point="Attack",
                timeout_s=4,
            )
            for code in (exit_code, loop)
        ]
    )
    _failing_and_clean(runs[0], "no_tests", "crash")
    _failing_and_clean(runs[1], "timeout")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("javac") is None, reason="javac is not installed")
def test_java_exit_and_thread_bomb(tmp_path: Path) -> None:
    exit_code = 'public class Solution { public static String attack() { System.exit(0); return "escaped"; } }'
    threads = (
        "public class Solution { public static String attack() { while (true) { new Thread(() -> "
        "{ try { Thread.sleep(60000); } catch (Exception e) {} }).start(); } } }"
    )
    runs = sandbox.run_many(
        [
            make_job(
                tmp_path,
                "java",
                code,
                {"AttackTest.java": JAVA_TEST},
                entry_point="attack",
                timeout_s=8,
            )
            for code in (exit_code, threads)
        ]
    )
    _failing_and_clean(runs[0], "no_tests", "crash")
    # Stopped by the address-space limit (no memory for more thread stacks) while the
    # threads it made keep the JVM alive: a fork bomb, or a timeout when fewer got started.
    _failing_and_clean(runs[1], "fork_bomb", "timeout", "memory")
