"""What one requirement's note shows of its failing tests: a case for each fault it can tell
apart, a root cause said beside (not inside) what other tests saw at its lines, and what a Java
check read or a stand-in threw."""

from __future__ import annotations

import json
import shutil

import pytest
from scoring_builders import REPO

from grader.extract import extract_code
from grader.pipeline import grade_code
from grader.scoring import matching_cases
from grader.tasks.loader import load_task

# Two faults of one requirement, each seen by its own test: the email rule returns the whole
# address (and takes "@example.com"), and the id rule is missing.
WHOLE_EMAIL_NO_ID = """\
def display_name(user):
    if not isinstance(user, dict):
        return "Unknown user"

    def text(key):
        value = user.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    if text("nickname"):
        return text("nickname")
    names = [n for n in (text("first_name"), text("last_name")) if n]
    if names:
        return " ".join(names)
    email = text("email")
    if email and "@" in email:
        return email
    return "Unknown user"
"""


def test_the_tests_of_other_aspects_say_what_they_saw_beside_the_first() -> None:
    task = load_task(REPO / "tasks" / "display-name" / "python.yaml")
    verdict, _ = grade_code(task, code=WHOLE_EMAIL_NO_ID)
    (note,) = verdict.notes
    assert note.startswith("The test email fallback [ada@example.com-ada] got 'ada@example.com'")
    assert "The test id fallback with zero id got 'Unknown user'; expected 'User #0'" in note
    assert note.count("The test ") == 3 and note.endswith("(5 more failing cases).")


def test_a_root_cause_is_not_folded_into_another_tests_error_at_its_lines() -> None:
    """Real model output: `.strip()` on None raises AttributeError in 9 tests; another test
    raises KeyError at one of those lines. Both are said."""
    lines = (REPO / "bench" / "agreement" / "completions.jsonl").read_text().splitlines()
    sample = next(
        s for s in map(json.loads, lines) if s["task"] == "display-name/python" and s["sample"] == 0
    )
    task = load_task(REPO / "tasks" / "display-name" / "python.yaml")
    verdict, _ = grade_code(
        task, code=extract_code(sample["completion"], "python", task.entry_point).code
    )
    assert verdict.notes[0].startswith(
        "The code raises AttributeError: 'NoneType' object has no attribute 'strip'"
    )
    assert any("raised KeyError: 'last_name' at line 9" in n for n in verdict.notes[1:])


# Never retries: the first IOException goes straight back to the caller. The tests' stand-in
# throws exceptions the test made before the call, so only the test's frames show them.
NO_RETRY_JAVA = """\
import java.util.concurrent.Callable;

public class Retry {
    public static <T> T call(Callable<T> operation, int maxAttempts, Sleeper sleeper) throws Exception {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1");
        return operation.call();
    }
}
"""


@pytest.mark.skipif(shutil.which("javac") is None, reason="javac is not installed")
def test_a_java_stand_ins_exception_let_through_is_said_so_and_a_check_names_what_it_read() -> None:
    task = load_task(REPO / "tasks" / "retry-call" / "java.yaml")
    verdict, _ = grade_code(task, code=NO_RETRY_JAVA)
    notes = " ".join(verdict.notes)
    assert "the code let IOException: reset through (the test's stand-in raised it)" in notes, (
        verdict.notes
    )
    assert "raised in the test file" not in notes
    # a failed assertEquals says what it read: the stand-in's call count
    assert "got op.calls = 1; expected 3" in notes, verdict.notes


# Uses sqlite3's cursor as a context manager, which it is not: the tests' process raises the
# AttributeError serving the code's `with` across the bridge; the code's line is still said.
CURSOR_AS_CONTEXT = """\
ORDER = {"name", "email", "created_at"}


def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20):
    if sort not in ORDER or str(direction).lower() not in ("asc", "desc"):
        raise ValueError("bad sort")
    if type(limit) is not int or not 1 <= limit <= 100:
        raise ValueError("bad limit")
    like = "%" + (name_contains or "").replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
    sql = (
        f"SELECT id, name, email FROM users WHERE lower(name) LIKE lower(?) ESCAPE '!' "
        f"ORDER BY {sort} {direction.upper()}, id LIMIT ?"
    )
    with conn.cursor() as cur:
        rows = cur.execute(sql, (like, limit)).fetchall()
    return [{"id": r[0], "name": r[1], "email": r[2]} for r in rows]
"""


def test_an_error_the_tests_object_raises_serving_the_code_is_placed_at_the_codes_line() -> None:
    task = load_task(REPO / "tasks" / "search-users" / "python.yaml")
    verdict, _ = grade_code(task, code=CURSOR_AS_CONTEXT)
    assert verdict.notes[0].startswith(
        "The code raises AttributeError: type object 'sqlite3.Cursor' has no attribute "
        "'__enter__' at line 14"
    ), verdict.notes


@pytest.mark.skipif(shutil.which("mcs") is None, reason="mono-mcs is not installed")
def test_a_rule_bound_without_credit_names_its_mistake_and_earns_nothing_when_absent() -> None:
    task = load_task(REPO / "tasks" / "refund-policy" / "csharp.yaml")
    folder = REPO / "tasks" / "refund-policy" / "csharp"
    whole_days, _ = grade_code(task, code=(folder / "wrong-whole-days.cs").read_text())
    assert whole_days.notes[0].startswith("Read the elapsed time as whole days (line 15)")
    # another way of getting the windows wrong: no `.Days`, and no credit for its absence
    exclusive, _ = grade_code(task, code=(folder / "wrong-exclusive-window.cs").read_text())
    windows = next(r for r in exclusive.requirements if r.id == "windows")
    spec = next(r for r in task.requirements if r.id == "windows")
    cases = matching_cases(spec.tests, exclusive.tests.cases)
    assert windows.credit < 1 and not any("whole days" in n for n in exclusive.notes)
    passing = sum(c.outcome == "passed" for c in cases) / len(cases)
    assert windows.credit == pytest.approx(passing, abs=1e-3)  # the tests' share alone


def test_a_stand_ins_error_the_python_code_lets_through_is_said_so() -> None:
    """The gateway's charge() raising on purpose, with nothing around it to catch that."""
    task = load_task(REPO / "tasks" / "idempotent-payment" / "python.yaml")
    code = task.reference.read_text(encoding="utf-8")
    start = code.index("    try:\n        charge_id = gateway.charge(")
    end = code.index("\n", code.index("    except Exception as error:", start) + 40)
    unguarded = code[:start] + "    charge_id = gateway.charge(amount, currency)" + code[end:]
    verdict, _ = grade_code(task, code=unguarded)
    notes = " ".join(verdict.notes)
    assert "through (the test's stand-in raised it)" in notes, verdict.notes
    assert "raised in the test file" not in notes
