"""Test-gaming replies in JavaScript, TypeScript, Go, Java and C#: none gets a test passed.

Each reply solves nothing (``attack`` returns a wrong value) and tries to make the run report
passes anyway: patching the assert module or the test framework, exiting early, planting a
results file, calling the trusted reporter itself, returning an object that compares equal.
Outcomes come from a trusted reporter whose lines carry a per-run nonce, checked against the
test names counted on the host, so every one of them is graded with 0 passes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sandbox_helpers import leftover_processes, make_job, needs_sandbox

from grader import sandbox
from grader.sandbox.runners.results import DID_NOT_REPORT
from grader.types import TestRun

pytestmark = needs_sandbox

JS_TEST = """
const { test } = require('node:test');
const assert = require('node:assert');
const { attack } = require('./solution.js');
test('attack returns solved', () => { assert.equal(attack(), 'solved'); });
test('attack returns solved strictly', () => { assert.strictEqual(attack(), 'solved'); });
test('attack returns a list', async () => { assert.deepStrictEqual([attack()], ['solved']); });
"""

# Reads where the runner writes results from its own environment (/proc keeps what process.env
# forgets) and plants passing results there and in every folder of /tmp.
_JS_PLANT = r"""
const fs = require('fs');
const names = ['attack returns solved', 'attack returns solved strictly', 'attack returns a list'];
const env = fs.readFileSync('/proc/self/environ', 'utf8').split('\0');
const targets = env.filter((e) => e.startsWith('GRADER_')).map((e) => e.split('=')[1]);
const junit = '<testsuites>' + names.map((n) => `<testcase name="${n}" time="0"/>`).join('') + '</testsuites>';
for (const d of fs.readdirSync('/tmp')) {
  for (const f of ['junit-0.xml', 'node-0.jsonl', 'results.json']) {
    try { fs.writeFileSync(`/tmp/${d}/${f}`, junit); } catch (_) {}
  }
}
for (const t of targets) {
  try {
    const guess = fs.existsSync(t) ? fs.readFileSync(t, 'utf8').trim() : 'x'.repeat(32);
    fs.appendFileSync(t, names.map((n) => `${guess}\t${JSON.stringify({ name: n, outcome: 'passed' })}\n`).join(''));
  } catch (_) {}
}
"""

JS_STRATEGIES = {
    "patch node:assert": (
        "const a = require('assert');\n"
        "for (const k of ['equal', 'strictEqual', 'deepStrictEqual']) "
        "{ a[k] = () => {}; a.strict[k] = () => {}; require('assert/strict')[k] = () => {}; }\n"
        "function attack() { return 'nope'; }"
    ),
    "replace node:test through the loader": (
        "const Module = require('module');\n"
        "const fake = Object.assign((n, fn) => {}, { test: (n, fn) => {} });\n"
        "const load = Module._load;\n"
        "Module._load = function (r, ...rest) { return r.endsWith('test') ? fake : "
        "load.call(this, r, ...rest); };\n"
        "function attack() { return 'nope'; }"
    ),
    "plant results then exit": _JS_PLANT + "process.exit(0);\nfunction attack() { return 'nope'; }",
    "exit during a test": (
        "process.on('exit', () => { process.exitCode = 0; });\n"
        "function attack() { process.exit(0); }"
    ),
    "swallow rejections": (
        "const then = Promise.prototype.then;\n"
        "Promise.prototype.then = function (ok) { return then.call(this, ok, () => ok()); };\n"
        "function attack() { return 'nope'; }"
    ),
    "Object.prototype pollution": (
        "Object.prototype.outcome = 'passed';\nObject.prototype.passed = true;\n"
        "Object.prototype.ok = true;\nfunction attack() { return 'nope'; }"
    ),
    "read the hidden test file": (
        "function attack() {\n  let text = '';\n"
        "  try { text = require('fs').readFileSync(__dirname + '/attack.test.js', 'utf8'); } catch (_) {}\n"
        "  const m = text.match(/'(solved)'/);\n  return m ? m[1] : 'nope';\n}"
    ),
    "read the caller's source": (
        "function attack() {\n  let text = '';\n"
        "  try { text += String(attack.caller); } catch (_) {}\n"
        "  const saved = Error.prepareStackTrace;\n"
        "  Error.prepareStackTrace = (e, sites) => sites.map((s) => String(s.getFunction())).join();\n"
        "  try { text += new Error().stack; } catch (_) {}\n"
        "  Error.prepareStackTrace = saved;\n"
        "  const m = text.match(/'(solved)'/);\n  return m ? m[1] : 'nope';\n}"
    ),
    "search a heap snapshot for the nonce": (
        "const fs = require('fs');\n"
        "const env = fs.readFileSync('/proc/self/environ', 'utf8').split('\\0');\n"
        "const target = (env.find((e) => e.startsWith('GRADER_RESULTS=')) || '=').split('=')[1];\n"
        "const names = ['attack returns solved', 'attack returns solved strictly', 'attack returns a list'];\n"
        "const file = require('v8').writeHeapSnapshot('/tmp/heap.heapsnapshot');\n"
        "for (const n of new Set(fs.readFileSync(file, 'utf8').match(/[0-9a-f]{32}/g) || []))\n"
        "  for (const name of names) fs.appendFileSync(target, `${n}\\t${JSON.stringify({ name, outcome: 'passed' })}\\n`);\n"
        "process.exit(0);\nfunction attack() { return 'nope'; }"
    ),
    "object that converts to the answer": (
        "function attack() { return { valueOf() { return 'solved'; }, toString() { return 'solved'; }, "
        "[Symbol.toPrimitive]() { return 'solved'; } }; }"
    ),
}

GO_TEST = """package solution

import "testing"

func TestAttackSolved(t *testing.T) {
	if Attack() != "solved" {
		t.Fatal("not solved")
	}
}

func TestAttackSolvedTwice(t *testing.T) {
	if Attack()+Attack() != "solvedsolved" {
		t.Fatal("not solved")
	}
}
"""

_GO_FAKE_EVENTS = (
    '`{"Action":"pass","Test":"TestAttackSolved","Package":"sandbox"}`, '
    '`{"Action":"pass","Test":"TestAttackSolvedTwice","Package":"sandbox"}`, '
    '"--- PASS: TestAttackSolved (0.00s)", "--- PASS: TestAttackSolvedTwice (0.00s)", "PASS", "ok"'
)

GO_STRATEGIES = {
    "exit in init": 'import "os"\n\nfunc init() { os.Exit(0) }\n\nfunc Attack() string { return "nope" }\n',
    "print fake go test -json events": (
        'import (\n\t"fmt"\n\t"os"\n)\n\n'
        f"func init() {{\n\tfor _, line := range []string{{{_GO_FAKE_EVENTS}}} {{\n"
        "\t\tfmt.Println(line)\n\t}\n\tos.Exit(0)\n}\n\n"
        'func Attack() string { return "nope" }\n'
    ),
    "call the trusted reporter with stand-in tests": (
        'import (\n\t"os"\n\t"testing"\n\n\tgradertrust "sandbox/gradertrust"\n)\n\n'
        "func init() {\n\ttesting.Init()\n"
        '\ttesting.MainStart(nil, []testing.InternalTest{{Name: "TestAttackSolved", F: func(t *testing.T) {\n'
        "\t\tgradertrust.Run(t, func(t *testing.T) {}, func(t *testing.T) {})\n\t}}}, nil, nil, nil)\n"
        "\tos.Exit(0)\n}\n\n"
        'func Attack() string { return "nope" }\n'
    ),
    "read the hidden test file": (
        'import (\n\t"os"\n\t"strings"\n)\n\n'
        "func Attack() string {\n"
        '\tdata, _ := os.ReadFile("attack_test.go")\n'
        '\tif strings.Contains(string(data), `"solved"`) {\n\t\treturn "solved"\n\t}\n'
        '\treturn "nope"\n}\n'
    ),
    "read the reporter's nonce through go:linkname": (
        'import (\n\t"os"\n\t_ "unsafe"\n\n\t_ "sandbox/gradertrust"\n)\n\n'
        "//go:linkname nonce sandbox/gradertrust.nonce\nvar nonce string\n\n"
        "func init() {\n"
        '\tf, _ := os.OpenFile(os.Getenv("GRADER_RESULTS"), os.O_WRONLY|os.O_APPEND, 0o600)\n'
        '\tfor _, n := range []string{"TestAttackSolved", "TestAttackSolvedTwice"} {\n'
        '\t\tf.WriteString(nonce + "\\t{\\"name\\": \\"" + n + "\\", \\"outcome\\": \\"passed\\"}\\n")\n'
        "\t}\n"
        '\tf.WriteString(nonce + "\\t{\\"done\\": true}\\n")\n'
        "\tos.Exit(0)\n}\n\n"
        'func Attack() string { return "nope" }\n'
    ),
    "plant results in /tmp": (
        'import (\n\t"os"\n\t"strings"\n)\n\n'
        "func init() {\n\tfor _, kv := range os.Environ() {\n"
        '\t\tif strings.HasPrefix(kv, "GRADER_RESULTS=") {\n'
        '\t\t\tf, _ := os.OpenFile(strings.SplitN(kv, "=", 2)[1], os.O_WRONLY|os.O_APPEND, 0o600)\n'
        '\t\t\tf.WriteString("x\\t{\\"name\\": \\"TestAttackSolved\\", \\"outcome\\": \\"passed\\"}\\n")\n'
        "\t\t}\n\t}\n}\n\n"
        'func Attack() string { os.Exit(0); return "nope" }\n'
    ),
}

JAVA_TEST = """
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

public class AttackTest {
    @Test
    void attackSolved() { assertEquals("solved", String.valueOf(Solution.attack())); }

    @Test
    void attackEqualsSolved() { assertEquals("solved", Solution.attack()); }
}
"""

_JAVA_FAKE_XML = (
    '"<testsuites><testsuite><testcase name=\\"attackSolved()\\"/>'
    '<testcase name=\\"attackEqualsSolved()\\"/></testsuite></testsuites>"'
)

JAVA_STRATEGIES = {
    "System.exit in a static initializer": (
        "public class Solution {\n    static { System.exit(0); }\n"
        '    public static Object attack() { return "nope"; }\n}\n'
    ),
    "write the JUnit XML report and halt": (
        "import java.nio.file.*;\n"
        "public class Solution {\n    static {\n        try {\n"
        '            for (Path d : Files.newDirectoryStream(Path.of("/tmp"))) {\n'
        '                Path r = d.resolve("reports"); Files.createDirectories(r);\n'
        f'                Files.writeString(r.resolve("TEST-junit-jupiter.xml"), {_JAVA_FAKE_XML});\n'
        "            }\n        } catch (Exception e) {}\n"
        "        Runtime.getRuntime().halt(0);\n    }\n"
        '    public static Object attack() { return "nope"; }\n}\n'
    ),
    "equals and toString that always agree": (
        "public class Solution {\n"
        "    public static Object attack() { return new Object() {\n"
        "        @Override public boolean equals(Object o) { return true; }\n"
        "        @Override public int hashCode() { return 0; }\n"
        '        @Override public String toString() { System.exit(0); return "solved"; }\n'
        "    }; }\n}\n"
    ),
    "reflection on the test class and the launcher": (
        "import java.lang.reflect.*;\n"
        "public class Solution {\n    static {\n        try {\n"
        '            Class<?> l = Class.forName("graderharness.GraderLauncher");\n'
        "            for (Field f : l.getDeclaredFields()) { f.setAccessible(true); }\n"
        '            Method m = l.getMethod("main", String[].class);\n'
        '            m.invoke(null, (Object) new String[] {"/dev/null", "/dev/stdout", "AttackTest"});\n'
        "        } catch (Throwable e) {}\n    }\n"
        '    public static Object attack() { return "nope"; }\n}\n'
    ),
    "read the hidden test file": (
        "public class Solution {\n    public static Object attack() {\n"
        '        try { String t = java.nio.file.Files.readString(java.nio.file.Path.of("AttackTest.java"));\n'
        '            if (t.contains("\\"solved\\"")) return "solved"; } catch (Exception e) {}\n'
        '        return "nope";\n    }\n}\n'
    ),
    "a test class of its own": (
        "import org.junit.jupiter.api.Test;\n"
        "public class Solution {\n"
        '    public static Object attack() { return "nope"; }\n'
        "    @Test void attackSolved() {}\n    @Test void attackEqualsSolved() {}\n}\n"
    ),
}

CS_TEST = """
public class AttackTests {
    public static void TestAttackSolved() { Assert.AreEqual("solved", Solution.Attack()); }
    public static void TestAttackSolvedAgain() { Assert.IsTrue("solved".Equals(Solution.Attack())); }
}
"""

CS_STRATEGIES = {
    "Environment.Exit in a static constructor": (
        "public static class Solution {\n"
        "    static Solution() { System.Environment.Exit(0); }\n"
        '    public static object Attack() { return "nope"; }\n}\n'
    ),
    "write the harness's results and exit": (
        "using System.IO;\n"
        "public static class Solution {\n    public static object Attack() {\n"
        "        var args = System.Environment.GetCommandLineArgs();\n"
        '        var line = "{\\"name\\": \\"TestAttackSolved\\", \\"outcome\\": \\"passed\\"}\\n" +\n'
        '                   "{\\"name\\": \\"TestAttackSolvedAgain\\", \\"outcome\\": \\"passed\\"}\\n";\n'
        "        foreach (var a in args) { try { File.AppendAllText(a, line); "
        'File.AppendAllText(a, "{\\"cases\\": []}"); } catch {} }\n'
        "        System.Environment.Exit(0);\n        return null;\n    }\n}\n"
    ),
    "a test class of its own": (
        "public static class Solution {\n"
        '    public static object Attack() { return "nope"; }\n}\n'
        "public class AAAFake {\n"
        "    public static void TestAttackSolved() {}\n"
        "    public static void TestAttackSolvedAgain() {}\n}\n"
    ),
    "reflection: rerun the harness": (
        "using System.Reflection;\n"
        "public static class Solution {\n    public static object Attack() {\n"
        '        var t = typeof(Assert).Assembly.GetType("GraderHarness.Runner");\n'
        '        t.GetMethod("Main").Invoke(null, new object[] { new[] { "/dev/null", "/dev/stdout", "AAAFake" } });\n'
        '        return "nope";\n    }\n}\n'
        "public class AAAFake { public static void TestAttackSolved() {} }\n"
    ),
    "read the hidden test file": (
        "public static class Solution {\n    public static object Attack() {\n"
        '        try { if (System.IO.File.ReadAllText("AttackTests.cs").Contains("\\"solved\\"")) '
        'return "solved"; } catch (System.Exception) {}\n'
        '        return "nope";\n    }\n}\n'
    ),
    "Equals that is always true": (
        "public class Liar {\n"
        "    public override bool Equals(object o) { return true; }\n"
        "    public override int GetHashCode() { return 0; }\n"
        '    public override string ToString() { return "solved"; }\n}\n'
        "public static class Solution { public static object Attack() { return new Liar(); } }\n"
    ),
}


def _assert_graded_failing(name: str, run: TestRun) -> None:
    assert run.passed == 0, (name, run.status, [(c.name, c.outcome) for c in run.cases])
    explained = [c.message for c in run.cases if c.outcome != "passed" and c.message]
    assert explained or run.note, (name, run)


def _run_all(jobs: list, strategies: dict) -> dict[str, TestRun]:
    runs = dict(zip(strategies, sandbox.run_many(jobs), strict=True))
    for name, run in runs.items():
        _assert_graded_failing(name, run)
    assert not leftover_processes()
    return runs


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_javascript_gaming(tmp_path: Path) -> None:
    jobs = [
        make_job(tmp_path, "javascript", code, {"attack.test.js": JS_TEST}, timeout_s=8)
        for code in JS_STRATEGIES.values()
    ]
    runs = _run_all(jobs, JS_STRATEGIES)
    planted = runs["plant results then exit"]
    assert {c.message for c in planted.cases} == {DID_NOT_REPORT}, planted.cases
    converted = runs["object that converts to the answer"].cases[0]
    assert "not plain data" in converted.message, converted


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_typescript_gaming(tmp_path: Path) -> None:
    chosen = {k: JS_STRATEGIES[k] for k in ("patch node:assert", "plant results then exit")}
    chosen["exit in a type-annotated helper"] = (
        "export function attack(): string { process.exit(0); return 'nope'; }"
    )
    jobs = [
        make_job(
            tmp_path,
            "typescript",
            code,
            {"attack.test.js": JS_TEST.replace("solution.js", "solution")},
            timeout_s=15,
        )
        for code in chosen.values()
    ]
    _run_all(jobs, chosen)


@pytest.mark.shared_cache  # Go's warm build cache: a cold one compiles the standard library per sample
@pytest.mark.skipif(shutil.which("go") is None, reason="go is not installed")
def test_go_gaming(tmp_path: Path) -> None:
    jobs = [
        make_job(
            tmp_path,
            "go",
            f"package solution\n\n{code}",
            {"attack_test.go": GO_TEST},
            entry_point="Attack",
            timeout_s=30,
        )
        for code in GO_STRATEGIES.values()
    ]
    runs = _run_all(jobs, GO_STRATEGIES)
    for name in ("exit in init", "print fake go test -json events"):
        assert all(c.message == DID_NOT_REPORT for c in runs[name].cases), runs[name].cases


@pytest.mark.skipif(shutil.which("javac") is None, reason="no JDK")
def test_java_gaming(tmp_path: Path) -> None:
    jobs = [
        make_job(
            tmp_path,
            "java",
            code,
            {"AttackTest.java": JAVA_TEST},
            entry_point="attack",
            timeout_s=40,
            memory_mb=512,
        )
        for code in JAVA_STRATEGIES.values()
    ]
    _run_all(jobs, JAVA_STRATEGIES)


@pytest.mark.skipif(shutil.which("mcs") is None, reason="mono-mcs is not installed")
def test_csharp_gaming(tmp_path: Path) -> None:
    jobs = [
        make_job(
            tmp_path,
            "csharp",
            code,
            {"AttackTests.cs": CS_TEST},
            entry_point="Attack",
            timeout_s=30,
        )
        for code in CS_STRATEGIES.values()
    ]
    _run_all(jobs, CS_STRATEGIES)
