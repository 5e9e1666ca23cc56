"""Running rule test files (``<id>-test.yml``): snippets a rule must pass and must fail.

A ``valid`` snippet must give a passing, applicable check with no findings; an ``invalid``
one a failing check, with findings exactly on ``lines`` when they are given; a
``not_applicable`` one a check marked not applicable; a ``vacuous`` one a check that fails
without a finding because nothing in it is the rule's ``subject``. Every snippet must parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from grader.types import RuleBinding

from ._engine import SYNTAX_ERROR, check_code
from ._loader import RULES_DIR, read_yaml
from ._model import RuleError, RuleTestCase, RuleTestFile

TEST_SUFFIX = "-test.yml"


@dataclass
class CaseResult:
    rule: str
    group: str  # valid | invalid | not_applicable | vacuous
    index: int
    language: str
    ok: bool
    problem: str = ""
    lines: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.rule}:{self.group}[{self.index}]:{self.language}"


@dataclass
class RuleTestReport:
    path: Path
    rule: str
    cases: list[CaseResult] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and all(case.ok for case in self.cases)

    @property
    def failures(self) -> list[CaseResult]:
        return [case for case in self.cases if not case.ok]


def find_test_files(paths: Iterable[Path | str] = ()) -> list[Path]:
    """``*-test.yml`` files under ``paths`` (default: the repo's ``rubrics/rules/``)."""
    roots = [Path(p) for p in paths] or [RULES_DIR]
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found.extend(sorted(root.rglob(f"*{TEST_SUFFIX}")))
        else:
            found.append(root)
    return found


def run_rule_tests(paths: Iterable[Path | str] = ()) -> list[RuleTestReport]:
    return [run_test_file(path) for path in find_test_files(paths)]


def run_test_file(path: Path) -> RuleTestReport:
    try:
        spec = RuleTestFile.model_validate(read_yaml(path))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return RuleTestReport(
            path, path.name.removesuffix(TEST_SUFFIX), error=f"{path}: {where}: {first['msg']}"
        )
    except RuleError as error:
        return RuleTestReport(path, path.name.removesuffix(TEST_SUFFIX), error=str(error))
    report = RuleTestReport(path, spec.id)
    groups = (
        ("valid", spec.valid),
        ("invalid", spec.invalid),
        ("not_applicable", spec.not_applicable),
        ("vacuous", spec.vacuous),
    )
    for group, cases in groups:
        for index, case in enumerate(cases):
            try:
                report.cases.append(_run_case(path, spec, group, index, case))
            except RuleError as error:
                report.error = str(error)
                return report
    return report


def _run_case(
    path: Path, spec: RuleTestFile, group: str, index: int, case: RuleTestCase
) -> CaseResult:
    binding = RuleBinding(rule=spec.id, params={**spec.params, **case.params})
    checks = check_code(case.code, case.language, [binding], {}, search_paths=[path.parent])
    result = CaseResult(spec.id, group, index, case.language, ok=True)
    syntax = [c for c in checks if c.rule == SYNTAX_ERROR]
    check = next(c for c in checks if c.rule == spec.id)
    result.lines = sorted(f.line for f in check.findings)
    problems: list[str] = []
    if syntax:
        problems.append(f"snippet does not parse: {syntax[0].findings[0].message}")
    if group == "not_applicable":
        if check.applicable:
            problems.append("expected not applicable, but the rule applies")
    elif not check.applicable:
        problems.append("the rule is not applicable to this language")
    elif group == "vacuous":
        if not check.vacuous or check.findings:
            problems.append(
                f"expected a vacuous check, got lines {result.lines}: {_messages(check)}"
            )
    elif check.vacuous:
        problems.append("nothing in the snippet is the rule's subject: it holds only vacuously")
    elif group == "valid":
        if not check.passed or check.findings:
            problems.append(f"expected no findings, got lines {result.lines}: {_messages(check)}")
    else:
        if check.passed:
            problems.append("expected a failing check, but it passed")
        elif case.lines is not None and result.lines != sorted(case.lines):
            problems.append(
                f"expected findings on lines {sorted(case.lines)}, got {result.lines}: {_messages(check)}"
            )
    if problems:
        result.ok = False
        result.problem = "; ".join(problems)
    return result


def _messages(check) -> str:  # type: ignore[no-untyped-def]
    return " | ".join(f.message for f in check.findings[:3])
