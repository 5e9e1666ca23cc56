"""The host's side of nonce-signed results: which lines count, and the test names it expects."""

from __future__ import annotations

from grader.sandbox.runners.csharp import declared_test_classes
from grader.sandbox.runners.csharp import expected_test_methods as cs_methods
from grader.sandbox.runners.go import expected_test_names as go_names
from grader.sandbox.runners.java import expected_test_methods as java_methods
from grader.sandbox.runners.javascript import ALL_NAMES
from grader.sandbox.runners.javascript import expected_test_names as js_names
from grader.sandbox.runners.results import DID_NOT_REPORT, parse_signed, reconcile

NONCE = "ab" * 16


def _line(record: str, nonce: str = NONCE) -> str:
    return f"{nonce}\t{record}"


def test_only_lines_with_the_nonce_count() -> None:
    text = "\n".join(
        [
            _line('{"name": "a", "outcome": "passed"}'),
            _line('{"name": "b", "outcome": "passed"}', nonce="cd" * 16),
            '{"name": "c", "outcome": "passed"}',
            _line('{"done": true}'),
        ]
    )
    cases, done = parse_signed(text, NONCE)
    assert [(c.name, c.outcome) for c in cases] == [("a", "passed")]
    assert done
    assert parse_signed(text, None) == ([], False)


def test_a_tampered_line_voids_the_run() -> None:
    text = _line('{"name": "a", "outcome": "passed"}') + "\n" + _line('{"tampered": "x"}')
    assert parse_signed(text, NONCE) == ([], False)


def test_reconcile_fails_missing_names_and_drops_unknown_ones() -> None:
    cases, _ = parse_signed(
        "\n".join(
            _line(r)
            for r in (
                '{"name": "a", "outcome": "passed"}',
                '{"name": "a", "outcome": "failed", "message": "second run"}',
                '{"name": "extra", "outcome": "passed"}',
            )
        ),
        NONCE,
    )
    found = {c.name: c for c in reconcile(cases, ["a", "b"])}
    assert set(found) == {"a", "b"}
    assert found["a"].outcome == "failed" and found["a"].message == "second run"
    assert found["b"].outcome == "failed" and found["b"].message == DID_NOT_REPORT


def test_host_side_test_names() -> None:
    js = "test('one', () => {});\nit(\"two \\\"q\\\"\", () => {});\nt.test('sub');\ntest(`t${i}`);"
    assert js_names(js) == ["one", 'two "q"', ALL_NAMES]
    go = "func TestA(t *testing.T) {}\nfunc Testlower(t *testing.T) {}\nfunc TestMain(m *testing.M) {}"
    assert go_names([go]) == ["TestA"]
    java = (
        "@Test\nvoid a() {}\n@ParameterizedTest\n@ValueSource(ints = {1})\npublic void b(int x) {}"
    )
    assert java_methods(java) == ["a", "b"]
    cs = "namespace N {\npublic class K {\n[Test] public static void Check() {}\n"
    cs += "public static void TestX() {}\npublic static void Helper() {}\n}}"
    assert cs_methods(cs) == ["Check", "TestX"] and declared_test_classes(cs) == ["N.K"]
