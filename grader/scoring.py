"""Findings + test results -> requirement verdicts, a 0-100 score and reviewer notes. Pure.

Each requirement is judged on two kinds of evidence:

- static: the rule checks bound to it; credit = checks that held / applicable checks;
- dynamic: the test cases whose names match one of its patterns; credit = passed / matched.

With both, credit = (1 - tests_weight) x static + tests_weight x dynamic. The score is the
weighted mean credit; a sample passes when the score reaches the task's threshold, every
gating requirement is met and the tests themselves ran properly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from grader import gaming as gaming_rules
from grader import review, root_cause
from grader.notes import (
    BROKEN_STATUSES,
    NO_CODE,
    Draft,
    anchors,
    compile_note,
    does_not_load,
    errors_behind,
    fill,
    first_line,
    further_compile_errors,
    group,
    join,
    line_spans,
    listed,
    package_cause,
    placeholders,
    quotes,
    run_problem_note,
    syntax_note,
    toolchain_limit,
    ungradable_note,
)
from grader.observe import (
    Observation,
    answer,
    code_lines,
    locate,
    observe,
    plain_name,
    test_label,
)
from grader.root_cause import RootCause
from grader.rules import SYNTAX_ERROR, guard, node_text, parse_tree, walk
from grader.types import (
    Extraction,
    Finding,
    Gaming,
    Note,
    Requirement,
    RequirementVerdict,
    Rerun,
    RuleCheck,
    Severity,
    TaskSpec,
    TestCase,
    TestRun,
    Verdict,
    worst,
)

MET = 0.999
# Keys that name what a binding checks, tried in this order when none varies across bindings.
DISTINGUISHING = ("code", "codes", "flag", "flags", "name", "names", "value", "values")


# --------------------------------------------------------------------------- test names


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def name_matches(pattern: str, name: str) -> bool:
    """Case-insensitive on letters and digits only; the pattern is a substring, ``*`` a wildcard.

    ``"missing user id"`` matches ``test_missing_user_id``, ``missingUserId`` and
    ``MissingUserId[case 2]``.
    """
    pieces = [_letters(piece) for piece in pattern.split("*")]
    if not any(pieces):
        return False
    regex = ".*".join(re.escape(piece) for piece in pieces)
    return re.search(regex, _letters(test_label(name))) is not None


def matching_cases(patterns: Sequence[str], cases: Iterable[TestCase]) -> list[TestCase]:
    return [
        case
        for case in cases
        if case.outcome != "skipped" and any(name_matches(p, case.name) for p in patterns)
    ]


# --------------------------------------------------------------------------- one requirement


@dataclass
class _Judged:
    verdict: RequirementVerdict
    severity: Severity  # of its notes (``_requirement_severity``)
    notes: list[Draft] = field(default_factory=list)
    positive: Note | None = None
    counted: bool = True  # False: nothing about it applies in this language
    overruled: list[RuleCheck] = field(default_factory=list)  # absences the tests contradict


def _binding_keys(requirement: Requirement) -> list[str]:
    keys: list[str] = []
    for binding in requirement.rules:
        keys += [k for k in binding.params if k not in keys]
    return keys


def _distinguishing_key(keys: Sequence[str], checks: Sequence[RuleCheck]) -> str | None:
    varying = [k for k in keys if len({repr(c.params.get(k)) for c in checks}) > 1]
    if varying:
        return varying[0]
    return next((k for k in DISTINGUISHING if k in keys), keys[0] if keys else None)


def _values(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _narrowed(check: RuleCheck, key: str) -> list[Any]:
    """A failed check's values for ``key``, narrowed to those its findings mention.

    A binding over codes [50001, 50002] whose finding quotes only 50001 missed 50001 only.
    """
    values = _values(check.params[key])
    if check.passed or len(values) < 2 or not check.findings:
        return values
    said = " ".join(f"{f.text} {f.message}" for f in check.findings)
    mentioned = [v for v in values if re.search(rf"(?<![\w.]){re.escape(str(v))}(?![\w.])", said)]
    return mentioned or values


def _unique(values: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if value not in out:
            out.append(value)
    return out


def _label(check: RuleCheck, key: str | None) -> str:
    if key and key in check.params:
        return f" ({key} {join(check.params[key])})"
    return ""


def _requirement_severity(requirement: Requirement, findings: Iterable[Finding]) -> Severity:
    """A requirement note's severity: error for a gating requirement, else the worst of the
    findings of its failed checks, else warning."""
    if requirement.gating:
        return "error"
    return worst(f.severity for f in findings) or "warning"


def _finding_evidence(finding: Finding) -> str:
    return f"line {finding.line}: {finding.message}"


def _check_evidence(check: RuleCheck, key: str | None, language: str) -> list[str]:
    label = f"{check.rule}{_label(check, key)}"
    if not check.applicable:
        return [f"{label}: not applicable in {language}"]
    if check.passed:
        lines = _unique(f.line for f in check.findings)
        return [f"{label}: holds" + (f" (line {join(lines)})" if lines else "")]
    if check.vacuous:
        return [f"{label}: holds only vacuously (the code never uses what it is about)"]
    if not check.findings:
        return [f"{label}: not found"]
    return [_finding_evidence(f) for f in check.findings]


def _case_evidence(case: TestCase) -> str:
    name = test_label(case.name)
    if case.outcome == "passed":
        return f"{name} passed"
    verb = "failed" if case.outcome == "failed" else "errored"
    message = first_line(case.message)
    return f"{name} {verb}: {message}" if message else f"{name} {verb}"


def _test_base(case: TestCase) -> str:
    """The test a case belongs to, by its plain name, its parameters aside."""
    return re.sub(r" \[[^\]]*\]$", "", plain_name(case.name))


def _test_names(cases: Sequence[TestCase]) -> list[str]:
    """The tests' plain names, once each, a parametrized one with its count ("x (3 cases)")."""
    bases = [_test_base(c) for c in cases]
    counts = {base: bases.count(base) for base in bases}
    return [f"{base} ({n} cases)" if n > 1 else base for base, n in counts.items()]


def _tests_sentence(failing: Sequence[TestCase]) -> str:
    """One sentence naming failing tests and the first one's message: what was observed."""
    names = _test_names(failing)
    first = failing[0]
    detail = first_line(first.message)
    if len(names) > 4:
        names = [*names[:4], f"{len(names) - 4} more"]
    shown = listed(names)
    noun = "test" if len(names) == 1 else "tests"
    verb = "fails" if len(names) == 1 else "fail"
    why = (
        (f" ({plain_name(first.name)}: {detail})" if len(names) > 1 else f": {detail}")
        if detail
        else ""
    )
    return f"The {noun} {shown} {verb}{why.rstrip('.')}."


def _judge(
    task: TaskSpec,
    requirement: Requirement,
    checks: Sequence[RuleCheck],
    cases: Sequence[TestCase],
    broken: bool,
    unbuilt: bool = False,
    cause: RootCause | None = None,
    placed: frozenset[str] = frozenset(),
    source: Source | None = None,
) -> _Judged:
    """One requirement's verdict; ``unbuilt``: the code never ran, so nothing counts as credit."""
    keys = _binding_keys(requirement)
    key = _distinguishing_key(keys, checks)
    evidence: list[str] = []
    for check in checks:
        evidence += _check_evidence(check, key, task.language)
    confirming = [] if broken else confirming_cases(requirement.tests, cases)
    # answers a rule's finding places in the code (50003 returned in the catch) are its own
    answered = set() if broken else _answers(matching_cases(requirement.tests, cases)) - placed
    absent = [c for c in checks if c.applicable and c.presence and not c.passed]
    # an absence the tests saw contradicted (the code returned a code the rule found no branch
    # for) shows the rules misread this code's shape: none of the requirement's absences counts
    misread = any(key and _seen_returning(c, key, answered) for c in absent)
    unconfirmed = absent if confirming or misread else []
    # a rule bound without credit (one way of getting it wrong) counts only when it finds it,
    # and only when the tests do not contradict it: the code may have that construct in a
    # shape that is right (`elapsed.Days < 14 || elapsed == FourteenDays`)
    uncredited = {b.rule for b in requirement.rules if not b.credit}
    if confirming:
        unconfirmed += [c for c in checks if c.rule in uncredited and c.applicable and not c.passed]
    applicable = [
        c
        for c in checks
        if c.applicable and c not in unconfirmed and (c.rule not in uncredited or not c.passed)
    ]
    held = [c for c in applicable if c.passed]
    failed = [c for c in applicable if not c.passed]

    static = len(held) / len(applicable) if applicable else None
    matched: list[TestCase] = []
    dynamic: float | None = None
    if requirement.tests and broken:
        dynamic = 0.0
        evidence.append("tests did not run properly, so none of them counts as passed")
    elif requirement.tests:
        matched = matching_cases(requirement.tests, cases)
        if cause is not None and requirement.id in cause.owners:
            # its check gave the shared wrong answer: those tests speak against it too
            matched += [c for c in cases if c.name in cause.cases and c not in matched]
        if matched:
            dynamic = sum(c.outcome == "passed" for c in matched) / len(matched)
            evidence += [_case_evidence(c) for c in matched]
    failing = [c for c in matched if c.outcome != "passed"]

    counted = True
    if static is not None and dynamic is not None:
        w = task.scoring.tests_weight
        credit = (1 - w) * static + w * dynamic
    elif static is not None:
        credit = static
    elif dynamic is not None:
        credit = dynamic
    else:
        credit = 0.0
        if checks and not requirement.tests:  # every binding reported "not applicable"
            counted = False
            evidence.append(
                f"no evidence: none of its rules applies to {task.language}, and it names no tests"
            )
        else:
            wanted = (
                f"no test matched {join(requirement.tests)}"
                if requirement.tests
                else "it names no tests"
            )
            evidence.append(f"no evidence: no rule check applied and {wanted}")
    if unbuilt and counted:
        # A check that holds on code that never ran is met vacuously (no catch, so no 50003
        # returned from it): no credit, and no note beyond the one about the build.
        credit = 0.0
        evidence.append("the code does not compile or load, so no check that held counts")
    credit = round(min(1.0, max(0.0, credit)), 4)
    status = "met" if credit >= MET else ("partial" if credit > 1 - MET else "unmet")
    owner = cause is not None and requirement.id in cause.owners
    blocked = cause is not None and not unbuilt and not owner and cause.explains(failing)
    if blocked:
        evidence.append(f"its failing tests all fail through one fault: {cause.text}")  # type: ignore[union-attr]

    disagreement = None
    if static is not None and dynamic is not None and not broken and not unbuilt:
        if static >= MET and dynamic < MET:
            disagreement = (
                f"The static checks find this in the code, but {len(failing)} of {len(matched)} "
                f"matching tests fail ({_case_evidence(failing[0])})."
            )
        elif static < MET and dynamic >= MET:
            where = ", ".join(e for c in failed for e in _check_evidence(c, key, task.language))
            disagreement = (
                f"All {len(matched)} matching tests pass, but the static checks disagree ({where})."
            )

    # Values for the templates.
    values: dict[str, Any] = dict(task.params)
    valued = failed or applicable or list(checks)
    for k in keys:
        found = _unique(v for c in valued if k in c.params for v in _narrowed(c, k))
        if found:
            values[k] = found
    missing = _unique(v for c in failed if key and key in c.params for v in _narrowed(c, key))
    present = [
        v
        for v in _unique(v for c in held if key and key in c.params for v in _values(c.params[key]))
        if v not in missing
    ]
    bad_findings = [f for c in failed for f in c.findings]
    lines = _unique(f.line for f in bad_findings)
    values.update(
        missing=missing,
        present=present,
        lines=lines,
        tests=_unique(_test_base(c) for c in failing),
    )

    severity = _requirement_severity(requirement, bad_findings)
    notes: list[Draft] = []
    # a vacuous check found nothing here: what is missing is another requirement's note
    placed_failures = [c for c in failed if not c.vacuous]
    if status != "met" and counted and (placed_failures or failing) and not unbuilt:
        # blocked: its tests say nothing of its own, but what its rules found still stands
        notes = _negative_notes(
            requirement,
            placed_failures,
            [] if blocked else failing,
            held,
            values,
            severity,
            cause,
            source,
        )
    positive = None
    said = None
    if status == "met" and requirement.notes.met:
        said = fill(requirement.notes.met, values | {"missing": [], "present": present})
    elif status == "met" and matched and not failing:
        said = _held(matched)
    if said:
        positive = Note(
            text=said,
            kind="positive",
            requirement=requirement.id,
            severity="info",
            evidence=evidence,
        )

    verdict = RequirementVerdict(
        id=requirement.id,
        met=status == "met",
        status=status,
        credit=credit,
        weight=requirement.weight if counted else 0.0,
        gating=requirement.gating,
        evidence=evidence,
        disagreement=disagreement,
        unconfirmed=[_unconfirmed_sentence(c, confirming, key, answered) for c in unconfirmed],
        blocked_by=cause.text if blocked and cause else None,
    )
    return _Judged(verdict, severity, notes, positive, counted, unconfirmed)


def _held(passing: Sequence[TestCase]) -> str:
    """A met requirement without a ``met`` template: the tests that show it, by name (what a
    requirement's description claims may reach past what its tests check)."""
    names = _test_names(passing)
    return f"The code passes the {'test' if len(names) == 1 else 'tests'} {listed(names)}."


def confirming_cases(patterns: Sequence[str], cases: Sequence[TestCase]) -> list[TestCase]:
    """The tests that evidence a requirement when every pattern matches a test and every
    matched test passed; else none. Such tests overrule an absence finding."""
    matched = matching_cases(patterns, cases)
    if not patterns or not all(matching_cases([p], matched) for p in patterns):
        return []
    return matched if all(c.outcome == "passed" for c in matched) else []


def _answers(cases: Sequence[TestCase]) -> set[str]:
    """The answers the code gave in failing cases: ``50002`` from "returned 50002; expected …"."""
    return {
        answer(seen.got)
        for seen in (observe(c) for c in cases if c.outcome != "passed")
        if seen.got is not None
    }


def _seen_returning(check: RuleCheck, key: str, answered: set[str]) -> bool:
    """An absence finding ("no branch returns 50001") that the tests saw the code return:
    the code has what the rule looks for in a shape it does not read (a rule table)."""
    return key in check.params and bool({str(v) for v in _narrowed(check, key)} & answered)


def _unconfirmed_sentence(
    check: RuleCheck,
    confirming: Sequence[TestCase],
    key: str | None = None,
    answered: set[str] | None = None,
) -> str:
    """An absence finding the tests contradict, said for a reviewer to settle."""
    said = " ".join(f.message.strip() for f in check.findings if f.message.strip())
    what = said.rstrip(".") if said else f"what {check.rule} looks for"
    if confirming:
        seen = f"the {len(confirming)} matching tests pass"
    else:
        returned = sorted(answered or set())
        seen = f"failing tests saw the code return {join(returned)}, so it may be in a shape the rule does not read"
    return f"The rules could not confirm this ({check.rule}: {what[:1].lower()}{what[1:]}); {seen}."


def _readable(failing: Sequence[TestCase]) -> bool:
    """Whether a failing case shows what came back (an answer or an error), not only words."""
    return any(seen.got is not None or seen.error for seen in map(observe, failing))


def _negative_notes(
    requirement: Requirement,
    failed: Sequence[RuleCheck],
    failing: Sequence[TestCase],
    held: Sequence[RuleCheck],
    values: dict[str, Any],
    severity: Severity,
    cause: RootCause | None = None,
    source: Source | None = None,
) -> list[Draft]:
    """A requirement's notes. Its templates may name a cause, so they are said only when a rule
    found something in this code; failing tests alone say what they observed."""
    failures = [_what_came_back(c) for c in failing]
    if cause is not None:  # what the root cause explains is said with it, once
        failing = [c for c in failing if c.name not in cause.cases]
    observed = [_observed_note(requirement, severity, failing, failures, source)] if failing else []
    if not failed:
        return observed
    findings = [f for c in failed for f in c.findings]
    spans = anchors(findings)
    shown = quotes(f for f in findings if anchors([f]))
    # a check that finds no defect says nothing is there: it makes a requirement partial
    # only when no check of it asks for a construct
    asks = any(c.presence for c in (*held, *failed))
    level = "partial" if any(c.presence or not asks for c in held) else "unmet"
    templates = [requirement.notes.unmet]
    if level == "partial" and requirement.notes.partial:
        templates.insert(0, requirement.notes.partial)
    for template in templates:  # the partial sentence, else the unmet one, where evidence fills it
        needed = placeholders(template) & {"missing", "lines", "tests"}
        if all(values.get(name) for name in needed):
            text = fill(template, values)
            if not needed and observed and _readable(failing):  # nothing of this code in it
                text = f"{text.rstrip('.')}: {_lowered(observed[0].note.text)}"
            note = Note(
                text=text,
                kind="requirement",
                requirement=requirement.id,
                severity=severity,
                lines=_unique(f.line for f in findings),
                evidence=[_finding_evidence(f) for f in findings]
                + [_case_evidence(c) for c in failing],
            )
            return [Draft(note, spans, shown, failures, len(failing))]
    # The template cannot be filled from this evidence: say what the evidence says instead,
    # the rules' findings and what the tests saw (first, when the findings are only warnings)
    notes = [
        _finding_draft(f, requirement.id, requirement.gating) for f in findings if f.message.strip()
    ]
    if all(f.severity != "error" for f in findings):
        return observed + notes
    return notes + observed


def _finding_draft(finding: Finding, requirement: str | None, gating: bool) -> Draft:
    """A finding's message said as a note; an error when its requirement is gating."""
    note = Note(
        text=finding.message,
        kind="finding",
        requirement=requirement,
        rule=finding.rule,
        severity="error" if gating else finding.severity,
        lines=[finding.line],
        evidence=[_finding_evidence(finding)],
    )
    spans = anchors([finding])
    return Draft(note, spans, quotes([finding]) if spans else [])


Source = Callable[[str], str]

# answers too common to place by their spelling
_UNPLACEABLE = frozenset({"none", "null", "nil", "undefined", "true", "false", "nan"})


def answer_source(code: str, language: str) -> Source:
    """Where an answer the tests saw comes from: the one line of the code that spells it,
    when that line returns it from an ``if``'s consequence ("from line 4, under `if
    (!request.UserId)`"); "" when the answer is spelt nowhere, in several places, or not
    in such a branch."""

    def source(got: str) -> str:
        token = answer(got).strip("'\"")
        if len(token) < 3 or token.casefold() in _UNPLACEABLE:
            return ""
        lines = locate(code, token)
        if len(lines) != 1:
            return ""
        found = guard(code, language, lines[0])
        return f"from line {lines[0]}, under `{found[1]}`" if found else ""

    return source


def _what_came_back(case: TestCase) -> str:
    """What a failing case got (its answer or error), for telling which note explains it: a
    note quoting 50003 explains a test that got 50003, not one that expected it."""
    seen = observe(case)
    if seen.got is not None:
        return seen.got
    return seen.error or first_line(case.message) or test_label(case.name)


def _observed_note(
    requirement: Requirement,
    severity: Severity,
    failing: Sequence[TestCase],
    failures: list[str],
    source: Source | None = None,
) -> Draft:
    """What the first readable failing case observed, and how many others fail with it, with
    where in the code its answer comes from when ``source`` can tell."""
    read: list[Observation] = [observe(case) for case in failing]
    first = next((o for o in read if o.sentence() and (o.got or o.error)), None)
    first = first or next((o for o in read if o.sentence()), None)

    def said(text: str, lines: list[int]) -> Note:
        return Note(
            text=text,
            kind="requirement",
            requirement=requirement.id,
            severity=severity,
            lines=lines,
            evidence=[_case_evidence(c) for c in failing],
        )

    if first is None:
        return Draft(said(_tests_sentence(failing), []), [], [], failures, len(failing), True)

    def sentence(seen: Observation) -> str:
        return seen.sentence(source(seen.got) if source and seen.got is not None else "")

    text = sentence(first)
    others = len(failing) - 1
    shown = [first]
    swap = _swapped(first, read)
    if swap is not None:
        text = f"The codes {swap[0]} and {swap[1]} are swapped: {_lowered(text[:-1])}; {_lowered(swap[2].sentence())}"
        others -= 1
    else:  # other faults of the same requirement, or the same one seen by another test
        for other in _other_symptoms(first, read):
            text = f"{text} {sentence(other)}"
            shown.append(other)
            others -= 1
    if others:
        text = f"{text[:-1]} ({others} more failing {'case' if others == 1 else 'cases'})."
    lines = _unique(seen.line for seen in shown if seen.line)
    spans = [(line, line) for line in lines]
    return Draft(said(text, lines), spans, [], failures, len(failing), True)


# an answer that is an error code: a field named so (`code: 60002`, `'status': 400`), or a
# bare number of four digits or more (50003; a bare 112 is more likely an amount)
_ERROR_CODE = re.compile(r"^\W*(?:\w*(?:code|status)\w*\W*(\d{3,})|(\d{4,})$)", re.I)


def _kind(value: str | None) -> str:
    """An error code (each its own branch) or some other value (a success's 0 is a value)."""
    found = _ERROR_CODE.match((value or "").strip())
    number = found and (found[1] or found[2])
    if number and int(number) > 0:
        return f"code {number}"
    # nothing where something was due, or the other way round (no refund after 30 days)
    return "zero" if re.fullmatch(r"'?0(?:\.0+)?'?", (value or "").strip()) else "value"


def _shape(seen: Observation) -> str:
    """What kind of thing came back, and what kind was wanted: an error raised, an error code
    (each its own branch), or some other value. Two wrong values are most often one fault; a
    wrong value and a success where an error code was due are two."""
    if seen.error:
        return "error"
    return f"{_kind(seen.got)} for {_kind(seen.expected)}"


MAX_SYMPTOMS = 3  # observations one requirement's note shows
MAX_ASIDE = 160  # the longest observation said for another test of the same requirement


def _other_symptoms(first: Observation, read: Sequence[Observation]) -> list[Observation]:
    """Failing cases to say beside ``first``: first one that saw another kind of thing come
    back (another error code, a success where ``first`` got a code, an error where it got an
    answer: evidence of a second fault), then cases of tests that ``first``'s test is not (a
    test of each aspect: the full refund, the refund after 30 days)."""
    shown = [first]
    readable = [
        o for o in read if o is not first and (o.got is not None or o.error) and o.sentence()
    ]
    second = next((o for o in readable if _shape(o) != _shape(first)), None)
    if second is not None:
        shown.append(second)
    for other in readable:
        if len(shown) >= MAX_SYMPTOMS:
            break
        if len(other.sentence()) > MAX_ASIDE:  # a long answer: one is enough to read
            continue
        if all(
            _test_base(other.case) != _test_base(seen.case) and _pair(other) != _pair(seen)
            for seen in shown
        ):
            shown.append(other)
    return shown[1:]


def _pair(seen: Observation) -> tuple[str | None, str | None]:
    """What came back and what was due: two tests seeing the same pair saw one fault."""
    return seen.error or seen.got, seen.expected


def _swapped(
    first: Observation, read: Sequence[Observation]
) -> tuple[str, str, Observation] | None:
    """Two cases that each got the other's expected answer: the two codes are swapped."""
    if first.got is None or first.expected is None or not first.input:
        return None
    got, expected = answer(first.got), answer(first.expected)
    for other in read:
        if (
            other is not first
            and other.input
            and other.got is not None
            and other.expected is not None
            and (answer(other.got), answer(other.expected)) == (expected, got)
            and got != expected
        ):
            low, high = sorted((got, expected))
            return low, high, other
    return None


def _lowered(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


# --------------------------------------------------------------------------- the whole sample


MAX_UNBUILT_DEFECTS = 2


def _cause_drafts(
    cause: RootCause | None, judged: Sequence[_Judged], cases: Sequence[TestCase]
) -> list[Draft]:
    """The root cause's note, said once before the requirements' notes."""
    if cause is None:
        return []
    touched = {*cause.requirements, *cause.owners}
    shared = Note(
        text=cause.text,
        kind="root_cause",
        severity=worst(i.severity for i in judged if i.verdict.id in touched) or "warning",
        lines=list(cause.lines),
        evidence=[_case_evidence(c) for c in cases if c.name in cause.cases],
    )
    return [Draft(shared, [(line, line) for line in cause.lines], cases=len(cause.cases))]


def _requirement_drafts(judged: Sequence[_Judged]) -> list[Draft]:
    """The requirements' notes: gating requirements first, then by weight; the task's order
    among equals."""
    ordered = sorted(judged, key=lambda i: (not i.verdict.gating, -i.verdict.weight))
    return [draft for item in ordered for draft in item.notes]


def _never_named(entry_point: str, code: str) -> bool:
    """Whether the code does not even name the function the task asks for (a reply of only
    ``using`` lines): not a wrong body, a missing one."""
    name = entry_point.rsplit(".", 1)[-1]
    return bool(name) and re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", code) is None


REPLACED_PARAMETER = "review-replaced-parameter"


def _replacement_first(
    notes: list[Draft], cause: RootCause | None, checks: Sequence[RuleCheck], code: str
) -> list[Draft]:
    """A parameter replaced before anything read it (``conn = sqlite3.connect(...)``) that the
    line raising the root cause's error reads, itself or through a local made from it
    (``cursor = conn.cursor()``): the replacement is where the error comes from, so its note
    goes first."""
    if cause is None or not cause.text.startswith("The code raises") or not cause.lines:
        return notes
    first = next((i for i, d in enumerate(notes) if d.note.kind == "root_cause"), None)
    if first is None:
        return notes
    lines = dict(code_lines(code))
    for finding in (f for c in checks if c.rule == REPLACED_PARAMETER for f in c.findings):
        names = {finding.text}
        for number, text in lines.items():  # one hop: locals made from the parameter
            made = re.match(r"^\s*(\w+)\s*(?::[^=]+)?=[^=](.*)$", text)
            if number > finding.line and made and _names(made[2], names):
                names.add(made[1])
        raising = [n for n in cause.lines if n > finding.line and _names(lines.get(n, ""), names)]
        said = next(
            (
                i
                for i, d in enumerate(notes)
                if d.note.rule == REPLACED_PARAMETER and d.note.lines == [finding.line]
            ),
            None,
        )
        if raising and said is not None and said > first:
            return notes[:first] + [notes[said]] + notes[first:said] + notes[said + 1 :]
    return notes


def _names(text: str, names: set[str]) -> bool:
    return any(re.search(rf"(?<![\w.$]){re.escape(name)}(?![\w$])", text) for name in names)


def _cause_first(cause: list[Draft], requirements: list[Draft]) -> list[Draft]:
    """The root cause before the requirements' notes, unless the first of those speak for
    more failing tests than it does (a KeyError in 2 tests is not what 20 failures are about)."""
    if not cause:
        return requirements
    at = next((i for i, d in enumerate(requirements) if d.cases <= cause[0].cases), None)
    at = len(requirements) if at is None else at
    return requirements[:at] + cause + requirements[at:]


def _loaded_rerun(tests: TestRun) -> Rerun | None:
    """The tests' run on the code made to load (``grader.rerun``), when one built and ran."""
    last = tests.reruns[-1] if tests.reruns else None
    if last is None or last.run.status in BROKEN_STATUSES:
        return None
    return None if does_not_load(last.run.status, last.run.cases) else last


def _strict_rerun(tests: TestRun) -> Rerun | None:
    """The run on the code without its demo or dead imports, still type-checked, when it did
    not build either: its own errors are the ones to say (a type error in the function, not
    the demo's cut-off string)."""
    strict = next((r for r in tests.reruns if not r.untyped), None)
    if strict is None or strict.run.status != "compile_error":
        return None
    return strict


def _behind_reruns(tests: TestRun, said: TestRun) -> Note | None:
    """The first new compile error of the last run made to load, when none loaded: what lies
    behind the errors the note on ``said`` names, once those are out of the way."""
    last = tests.reruns[-1] if tests.reruns else None
    if last is None or last.run is said or last.run.status != "compile_error" or not last.changes:
        return None
    error = errors_behind((said.note, said.output), (last.run.note, last.run.output))
    if error is None:
        return None
    at = [int(n) for n in _SAID_LINE.findall(error)]
    text = f"With {listed(_changes(last))}, it still does not compile: {error}."
    return Note(text=text, kind="compile", severity="error", lines=at)


_SAID_LINE = re.compile(r"\bline (\d+)\b(?! of the test)")  # the code's lines, not the tests'


def _demo_only(rerun: Rerun | None) -> bool:
    """Whether the run made to load left out the reply's demo and nothing else."""
    return rerun is not None and bool(rerun.demo_lines) and not rerun.changes and not rerun.untyped


def _in_demo(said: str, demo: Sequence[int]) -> bool:
    """Whether the code's lines ``said`` names all lie in the demo: the error is the demo's."""
    at = {int(n) for n in _SAID_LINE.findall(said)}
    return bool(at) and at <= set(demo)


def _changes(rerun: Rerun) -> list[str]:
    """What a run made to load changed, as phrases: its edits, the demo, the type check."""
    demo = [f"its demo ({line_spans(rerun.demo_lines)}) left out"] if rerun.demo_lines else []
    untyped = ["the type check off (as plain JavaScript)"] if rerun.untyped else []
    return [*rerun.changes, *demo, *untyped]


def _through_rerun(said: str, rerun: Rerun) -> str:
    """The build note (with its line, if any), saying what the tests' run left out to load
    the code: its demo (where, or through what, the code broke), dead imports, the type check."""
    said = said.rstrip(".")
    if _demo_only(rerun):
        where = "in its demo" if _in_demo(said, rerun.demo_lines) else "when its demo runs"
        return f"{said}, {where} ({line_spans(rerun.demo_lines)}); without the demo, the tests ran."
    return f"{said}; with {listed(_changes(rerun))}, the tests ran."


def _defects_in_unbuilt_code(checks: Sequence[RuleCheck], gating: set[str]) -> list[Draft]:
    """Mistakes a rule found at a place in code that never ran (``||`` for a default): still
    this code's, so still said, after the build. A rule's absences are not (with no test to
    check them, a rule misreading an odd shape would be said as fact); ``_read_unbuilt`` says
    the absences a search of the text settles."""
    found = [
        (f, c.requirement)
        for c in checks
        if c.applicable and not c.passed and not c.presence and not _is_syntax(c)
        if not gaming_rules.is_gaming(c.rule)
        for f in c.findings
        if f.message.strip() and anchors([f])
    ]
    # the task's own rules' mistakes before the review rules' facts (a parameter never used)
    found = sorted(found, key=lambda item: (review.is_review(item[0].rule), item[0].line))
    found = found[:MAX_UNBUILT_DEFECTS]
    return [_finding_draft(f, requirement, requirement in gating) for f, requirement in found]


# an answer code a prompt names: a five-digit number ("return code 50001 when ...")
_PROMPT_CODE = re.compile(r"(?<![\w.])\d{5}(?![\w.])")
_ASKS_TRY = re.compile(r"\btry/(?:catch|except)\b", re.I)


def _declared(code: str, language: str, entry: str) -> list[tuple[int, bool, int, str]]:
    """Each Java or C# method named ``entry`` in ``code``: its line, whether it is static, its
    number of parameters, and its declaration up to the parameter list, on one line."""
    source = code.encode("utf-8")
    found = []
    for node in walk(parse_tree(code, language)):
        name = node.child_by_field_name("name") if node.type == "method_declaration" else None
        params = node.child_by_field_name("parameters") if name else None
        if name is None or params is None or node_text(name, source) != entry:
            continue
        modifiers = source[node.start_byte : name.start_byte].decode("utf-8", "replace")
        count = sum("parameter" in child.type for child in params.named_children)
        head = " ".join(
            source[node.start_byte : params.end_byte].decode("utf-8", "replace").split()
        )
        found.append((node.start_point[0] + 1, "static" in modifiers.split(), count, head))
    return found


def _signature_unlike(prompt: str, code: str, entry: str, language: str) -> Draft | None:
    """A Java or C# method the prompt spells out (`public static int reserve(...)`) that the
    code declares otherwise: not static, or with another number of parameters (the tests
    cannot call it as asked, built or not). Types are not compared."""
    asked = next(
        (a for a in re.findall(r"`([^`]*)`", prompt) if re.search(rf"\b{entry}\s*\(", a)), None
    )
    wanted = _declared(f"class Asked {{ {asked} {{ }} }}", language, entry) if asked else []
    found = _declared(code, language, entry)
    if not wanted or not found:
        return None
    _, static, count, _ = wanted[0]
    if any(static <= own and count == params for _, own, params, _ in found):
        return None
    line, _, _, declared = found[0]
    text = f"The code declares `{declared}` (line {line}); the task asks for `{(asked or '').strip()}`."
    return Draft(Note(text=text, kind="finding", severity="error", lines=[line]))


def _read_unbuilt(prompt: str, code: str) -> list[Draft]:
    """What a search of the text of code that never ran settles, built or not: the answer
    codes the prompt asks for that appear nowhere in it, and a try block asked for that it
    lacks. (A word in a comment counts as there: this errs on saying less.)"""
    asked = list(dict.fromkeys(_PROMPT_CODE.findall(prompt)))
    written = re.sub(r"(?<=\d)[_'](?=\d)", "", code)  # 50_002 (Python, C#, Java), 50'002 (C++)
    written_codes = set(_PROMPT_CODE.findall(written))
    unused = [c for c in asked if c not in written_codes]
    said: list[str] = []
    if len(unused) == len(asked) and len(asked) > 1:
        said.append(f"None of the codes the task asks for ({listed(asked)}) appears in the code.")
    elif len(unused) == 1:
        said.append(f"The code {unused[0]}, which the task asks for, appears nowhere in the code.")
    elif unused:
        said.append(
            f"The codes {listed(unused)}, which the task asks for, appear nowhere in the code."
        )
    asks_try = _ASKS_TRY.search(prompt)
    if asks_try and not re.search(r"\btry\b", code):
        said.append(f"The code has no try block; the task asks for a {asks_try[0]} block.")
    return [Draft(Note(text=text, kind="finding", severity="error")) for text in said]


def _review_drafts(checks: Sequence[RuleCheck]) -> list[Draft]:
    return [
        _finding_draft(f, None, False)
        for c in checks
        if review.is_review(c.rule) and c.applicable and not c.passed
        for f in c.findings
    ]


def _root_cause(
    task: TaskSpec, code: str, cases: Sequence[TestCase], checks: Sequence[RuleCheck]
) -> RootCause | None:
    # literals a rule's finding matched at a line (50003 returned in the catch): a shared
    # answer that is one of them has its cause named by that finding's note
    explained = set(quotes(f for c in checks if not c.passed for f in c.findings))
    failing = {
        r.id: [observe(c) for c in matching_cases(r.tests, cases) if c.outcome != "passed"]
        for r in task.requirements
        if r.tests
    }
    owned = {
        r.id: root_cause.answers(
            {f"{k}{i}": v for i, b in enumerate(r.rules) for k, v in b.params.items()}, r.tests
        )
        for r in task.requirements
    }
    return root_cause.find(
        failing,
        code,
        task.params,
        owned,
        explained,
        branch=lambda line: guard(code, task.language, line),
    )


def _gaming_notes(gaming: Sequence[Gaming]) -> list[Draft]:
    """One note per strategy found (its first finding), before any other note."""
    notes: list[Draft] = []
    for strategy in dict.fromkeys(item.strategy for item in gaming):
        found = [item for item in gaming if item.strategy == strategy]
        note = Note(
            text=found[0].message,
            kind="gaming",
            rule=found[0].rule,
            severity="error",
            lines=_unique(item.line for item in found),
            evidence=[f"line {item.line}: {item.message}" for item in found],
        )
        notes.append(Draft(note, [(found[0].line, found[0].line)]))
    return notes


def _run_evidence(tests: TestRun) -> list[str]:
    """What a note about the test run rests on: its status, what it said, the cases that errored."""
    said = [f"test run status: {tests.status}"]
    if tests.note.strip():
        said.append(first_line(tests.note))
    errored = [_case_evidence(c) for c in tests.cases if c.outcome == "error"]
    return said + errored[:3]


def _is_syntax(check: RuleCheck) -> bool:
    return check.rule == SYNTAX_ERROR


def _findings(checks: Iterable[RuleCheck]) -> list[Finding]:
    seen: set[tuple[Any, ...]] = set()
    out: list[Finding] = []
    for check in checks:
        if check.passed or not check.applicable:
            continue
        for finding in check.findings:
            if finding.requirement is None and check.requirement is not None:
                finding = finding.model_copy(update={"requirement": check.requirement})
            key = (finding.rule, finding.line, finding.column, finding.message)
            if key not in seen:
                seen.add(key)
                out.append(finding)
    return sorted(out, key=lambda f: (f.line, f.column))


def _no_code(task: TaskSpec, extraction: Extraction, tests: TestRun) -> Verdict:
    requirements = [
        RequirementVerdict(
            id=r.id,
            met=False,
            status="unmet",
            credit=0.0,
            weight=r.weight,
            gating=r.gating,
            evidence=["no code in the reply"],
        )
        for r in task.requirements
    ]
    return Verdict(
        task=task.id,
        language=task.language,
        score=0.0,
        passed=False,
        requirements=requirements,
        tests=tests,
        note_details=[
            Note(
                text=NO_CODE,
                kind="no_code",
                severity="error",
                evidence=[extraction.reason] if extraction.reason else [],
            )
        ],
        code=None,
        task_version=task.version,
    )


def score(
    task: TaskSpec, extraction: Extraction, checks: Sequence[RuleCheck], tests: TestRun
) -> Verdict:
    """Judge one piece of code against ``task`` from its rule checks and test run."""
    if extraction.code is None or not extraction.code.strip():
        return _no_code(task, extraction, tests)

    broken = tests.status in BROKEN_STATUSES
    unbuilt = does_not_load(tests.status, tests.cases)
    known = {r.id for r in task.requirements}
    gating = {r.id for r in task.requirements if r.gating}
    cause = None if broken or unbuilt else _root_cause(task, extraction.code, tests.cases, checks)
    placed = frozenset(quotes(f for c in checks if not c.passed for f in c.findings))
    source = answer_source(extraction.code, task.language)

    def judge_all(
        cases: Sequence[TestCase], broken: bool, unbuilt: bool, cause: RootCause | None
    ) -> list[_Judged]:
        return [
            _judge(
                task,
                r,
                [c for c in checks if c.requirement == r.id],
                cases,
                broken,
                unbuilt,
                cause,
                placed,
                source,
            )
            for r in task.requirements
        ]

    judged = judge_all(tests.cases, broken, unbuilt, cause)
    loaded = _loaded_rerun(tests) if unbuilt else None
    run = loaded.run if loaded else None
    observed: list[_Judged] = []  # what the tests saw of the code made to load: notes only
    demo_cause = None
    if run is not None:
        demo_cause = _root_cause(task, extraction.code, run.cases, checks)
        observed = judge_all(run.cases, False, False, demo_cause)

    gaming = gaming_rules.found(checks)
    notes = _gaming_notes(gaming)
    if _never_named(task.entry_point, extraction.code):
        said = f"The code never defines {task.entry_point}, which the task asks for."
        notes.append(Draft(Note(text=said, kind="no_code", severity="error")))
    syntax = [f for c in checks if _is_syntax(c) and not c.passed for f in c.findings]
    limit = None
    if unbuilt:  # one note, why it does not build; its static findings stay in findings
        strict = _strict_rerun(tests)
        built_run = strict.run if strict and strict.demo_lines else tests
        said = compile_note(built_run.status, built_run.note, built_run.output, built_run.cases)
        line = None if " line " in said else root_cause.error_line(said, extraction.code)
        said = f"{said.rstrip('.')} (line {line})." if line else said
        lines = [line] if line else []
        package = None
        if task.language == "java":
            package = package_cause(said, extraction.code, (t.read_text() for t in task.tests))
        if package:  # the likely cause: its classes are not where the tests look for them
            said = f"{said.rstrip('.')}: {package[0]}."
            lines = sorted({*lines, package[1]})
        if loaded is not None:
            said = _through_rerun(said, loaded)
        compiled = f"{tests.note}\n{tests.output}"
        limit = toolchain_limit(task.language, tests.status, compiled, parses=not syntax)
        built = Note(
            text=ungradable_note(limit, said) if limit else said,
            kind="ungradable" if limit else "compile",
            severity="info" if limit else "error",  # a toolchain limit is not the code's mistake
            lines=lines,
            evidence=_run_evidence(tests),
        )
        build = [Draft(built)]
        further = (
            None
            if limit
            else further_compile_errors(built_run.status, built_run.note, built_run.output)
        )
        if further:
            also = Note(text=further[0], kind="compile", severity="error", lines=further[1])
            build.append(Draft(also))
        behind = None if limit or loaded else _behind_reruns(tests, built_run)
        if behind:
            build.append(Draft(behind))
        seen = (
            _cause_first(
                _cause_drafts(demo_cause, observed, run.cases if run else []),
                _requirement_drafts(observed),
            )
            if observed
            else []
        )
        # an error in throw-away demo code matters less than the function's own failures
        in_demo = bool(loaded and _demo_only(loaded) and _in_demo(built.text, loaded.demo_lines))
        notes += [*seen, *build] if seen and in_demo else [*build, *seen]
        if observed:
            notes += _review_drafts(checks)
        elif not limit:
            unlike = (
                _signature_unlike(task.prompt, extraction.code, task.entry_point, task.language)
                if task.language in ("java", "csharp")
                else None
            )
            notes += [unlike] if unlike else []
            notes += _read_unbuilt(task.prompt, extraction.code)
            notes += _defects_in_unbuilt_code(checks, gating)
    if syntax and not unbuilt:
        first = min(f.line for f in syntax)
        parse = Note(
            text=syntax_note(first),
            kind="syntax",
            rule=SYNTAX_ERROR,
            severity="error",
            lines=[first],
            evidence=[_finding_evidence(f) for f in syntax],
        )
        notes.append(Draft(parse))
    if broken and not unbuilt:
        problem = Note(
            text=run_problem_note(tests.status, tests.note, tests.timeout_s),
            kind="run",
            severity="error",
            evidence=_run_evidence(tests),
        )
        notes.append(Draft(problem))
    notes += _cause_first(_cause_drafts(cause, judged, tests.cases), _requirement_drafts(judged))
    covered = {
        (c.rule, repr(sorted(c.params.items())))
        for c in checks
        if c.requirement in known and not c.passed
    }
    for check in checks:
        if check.requirement in known or _is_syntax(check) or check.passed or not check.applicable:
            continue
        if unbuilt:  # said in findings, not as notes, for code that never ran
            continue
        if gaming_rules.is_gaming(check.rule):  # said first, once per strategy
            continue
        if (check.rule, repr(sorted(check.params.items()))) in covered:
            continue
        notes += [
            _finding_draft(f, check.requirement, check.requirement in gating)
            for f in check.findings
            if f.message.strip()
        ]

    notes = _replacement_first(notes, cause, checks, extraction.code)

    counted = [item for item in judged if item.counted]
    total = sum(item.verdict.weight for item in counted)
    if total > 0:
        value = 100 * sum(item.verdict.weight * item.verdict.credit for item in counted) / total
    elif tests.cases and not broken:
        value = 100 * sum(c.outcome == "passed" for c in tests.cases) / len(tests.cases)
    else:
        value = 0.0
    value = round(value, 2)
    gates_ok = all(item.verdict.met for item in counted if item.verdict.gating)
    passed = value >= task.scoring.pass_threshold and gates_ok and not broken and not gaming
    if gaming:  # whatever the tests say: no credit for code that games them
        value = 0.0
    if passed:  # on code that passes, the review rules' facts are style: findings only
        notes = [d for d in notes if not review.is_review(d.note.rule)]

    # on code that does not build, what held on the code made to load, said as such
    held = [i.positive for i in (observed if unbuilt else judged) if i.positive]
    if unbuilt:
        held = [p.model_copy(update={"text": f"Made to load, {_lowered(p.text)}"}) for p in held]
    positives = group(Draft(p) for p in held)
    return Verdict(
        task=task.id,
        language=task.language,
        score=value,
        passed=passed,
        requirements=[item.verdict for item in judged],
        findings=_findings(c for c in checks if not any(c in i.overruled for i in judged)),
        tests=tests,
        note_details=group(notes) + ([] if gaming else positives),
        code=extraction.code,
        task_version=task.version,
        gaming=gaming,
        unconfirmed=[u for item in judged for u in item.verdict.unconfirmed],
        ungradable=limit,
    )
