"""What a failing case observed, read from each runner's messages (taken from real runs)."""

from __future__ import annotations

import pytest

from grader.observe import MAX_SHOWN, locate, observe, shortened
from grader.sandbox.runners.results import DID_NOT_REPORT
from grader.types import TestCase


def _case(message: str, name: str = "t.py::test_invalid_user_id") -> TestCase:
    return TestCase(name=name, outcome="failed", message=message)


@pytest.mark.parametrize(
    ("message", "sentence"),
    [
        # pytest: the answer, the expected value, and the call that gave it
        (
            "AssertionError: assert 42002 == 42001\n +  where 42002 = code(**{'to': Ellipsis})",
            "With to missing, the code returned 42002; expected 42001.",
        ),
        (
            "AssertionError: assert (0 == 0) is False\n +  where 0 = f('  ab  ')",
            "With '  ab  ', the code returned 0; expected something other than 0.",
        ),
        # the Python harness's line of the test that failed names the field a bare value was
        (
            'assert 10 == 11\n(checked: assert result["total_pages"] == pages)',
            "The test invalid user id got 'total_pages': 10; expected 'total_pages': 11.",
        ),
        (
            'assert (0, 10) == (1, 10)\n(checked: assert (result["page"], result.size) == (1, 10))',
            "The test invalid user id got 'page', 'size': (0, 10); expected 'page', 'size': (1, 10).",
        ),
        (  # a check of a call's answer names no field: the call is said instead
            'assert 0 == 1\n +  where 0 = f(2)\n(checked: assert f(2)["n"] == 1)',
            "With 2, the code returned 0; expected 1.",
        ),
        # a chain of comparisons: pytest shows the first pair that differs, two of the answers
        (
            "AssertionError: assert {'a': 1} == {'a': 2}\n(checked: assert first == second == {\"a\": 1})",
            "The test invalid user id fails: two of the answers it compared differ: {'a': 1} and {'a': 2}.",
        ),
        # the Java runner's line of the failed assertEquals names what it read
        (
            "expected: <1> but was: <2>\n(checked: assertEquals(parts, shares.size());)",
            "The test invalid user id got shares.size() = 2; expected 1.",
        ),
        (  # a check whose input the test's own words give: that input, not the expression
            'id=3 ==> expected: <0> but was: <10>\n(checked: assertEquals(0, f(s, "x"), "id=" + id);)',
            "With id=3, the code returned 10; expected 0.",
        ),
        # a builtin in pytest's where-line is the test's own counting, not a call of the code
        (
            "assert 0 == 1\n +  where 0 = len([])\n +    where [] = <Gateway object>.charges",
            "The test invalid user id got len(charges) = 0; expected 1.",
        ),
        # hypothesis names the failing input
        (
            "AssertionError: assert 50001 == 50002\nFailing test case: test_x(\n    user_id=0,\n)",
            "With user_id=0, the code returned 50001; expected 50002.",
        ),
        # node's assert, made one line by the runner; a test's sentence is kept apart
        (
            "UserId=0: got 50001, expected 50002",
            "With UserId=0, the code returned 50001; expected 50002.",
        ),
        (
            "pageSize=101 must be clamped, not rejected: got 40002, expected 0",
            "With pageSize=101, the code returned 40002; expected 0 (must be clamped, not rejected).",
        ),
        (
            "event={\"id\":17}: + actual - expected: {: +   code: 'PROCESSED',: +   status: 200: "
            "-   code: 'MISSING_ID',: -   status: 400: }",
            "With event={\"id\":17}, the code returned code: 'PROCESSED', status: 200; "
            "expected code: 'MISSING_ID', status: 400.",
        ),
        (
            "the repository was called before the parameters were validated: + actual - expected: "
            "+ [: +   'find': + ]: - []",
            "The test invalid user id fails: the repository was called before the parameters "
            "were validated.",
        ),
        # JUnit, with a blank string input kept visible
        (
            "sku=    ==> expected: <70001> but was: <70003>",
            'With sku="   ", the code returned 70003; expected 70001.',
        ),
        # pytest with the test's own message: its words, or the comparison they spell out
        (
            "AssertionError: the store was called before the request was validated\n"
            "assert [('get', 'k-1')] == []",
            "The test invalid user id fails: the store was called before the request was "
            "validated.",
        ),
        (
            "AssertionError: expected a non-empty stripped str, got ''\nassert ('' == '' and '')",
            "The test invalid user id got ''; expected a non-empty stripped str.",
        ),
        # a true/false pair is the truth of the test's own check, not an answer of the code's
        (
            "share=0.1 ==> expected: <true> but was: <false>",
            "The test invalid user id fails: its check on share=0.1 did not hold.",
        ),
        (
            "Expected: True\n  But was:  False",
            "The test invalid user id fails: its check did not hold.",
        ),
        # the C# harness, without an input: the test got it, maybe not as a return value
        ("expected 49.99, got 0.5", "The test invalid user id got 0.5; expected 49.99."),
        # Go's testing, with the file:line prefix
        (
            "user_flags_test.go:85: UserId=0: got code 50001, want 50002",
            "With UserId=0, the code returned 50001; expected 50002.",
        ),
        # errors the code raised, with where when the runner knows
        (
            "AttributeError: 'int' object has no attribute 'isnumeric'\n(at solution.py:5)",
            "In the test invalid user id, the code raised AttributeError: 'int' object has no "
            "attribute 'isnumeric' at line 5.",
        ),
        (
            "Cannot read properties of null (reading 'author')",
            "In the test invalid user id, the code raised Cannot read properties of null "
            "(reading 'author').",
        ),
    ],
)
def test_each_runners_message_reads_as_what_was_observed(message: str, sentence: str) -> None:
    assert observe(_case(message)).sentence() == sentence


def test_cases_share_a_symptom_only_when_they_show_the_same_answer_or_error() -> None:
    one = observe(_case("UserId=0: got 50001, expected 50002"))
    two = observe(_case("flags 0/0: got 50001, expected 0", name="t::test_success"))
    assert one.symptom == two.symptom == "got:50001"
    raised = observe(_case("KeyError: 'UserId'"))
    assert raised.symptom == "error:KeyError: 'UserId'"
    # a case the runner filled in because no result came says nothing about the code
    assert observe(_case(DID_NOT_REPORT)).symptom is None


def test_locate_finds_whole_words_outside_comments() -> None:
    code = "# 50003 is the flag code\nFLAG = 50003\nx = 500031\nreturn FLAG  // 50003\n"
    assert locate(code, "50003") == [2]


def test_a_dicts_differing_items_are_read_in_one_order_whatever_order_pytest_lists_them() -> None:
    """pytest lists them in hash order, which changes from run to run."""
    items = [
        "{'tax': '3.7108499999999998'} != {'tax': '3.71'}",
        "{'discount': '0.0'} != {'discount': '0.00'}",
        "{'total': '48.69085'} != {'total': '48.69'}",
    ]
    head = "AssertionError: assert {'code': 0, '...9999998', ...} == {'code': 0, '...: '3.71', ...}"
    said = set()
    for order in (items, items[::-1], items[1:] + items[:1]):
        message = "\n".join([head, "  Differing items:", *order, "  Use -v to get more diff"])
        said.add(observe(_case(message, "t.py::test_no_discount")).sentence())
    assert said == {"The test no discount got 'discount': '0.0'; expected 'discount': '0.00'."}


@pytest.mark.parametrize(
    ("message", "sentence"),
    [
        # the test's words for what it did first are not an input
        (
            'after {"from":"b","to":"a","amountCents":99999}: + actual - expected: {: +   a: NaN,'
            ": -   a: 5000,: empty: 0: }",
            "The test refused transfer got a: NaN, empty: 0; expected a: 5000, empty: 0.",
        ),
        # a TypeError node throws without its type name is still an error of the code
        (
            "Cannot convert object to primitive value",
            "In the test refused transfer, the code raised Cannot convert object to primitive value.",
        ),
    ],
)
def test_node_messages_without_an_input(message: str, sentence: str) -> None:
    assert observe(_case(message, "t.test.js::refused transfer")).sentence() == sentence


def test_long_answers_are_shown_where_they_part() -> None:
    short = ("'abc'", "'abd'")
    assert shortened(*short) == short  # short answers stay whole
    got = "'<p>" + "x" * 300 + "</p>'"
    expected = "'<p>" + "x" * 200 + "…</p>'"
    shown_got, shown_expected = shortened(got, expected)
    assert len(shown_got) < MAX_SHOWN and len(shown_expected) < MAX_SHOWN
    assert shown_got.endswith(f"({len(got)} characters)")
    assert "x…</p>'" in shown_expected  # the stretch where they differ is the one shown


@pytest.mark.parametrize(
    ("message", "sentence"),
    [
        # JUnit through the grader's launcher: an exception's class, words and frames
        (
            "IllegalArgumentException: Invalid amount for part 3. (at AmountSplitter.java:21; "
            "AmountSplitterTest.java:40)",
            "In the test two decimals always, the code raised IllegalArgumentException: Invalid "
            "amount for part 3 at line 21.",
        ),
        # raised in the test file, under a frame of the code: the tests' stand-in raised it
        (
            "IOException: reset (at AmountSplitterTest.java:47; AmountSplitter.java:20; "
            "AmountSplitterTest.java:50)",
            "In the test two decimals always, the code let IOException: reset through (the "
            "test's stand-in raised it).",
        ),
        # Python, across the bridge from the tests' process: the same
        (
            "RuntimeError: timeout talking to warehouse (at _pybridge.py:479; _pybridge.py:495; "
            "test_sync_inventory.py:18)",
            "In the test two decimals always, the code let RuntimeError: timeout talking to "
            "warehouse through (the test's stand-in raised it).",
        ),
    ],
)
def test_where_an_exception_came_from(message: str, sentence: str) -> None:
    case = TestCase(name="AmountSplitterTest::twoDecimalsAlways", outcome="error", message=message)
    assert observe(case).sentence() == sentence


def test_an_exception_from_a_stand_in_is_no_shared_fault() -> None:
    said = "RuntimeError: down (at _pybridge.py:479; test_x.py:18)"
    relayed = observe(TestCase(name="t.py::test_a", outcome="failed", message=said))
    assert relayed.symptom is None
    own = observe(
        TestCase(
            name="t.py::test_a", outcome="failed", message="RuntimeError: down (at solution.py:4)"
        )
    )
    assert own.symptom is not None and own.line == 4


def test_go_log_lines_are_the_codes_output_not_the_tests_message() -> None:
    said = "2026/12/07 17:46:51 db: %!w(*errors.errorString=&{reset})\nfetch_all_test.go:84: error reset does not name the id"
    case = TestCase(name="TestErrorNamesID", outcome="failed", message=said)
    assert (
        observe(case).sentence()
        == "The test error names id fails: error reset does not name the id."
    )


def test_an_exception_made_in_the_test_file_is_placed_there_not_blamed_on_the_code() -> None:
    said = "IOException: reset (at RetryTest.java:55)"
    case = TestCase(
        name="RetryTest::returnsResultAfterTransientFailures", outcome="error", message=said
    )
    assert observe(case).sentence() == (
        "The test returns result after transient failures fails: it ended with IOException: "
        "reset, raised in the test file (RetryTest.java, line 55)."
    )
    reading = TestCase(
        name="t.py::test_a", outcome="failed", message="KeyError: 'id' (at test_x.py:9)"
    )
    assert "the answer lacks what the test reads" in observe(reading).sentence()


def test_a_real_pytest_run_says_which_field_a_bare_value_was() -> None:
    from scoring_builders import REPO

    from grader.pipeline import grade_code
    from grader.tasks.loader import load_task

    task = load_task(REPO / "tasks" / "paginate-items" / "python.yaml")
    code = task.reference.read_text(encoding="utf-8")
    code = code.replace('"total_pages": (total + size - 1) // size', '"total_pages": total // size')
    verdict, _ = grade_code(task, code=code)
    failing = [c for c in verdict.tests.cases if c.outcome != "passed"]
    assert failing and all("(checked: assert " in c.message for c in failing)
    # floor division loses the partial last page: the note says it is total_pages that is short
    assert any("got 'total_pages': 0; expected 'total_pages': 1" in n for n in verdict.notes), (
        verdict.notes
    )


def test_a_real_pytest_run_says_what_the_answer_a_test_could_not_read_was() -> None:
    from scoring_builders import REPO

    from grader.pipeline import grade_code
    from grader.tasks.loader import load_task

    task = load_task(REPO / "tasks" / "invoice-total" / "python.yaml")
    # every invoice is refused: the tests reading result["tax"] get the error answer instead
    code = "def invoice_total(lines, discount_percent=0):\n    return {'code': 60002, 'message': 'no'}\n"
    verdict, _ = grade_code(task, code=code)
    tax = next(c for c in verdict.tests.cases if c.name == "test_tax_rounds_half_up")
    assert "(answer: {'code': 60002, 'message': 'no'})" in tax.message
    assert any(
        "The test tax rounds half up fails: got {'code': 60002, 'message': 'no'}, which has no 'tax'"
        in n
        for n in verdict.notes
    ), verdict.notes
