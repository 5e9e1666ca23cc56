"""The engine's contract: positions, messages, params, syntax errors, applicability, lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

import grader.rules._engine as engine
from grader.errors import GraderError
from grader.languages import LANGUAGES
from grader.rules import (
    CONCEPTS,
    RuleError,
    check_code,
    clear_cache,
    format_message,
    load_rule,
    rule_exists,
)
from grader.types import RuleBinding


def _rule(folder: Path, rule_id: str, body: str) -> Path:
    path = folder / f"{rule_id}.yml"
    path.write_text(f"id: {rule_id}\n{body}")
    return path


@pytest.fixture(autouse=True)
def _fresh_rule_cache():  # type: ignore[no-untyped-def]
    clear_cache()
    yield
    clear_cache()


def test_columns_are_characters_and_lines_one_based(tmp_path: Path) -> None:
    _rule(
        tmp_path,
        "no-code",
        "message: 'code {code} at {line}'\nrule: {concept: integer, value: 50003, as: code}\n",
    )
    code = 'def f():\n    x = "é€ü"; y = 50003\n'
    (check,) = check_code(code, "python", [RuleBinding(rule="no-code")], {}, [tmp_path])
    (finding,) = check.findings
    assert (finding.line, finding.column) == (2, code.splitlines()[1].index("50003") + 1)
    assert (finding.end_line, finding.end_column) == (2, finding.column + 5)
    assert finding.message == "code 50003 at 2"
    assert finding.text == "50003" and finding.severity == "warning"


def test_messages_fill_params_captures_lists_and_indexes() -> None:
    values = {
        "flags": ["ActiveFlag", "SystemDeleteFlag"],
        "repo_calls": ["find", "save"],
        "code": 5,
    }
    text = "{flags} / {repo_calls[-1]} / {code} / {unknown} / {repo_calls[9]}"
    assert (
        format_message(text, values)
        == "ActiveFlag, SystemDeleteFlag / save / 5 / {unknown} / {repo_calls[9]}"
    )


def test_binding_params_win_over_task_params_and_rule_defaults(tmp_path: Path) -> None:
    _rule(
        tmp_path,
        "has-code",
        "expect: present\nparams: {code: 1, extra: x}\nmessage: 'no {code}'\n"
        "rule: {concept: integer, value: $code}\n",
    )
    bindings = [
        RuleBinding(rule="has-code", requirement="r1", params={"code": 7}),
        RuleBinding(rule="has-code"),
    ]
    with_7, with_task = check_code("x = 7\ny = 8\n", "python", bindings, {"code": 8}, [tmp_path])
    assert (
        with_7.passed and with_7.params == {"code": 7, "extra": "x"} and with_7.requirement == "r1"
    )
    assert with_task.passed and with_task.params["code"] == 8
    (missing,) = check_code("x = 1\n", "python", [bindings[0]], {}, [tmp_path])
    assert (
        not missing.passed
        and missing.findings[0].message == "no 7"
        and missing.findings[0].line == 1
    )


def test_long_matched_text_is_clipped(tmp_path: Path) -> None:
    _rule(tmp_path, "calls", "message: m\nrule: {concept: call, name: f}\n")
    code = "f(" + ", ".join(["1"] * 200) + ")\n"
    (check,) = check_code(code, "python", [RuleBinding(rule="calls")], {}, [tmp_path])
    assert len(check.findings[0].text) <= 200 and check.findings[0].text.endswith("…")


def test_code_that_does_not_parse_is_reported_and_still_graded() -> None:
    code = "def update(request, repo):\n    if not request:\n        return {'code': 50001}\n    x = (\n    repo.find(1)\n"
    checks = check_code(
        code,
        "python",
        [RuleBinding(rule="validation-branch", params={"code": 50001})],
        {"repo_calls": ["find", "save"]},
    )
    syntax, validation = checks
    assert syntax.rule == "syntax-error" and not syntax.passed
    (finding,) = syntax.findings
    assert finding.severity == "error" and finding.line == 4 and "line 4" in finding.message
    assert validation.passed  # the rest of the tree was still read


@pytest.mark.parametrize(
    ("language", "code", "line"),
    [
        ("java", "class A {\n  void m() {\n    int x = ;\n  }\n}\n", 3),
        ("go", "package p\nfunc F() {\n\tx := \n}\n", 3),
        ("javascript", "function f() {\n  return {code: 1\n}\n", 3),
    ],
)
def test_syntax_error_line_in_other_languages(language: str, code: str, line: int) -> None:
    (syntax,) = check_code(code, language, [], {})
    assert syntax.findings[0].line == line


def test_a_missing_concept_is_not_applicable_never_a_silent_pass(tmp_path: Path) -> None:
    _rule(tmp_path, "needs-try", "expect: present\nmessage: m\nrule: {concept: try}\n")
    _rule(tmp_path, "only-python", "languages: [python]\nmessage: m\nrule: {concept: call}\n")
    go = "package p\nfunc F() { g() }\n"
    needs_try, only_python = check_code(
        go, "go", [RuleBinding(rule="needs-try"), RuleBinding(rule="only-python")], {}, [tmp_path]
    )
    assert not needs_try.applicable and not needs_try.passed and not needs_try.findings
    assert not only_python.applicable
    (in_python,) = check_code(
        "try:\n    pass\nexcept Exception:\n    pass\n",
        "python",
        [RuleBinding(rule="needs-try")],
        {},
        [tmp_path],
    )
    assert in_python.applicable and in_python.passed


def test_each_code_string_is_parsed_once_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    real = engine.Code

    def counting(*args):  # type: ignore[no-untyped-def]
        made.append(args)
        return real(*args)

    monkeypatch.setattr(engine, "Code", counting)
    bindings = [
        RuleBinding(rule="validation-branch", params={"code": c}) for c in (50001, 50002, 50003)
    ]
    check_code(
        "def f(r, repo):\n    return 1\n", "python", bindings, {"repo_calls": ["find", "save"]}
    )
    assert len(made) == 1


def test_rule_lookup_prefers_the_task_folder(tmp_path: Path) -> None:
    assert rule_exists("validation-branch") and not rule_exists("no-such-rule")
    assert not rule_exists("../validation-branch")
    _rule(tmp_path, "validation-branch", "message: local\nrule: {concept: call}\n")
    assert load_rule("validation-branch", [tmp_path]).spec.message == "local"
    assert load_rule("validation-branch").spec.message != "local"
    with pytest.raises(RuleError, match="rule not found: 'nope'"):
        check_code("x = 1", "python", [RuleBinding(rule="nope")], {})


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("message: m\nrule: {kindd: call}\n", "kindd"),
        ("message: m\nrule: {concept: loop}\n", "unknown concept 'loop'"),
        ("message: m\nrule: {regex: '('}\n", "bad regex"),
        (
            "message: m\nrule: {concept: integer, value: $nothing}\n",
            "parameter $nothing is not set",
        ),
        ("rule: {concept: call}\n", "message"),
        ("message: m\nrule: [1, 2\n", "invalid YAML"),
    ],
)
def test_broken_rule_files_give_one_clear_error(tmp_path: Path, body: str, problem: str) -> None:
    _rule(tmp_path, "broken", body)
    with pytest.raises(GraderError, match=problem.replace("$", r"\$").replace("(", r"\(")):
        check_code("x = 1\n", "python", [RuleBinding(rule="broken")], {}, [tmp_path])


def test_raw_queries_and_relations(tmp_path: Path) -> None:
    _rule(
        tmp_path,
        "eval-call",
        "message: eval\n"
        "rule:\n  query:\n    python: '(call function: (identifier) @fn (#eq? @fn \"eval\")) @match'\n"
        "  not_inside: {concept: function}\n",
    )
    code = "eval('1')\ndef f():\n    eval('2')\n"
    (check,) = check_code(code, "python", [RuleBinding(rule="eval-call")], {}, [tmp_path])
    assert [f.line for f in check.findings] == [1]
    (java,) = check_code("class A {}", "java", [RuleBinding(rule="eval-call")], {}, [tmp_path])
    assert not java.applicable  # no query for Java


def test_precedes_and_follows(tmp_path: Path) -> None:
    _rule(
        tmp_path,
        "before-save",
        "message: m\nrule:\n  concept: call\n  name: check\n"
        "  precedes: {concept: call, name: save, stop_by: function}\n",
    )
    _rule(
        tmp_path,
        "after-save",
        "message: m\nrule:\n  concept: call\n  name: check\n"
        "  follows: {concept: call, name: save, stop_by: function}\n",
    )
    code = "def f():\n    check()\n    save()\n    check()\n\ndef g():\n    save()\n\ncheck()\n"
    before, after = check_code(
        code,
        "python",
        [RuleBinding(rule="before-save"), RuleBinding(rule="after-save")],
        {},
        [tmp_path],
    )
    assert [f.line for f in before.findings] == [2]
    assert [f.line for f in after.findings] == [4, 9]  # line 9: the whole file is its scope


def test_the_concept_table_covers_the_core_concepts_everywhere() -> None:
    core = [
        "if",
        "function",
        "return",
        "throw",
        "exit",
        "call",
        "integer",
        "string",
        "comparison",
        "assignment",
        "identifier",
        "collection",
        "module",
        "catch",
    ]
    for language in LANGUAGES:
        for concept in core:
            assert CONCEPTS[language].get(concept), f"{concept} missing for {language}"
    assert "try" not in CONCEPTS["go"]  # Go has no try: rules needing it are not applicable
    assert all(CONCEPTS[lang].get("try") for lang in LANGUAGES if lang != "go")
