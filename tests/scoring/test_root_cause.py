"""Root cause first: one fault that fails the tests of several requirements is said once, first,
with its line; the requirements it alone fails are blocked by it and get no note of their own.
Graded for real (rules + sandboxed tests) on user-flags replies written in styles of their own."""

from __future__ import annotations

import re
import shutil

import pytest
from scoring_builders import REPO

from grader.observe import Observation
from grader.pipeline import grade_code
from grader.root_cause import find, misspelled_fields
from grader.tasks.loader import load_task
from grader.types import TestCase, Verdict

TASKS = REPO / "tasks" / "user-flags"

# Flags checked by truthiness: a valid 0 is "missing", so every valid request with a 0 flag
# gets 50003, and the unknown-user, update and success tests fail through it.
TRUTHY_FLAGS = """\
REQUIRED_FLAGS = ("ActiveFlag", "SystemDeleteFlag")


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id in (None, ""):
        return {"code": 50001, "message": "UserId is required"}
    if type(user_id) is not int or user_id < 1:
        return {"code": 50002, "message": "UserId must be a positive integer"}
    for flag in REQUIRED_FLAGS:
        if not request.get(flag):
            return {"code": 50003, "message": f"{flag} is required"}
        if request[flag] not in (0, 1):
            return {"code": 50003, "message": f"{flag} must be 0 or 1"}
    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "no such user"}
        user.update({flag: request[flag] for flag in REQUIRED_FLAGS})
        repo.save(user)
    except Exception as err:  # noqa: BLE001
        return {"code": 50000, "message": str(err)}
    return {"code": 0, "message": "updated"}
"""

# An int id has no .isnumeric(): every request with a numeric UserId raises.
ISNUMERIC = """\
def update_user_flags(request, repo):
    uid = request.get("UserId")
    if uid is None or uid == "":
        return {"code": 50001, "message": "UserId is required"}
    if not uid.isnumeric() or int(uid) <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}
    for name in ("ActiveFlag", "SystemDeleteFlag"):
        if request.get(name) not in (0, 1):
            return {"code": 50003, "message": name + " must be 0 or 1"}
    try:
        user = repo.find(int(uid))
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"], user["SystemDeleteFlag"] = request["ActiveFlag"], request["SystemDeleteFlag"]
        repo.save(user)
    except Exception as exc:
        return {"code": 50000, "message": str(exc)}
    return {"code": 0, "message": "OK"}
"""

# One bug in one requirement: UserId 0 passes validation. No root cause; one observation.
ZERO_ID_ACCEPTED = ISNUMERIC.replace(
    "if not uid.isnumeric() or int(uid) <= 0:", "if type(uid) is not int or uid < 0:"
).replace("repo.find(int(uid))", "repo.find(uid)")

# The id read under another spelling: every request is "missing" its UserId.
CAMEL_CASE_JS = """\
const fail = (code, message) => ({ code, message });
const isFlag = (v) => v === 0 || v === 1;

function updateUserFlags(request, repo) {
  const { userId, ActiveFlag, SystemDeleteFlag } = request;
  const id = request.userId;
  if (id === undefined || id === null || id === '') return fail(50001, 'UserId is required');
  if (!Number.isInteger(id) || id <= 0) return fail(50002, 'UserId must be a positive integer');
  if (!isFlag(ActiveFlag) || !isFlag(SystemDeleteFlag)) return fail(50003, 'bad flag');
  try {
    const user = repo.find(id);
    if (!user) return fail(50004, 'User not found');
    Object.assign(user, { ActiveFlag, SystemDeleteFlag });
    repo.save(user);
    return fail(0, 'success');
  } catch (e) {
    return fail(50000, e.message);
  }
}

module.exports = { updateUserFlags };
"""


def _grade(language: str, code: str) -> Verdict:
    verdict, _ = grade_code(load_task(TASKS.parent / "user-flags" / f"{language}.yaml"), code=code)
    return verdict


def _status(verdict: Verdict) -> dict[str, tuple[str, bool]]:
    return {r.id: (r.status, r.blocked_by is not None) for r in verdict.requirements}


def test_a_check_that_rejects_valid_input_is_the_root_cause_and_its_requirement_fails() -> None:
    verdict = _grade("python", TRUTHY_FLAGS)
    assert verdict.tests.status == "ok" and not verdict.passed
    first = verdict.notes[0]
    # what came back, across which requirements, for which valid input, and where 50003 is
    assert first.startswith("The code answered 50003 in ")
    assert "flags 0/0" in first or "[0-0]" in first or "0-1" in first, first
    # and the two branches that answer it, the first of them the truthiness test
    assert (
        "50003 comes from line 12, under `if not request.get(flag)` and line 14, under "
        "`if request[flag] not in (0, 1)`." in first
    ), first
    status = _status(verdict)
    # parameter validation owns 50003: its check misfires, so it is not met
    assert status["parameter-validation"][0] != "met" and not status["parameter-validation"][1]
    # the requirements it alone fails are blocked, with no "Didn't return error code 50004"
    for blocked in ("user-not-found", "success"):
        assert status[blocked][1], status
    assert not any("50004 when the user does not exist" in n for n in verdict.notes)
    assert len(verdict.notes) == 1, verdict.notes


def test_an_error_on_the_normal_path_is_said_once_with_the_line_that_raises() -> None:
    verdict = _grade("python", ISNUMERIC)
    assert len(verdict.notes) == 1, verdict.notes
    assert re.fullmatch(
        r"The code raises AttributeError: 'int' object has no attribute 'isnumeric' at line 5, "
        r"which fails \d+ tests of 4 requirements\.",
        verdict.notes[0],
    ), verdict.notes
    assert all(r.blocked_by == verdict.notes[0] for r in verdict.requirements if not r.met)


def test_one_requirements_own_bug_is_said_as_observed_with_no_root_cause() -> None:
    verdict = _grade("python", ZERO_ID_ACCEPTED)
    assert not verdict.passed
    assert all(r.blocked_by is None for r in verdict.requirements)
    assert any(
        n.startswith(
            "With user_id=0, the code returned 50004 (from line 13, under `if user is None`); "
            "expected 50002"
        )
        for n in verdict.notes
    ), verdict.notes


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_a_field_read_under_another_spelling_is_named_with_its_line() -> None:
    verdict = _grade("javascript", CAMEL_CASE_JS)
    assert verdict.notes[0].startswith(
        "The code reads request.userId at line 6, but the field is UserId: it answered 50001 in "
    ), verdict.notes
    assert _status(verdict)["parameter-validation"] == ("partial", False)


# --------------------------------------------------------------------------- the search itself


def _seen(name: str, got: str, expected: str) -> Observation:
    return Observation(TestCase(name=name, outcome="failed"), got=got, expected=expected)


def test_a_symptom_within_one_requirement_is_not_a_root_cause() -> None:
    failing = {"a": [_seen(f"t{i}", "50003", str(50000 + i)) for i in range(4)], "b": []}
    assert find(failing, "return 50003", {"codes": [50003]}) is None


def test_a_shared_default_answer_is_missing_checks_not_one_fault() -> None:
    # every validation test got 0 back: each check is missing, none misfires
    failing = {
        "a": [_seen("t1", "0", "40001"), _seen("t2", "0", "40001")],
        "b": [_seen("t3", "0", "40002")],
    }
    assert find(failing, "return 0", {"codes": [40001, 40002]}) is None


def test_an_answer_a_rule_already_places_is_left_to_that_rules_note() -> None:
    failing = {
        "a": [_seen("t1", "50003", "50000"), _seen("t2", "50003", "50001")],
        "b": [_seen("t3", "50003", "0")],
    }
    assert find(failing, "return 50003", {"codes": [50003]}) is not None
    assert find(failing, "return 50003", {"codes": [50003]}, explained={"50003"}) is None


def test_an_error_takes_in_only_tests_that_report_it_in_their_own_words() -> None:
    def raised(name: str, message: str, error: str | None = None) -> Observation:
        return Observation(TestCase(name=name, outcome="failed", message=message), error=error)

    dump = "assert 0 == 44002\n +  where 0 = {'status': 'PAID', 'history': ['PAID']}.get('code')"
    failing = {
        "history": [raised("t1", "KeyError: 'history'", "KeyError: 'history'")],
        "unchanged": [raised("t2", "KeyError: 'history'", "KeyError: 'history'")],
        # pytest's dump of the order shows the key: not the same fault
        "transitions": [Observation(TestCase(name="t3", outcome="failed", message=dump))],
        "search": [raised("t4", "search text reached the SQL: no such table: users")],
    }
    cause = find(failing, "order['history'].append(x)", {})
    assert cause is not None and cause.cases == {"t1", "t2"}
    failing = {
        "a": [
            raised(
                "t1",
                "OperationalError: no such table: users",
                "OperationalError: no such table: users",
            )
        ],
        "b": [
            raised(
                "t2",
                "OperationalError: no such table: users",
                "OperationalError: no such table: users",
            )
        ],
        "c": [raised("t3", "search text reached the SQL: no such table: users")],
    }
    cause = find(failing, "conn = sqlite3.connect('x.db')", {})
    assert cause is not None and cause.cases == {"t1", "t2", "t3"}


def test_the_lines_said_are_those_of_the_wording_said() -> None:
    def raised(name: str, error: str, line: int) -> Observation:
        return Observation(TestCase(name=name, outcome="failed"), error=error, line=line)

    none = "AttributeError: 'NoneType' object has no attribute 'strip'"
    other = "AttributeError: 'int' object has no attribute 'strip'"
    failing = {
        "a": [raised("t1", none, 9), raised("t2", none, 9)],
        "b": [raised("t3", other, 14), raised("t4", none, 17)],
    }
    cause = find(failing, "name.strip()", {})
    assert cause is not None and cause.lines == [9, 17]
    assert "'NoneType'" in cause.text and "lines 9 and 17" in cause.text


def test_misspelled_fields_skip_comments_and_the_right_spelling() -> None:
    code = (
        "// request.userId would be wrong\n"
        "const a = request.UserId;\n"
        "const b = req['userid'];\n"
        'Object c = body.get("activeFlag");\n'
    )
    assert misspelled_fields(code, ["UserId", "ActiveFlag"]) == [
        (3, "'userid'", "UserId"),
        (4, '"activeFlag"', "ActiveFlag"),
    ]


SHIFTED = '''\
def check(params):
    """Returns 42001 when a date is missing."""
    if not params.get("from"):
        return 42002
    if bad(params):
        return 42003
    return 0
'''


def test_codes_shifted_alike_are_one_fault_placed_where_the_code_returns_them() -> None:
    failing = {
        "missing": [_seen("t1", "42002", "42001"), _seen("t2", "42002", "42001")],
        "format": [_seen("t3", "42003", "42002"), _seen("t4", "42003", "42002")],
        "other": [_seen("t5", "0", "42002")],
        "order": [_seen("t6", "0", "42003")],  # a code is the task's: some test expects it
    }
    cause = find(failing, SHIFTED, {})
    assert cause is not None
    assert cause.text == (
        "The error codes are off by one: the code answered 42002 where 42001 was expected, "
        "42003 for 42002 (4 tests of 2 requirements); see lines 4 and 6."
    )  # line 2's docstring names 42001 but returns nothing
    assert cause.cases == {"t1", "t2", "t3", "t4"}
    assert cause.owners == ["missing", "format"]  # each answered wrongly itself: not blocked


def test_two_codes_swapped_are_one_fault() -> None:
    failing = {
        "page": [_seen("t1", "40002", "40001"), _seen("t2", "40002", "40001")],
        "size": [_seen("t3", "40001", "40002")],
    }
    cause = find(failing, "if page < 1:\n    return 40002\nif size < 1:\n    return 40001\n", {})
    assert cause is not None and cause.text.startswith(
        "The code swaps error codes 40001 and 40002: it answered 40002 where 40001 was expected "
        "and 40001 where 40002 was (3 tests of 2 requirements); see lines 2 and 4."
    )


def test_a_success_answered_for_an_error_is_no_swap() -> None:
    # 0 for a bad input and an error for a good one are two missing or misplaced checks
    failing = {
        "valid": [_seen("t1", "43002", "0"), _seen("t2", "43002", "0")],
        "invalid": [_seen("t3", "0", "43002")],
    }
    cause = find(failing, "return 43002", {})
    assert cause is None or "swaps" not in cause.text


# Any known status is let through, and a missing history raises: the KeyError fails 2 tests,
# the missing transition table 20.
NO_TRANSITIONS = """\
def change_order_status(order: dict, new_status: str) -> dict:
    if order["status"] not in ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"]:
        return {"code": 44001, "message": "Invalid order status"}

    if new_status not in ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"]:
        return {"code": 44002, "message": "Invalid transition from status"}

    order["status"] = new_status
    order["history"].append(new_status)

    return {"code": 0, "status": new_status}
"""


def test_a_root_cause_of_few_tests_follows_the_failure_of_many() -> None:
    task = load_task(REPO / "tasks" / "order-status" / "python.yaml")
    verdict, _ = grade_code(task, code=NO_TRANSITIONS)
    first, *rest = verdict.notes
    assert "forbidden transitions" in first and "more failing cases" in first, verdict.notes
    crash = next(n for n in rest if n.startswith("The code raises KeyError: 'history' at line 9"))
    assert "which fails 2 tests" in crash
