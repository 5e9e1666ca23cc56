"""Plain values handed between pipeline stages.

Every stage takes and returns these frozen pydantic models; none of them knows how the
others work. This module imports nothing from ``grader``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# A language's name, as task specs spell it; ``grader.languages.LANGUAGES`` holds what the
# grader knows of each (a test checks that the two list the same names, in the same order).
Language = Literal["python", "javascript", "typescript", "java", "csharp", "go"]

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


def worst(severities: Iterable[str]) -> Severity | None:
    """The highest of ``severities`` (error > warning > info); None when there are none."""
    ranked = sorted((s for s in severities if s in SEVERITY_RANK), key=SEVERITY_RANK.__getitem__)
    return ranked[-1] if ranked else None  # type: ignore[return-value]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- task specs


class RuleBinding(Frozen):
    """One use of a rule inside a task: which rule, for which requirement, with which values.

    ``params`` fill the rule's placeholders (``$code`` in the rule, ``{code}`` in its
    message); task-level ``TaskSpec.params`` are visible too, binding values win.
    """

    rule: str
    requirement: str | None = None
    params: dict[str, Any] = Field(default_factory=dict, alias="with")
    # false for a rule that finds one way of getting the requirement wrong (`||` for the
    # defaults): its finding says why the requirement fails, its absence earns no credit
    credit: bool = True

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class RequirementNotes(Frozen):
    """Reviewer sentences for a requirement. Placeholders: any task/binding param, plus
    ``{missing}`` / ``{present}`` (values of the bindings that failed / held, e.g. codes),
    ``{lines}``, ``{tests}``."""

    unmet: str
    partial: str | None = None
    met: str | None = None


class Requirement(Frozen):
    id: str
    description: str
    notes: RequirementNotes
    weight: float = Field(default=1.0, ge=0)
    gating: bool = False  # unmet -> the sample fails whatever it scores
    rules: list[RuleBinding] = Field(default_factory=list)
    # Test-name patterns; matched case-insensitively on letters and digits only, so
    # "missing user id" matches test_missing_user_id, missingUserId and MissingUserId.
    tests: list[str] = Field(default_factory=list)


class Limits(Frozen):
    time_s: float = Field(default=10.0, gt=0)  # wall-clock floor for one test run
    memory_mb: int = Field(default=1024, gt=0)
    # The effective timeout is max(time_s, calibrate_factor x the reference's own time).
    calibrate_factor: float = Field(default=5.0, ge=1)


class Scoring(Frozen):
    pass_threshold: float = Field(default=70.0, ge=0, le=100)
    tests_weight: float = Field(
        default=0.5, ge=0, le=1
    )  # share of a requirement's credit from tests when it has both kinds


class TaskSpec(Frozen):
    id: str
    language: Language
    title: str
    prompt: str
    entry_point: str
    requirements: list[Requirement]
    rules: list[RuleBinding] = Field(default_factory=list)  # general checks, no requirement
    params: dict[str, Any] = Field(default_factory=dict)
    tests: list[Path] = Field(default_factory=list)  # absolute paths after loading
    support_files: list[Path] = Field(default_factory=list)  # copied next to the solution
    reference: Path | None = None  # absolute path after loading
    solution_file: str | None = None  # file name the sandbox gives the code; per-language default
    # Type-check the code as a project's build would before its tests run (TypeScript: strict,
    # untyped parameters allowed); a type error is then a compile error with its line.
    typecheck: bool = False
    limits: Limits = Field(default_factory=Limits)
    scoring: Scoring = Field(default_factory=Scoring)
    tags: list[str] = Field(default_factory=list)
    source: Path | None = None  # the YAML file this came from
    version: str = ""  # sha256 of the spec and every file it names; changes when any does


# --------------------------------------------------------------------------- evidence


class Extraction(Frozen):
    code: str | None
    language: str | None = None  # fence tag, if any
    blocks_found: int = 0
    reason: str = ""  # why this block (or why none)


class Finding(Frozen):
    rule: str
    severity: Severity
    line: int  # 1-based
    column: int = 1  # 1-based, in characters
    end_line: int | None = None
    end_column: int | None = None
    message: str
    text: str = ""  # matched source text (may be truncated)
    requirement: str | None = None


class RuleCheck(Frozen):
    """One rule binding evaluated on one piece of code."""

    rule: str
    requirement: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    passed: bool
    applicable: bool = True  # False where the concept does not exist in the language
    findings: list[Finding] = Field(default_factory=list)
    # The rule asks for a construct (expect: present, or evidence: absence). Failing such a
    # check is absence (the construct was not found), weaker evidence than a defect at a place.
    presence: bool = False
    # Nothing in the code is what the rule is about (its `subject`: no 50003 anywhere), so its
    # absence holds only vacuously: failed, without a finding.
    vacuous: bool = False


TestOutcome = Literal["passed", "failed", "error", "skipped"]
RunStatus = Literal[
    "ok",  # ran; per-case outcomes say the rest
    "timeout",
    "memory",
    "crash",
    "fork_bomb",
    "output_flood",
    "no_tests",
    "compile_error",
    "sandbox_error",
    "not_run",
]


class TestCase(Frozen):
    __test__ = False  # not a pytest class
    name: str
    outcome: TestOutcome
    message: str = ""
    duration_s: float = 0.0


class TestRun(Frozen):
    __test__ = False
    passed: int = 0
    failed: int = 0
    errors: int = 0
    skipped: int = 0
    timed_out: bool = False
    status: RunStatus = "not_run"
    note: str = ""  # plain-words reason for a misbehaviour status
    cases: list[TestCase] = Field(default_factory=list)
    output: str = ""  # capped stdout+stderr tail
    duration_s: float = 0.0
    timeout_s: float | None = None
    # Code that did not build or load: the tests' runs on it made to load (grader.rerun),
    # from the least change to the most, up to the first that loaded
    reruns: list[Rerun] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _old_demo_run(cls, data: Any) -> Any:
        """A results file from before reruns had one: ``demo_lines`` and ``without_demo``."""
        if isinstance(data, dict) and "without_demo" in data:
            data = dict(data)
            without, demo = data.pop("without_demo"), data.pop("demo_lines", [])
            if without is not None:
                data["reruns"] = [{"demo_lines": demo, "run": without}]
        return data


class Rerun(Frozen):
    """The tests once more on code that did not build or load, with what kept it from
    loading left out: its demo (top-level calls, prints, asserts; ``grader.demo``), imports
    that bring nothing it can use, TypeScript's type check. What they observe is said, and
    nothing is credited."""

    demo_lines: list[int] = Field(default_factory=list)
    # the rest of what was changed, as a note says it ("its unused import of fmt (line 4)
    # left out", "a read of its unused variable err (line 19) added"); none of it changes
    # what the code does
    changes: list[str] = Field(default_factory=list)
    untyped: bool = False  # run as JavaScript, without the type check
    run: TestRun


TestRun.model_rebuild()


class TestJob(Frozen):
    """Everything the sandbox needs to run one task's tests on one piece of code."""

    __test__ = False
    task_id: str
    language: Language
    code: str
    entry_point: str
    test_files: list[Path]
    support_files: list[Path] = Field(default_factory=list)
    solution_file: str | None = None
    typecheck: bool = False
    timeout_s: float = 10.0
    memory_mb: int = 1024


# --------------------------------------------------------------------------- verdicts


RequirementStatus = Literal["met", "partial", "unmet"]


class Gaming(Frozen):
    """A gaming strategy found in the code (``grader.gaming``): the sample fails for it."""

    strategy: str  # the rule id without "gaming-": always-equal, process-exit, ...
    rule: str
    line: int
    message: str


# What a note is about. A note rebuilt from an old results file, where notes were plain
# strings, has no kind (``None``) unless the list it came from says it was positive.
NoteKind = Literal[
    "requirement",  # a requirement's reviewer sentence, or what its failing tests observed
    "finding",  # a rule finding's message, said as it is
    "root_cause",  # one fault behind failing tests of several requirements
    "gaming",  # the code tries to pass the tests without solving the task
    "syntax",  # the code does not parse
    "compile",  # the code does not compile or load, so no test ran it
    "ungradable",  # this machine's toolchain cannot build the code's newer syntax
    "run",  # the test run misbehaved: a timeout, out of memory, a crash, no tests, ...
    "no_code",  # the reply holds no code
    "positive",  # a requirement met, said as done well
]

_LINES = re.compile(r"\b(lines?)\s+\d+(?:\s*(?:,|and|-|–|to)\s*\d+)*", re.IGNORECASE)


def note_key(text: str) -> str:
    """A note's text as its identity across runs: case, spacing, a final full stop and line
    numbers aside. ``Assigned ActiveFlag (line 7) ...`` and ``... (line 9) ...`` are the same
    note; error codes and names still tell notes apart."""
    text = _LINES.sub(lambda m: m.group(1).lower() + " #", text)
    return re.sub(r"\s+", " ", text.strip().rstrip(".")).casefold()


def note_id(kind: NoteKind | None, requirement: str | None, rule: str | None, text: str) -> str:
    """The one rule for a note's id: ``kind:requirement:digest``, the digest of the rule and
    the text's ``note_key``, so the same note in another run (other line numbers) has the
    same id. ``requirement:parameter-validation:5c0f2e9a41b7``; ``unknown:-:…`` for a note
    rebuilt from a plain string."""
    key = f"{rule or ''}\n{note_key(text)}".encode()
    digest = hashlib.sha1(key, usedforsecurity=False).hexdigest()[:12]
    return f"{kind or 'unknown'}:{requirement or '-'}:{digest}"


class Note(Frozen):
    """One reviewer note as a value: its sentence (raw text; escaped only where rendered) and
    what it is about and rests on. ``id`` is filled by ``note_id`` when not given."""

    id: str
    text: str
    kind: NoteKind | None = None
    requirement: str | None = None
    rule: str | None = None  # the rule whose finding it says (finding, gaming, syntax)
    severity: Severity | None = None  # None: rebuilt from a plain string, not known
    lines: list[int] = Field(default_factory=list)  # code lines it points at
    evidence: list[str] = Field(default_factory=list)  # "line 12: ...", "test_x failed: ..."

    @model_validator(mode="before")
    @classmethod
    def _fill_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id") and isinstance(data.get("text"), str):
            ident = note_id(
                data.get("kind"), data.get("requirement"), data.get("rule"), data["text"]
            )
            data = {**data, "id": ident}
        return data

    @property
    def bare(self) -> bool:
        """Rebuilt from a bare sentence (an old results file): what it is about is not known."""
        return self.kind is None or self.severity is None

    @property
    def identity(self) -> tuple[str | None, str]:
        """(id, text key), to match notes across runs (``grader.notes.NoteIndex``); a bare
        note has no id to match by."""
        return (None if self.bare else self.id, note_key(self.text))


class RequirementVerdict(Frozen):
    id: str
    met: bool
    status: RequirementStatus
    credit: float  # 0..1
    weight: float
    gating: bool = False
    evidence: list[str] = Field(default_factory=list)  # "line 12: ...", "test test_x passed"
    disagreement: str | None = None  # static and dynamic evidence disagree
    # Absence findings overruled by passing tests: for a reviewer to settle, never scored.
    unconfirmed: list[str] = Field(default_factory=list)
    # Its failing tests all fail through one fault said once for the sample (the root cause).
    blocked_by: str | None = None


class Verdict(Frozen):
    """What ``grade check --json`` prints; one line of results.jsonl extends it.

    ``notes`` and ``positive_notes`` are the notes' sentences, as other tools read them;
    ``note_details`` holds every note as a ``Note``: those of ``notes``, then those of
    ``positive_notes`` (kind ``positive``), in the same order. Give either: the sentences
    are taken from the values, or, for an old results line, values rebuilt from them.
    """

    task: str
    language: str
    score: float  # 0..100
    passed: bool
    requirements: list[RequirementVerdict] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    tests: TestRun = Field(default_factory=TestRun)
    notes: list[str] = Field(default_factory=list)
    positive_notes: list[str] = Field(default_factory=list)
    code: str | None = None
    task_version: str = ""
    gaming: list[Gaming] = Field(default_factory=list)  # strategies found; any fails the sample
    unconfirmed: list[str] = Field(default_factory=list)  # all requirements' unconfirmed findings
    # The toolchain that could not build the code's newer syntax: not graded, counted apart
    ungradable: str | None = None
    note_details: list[Note] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _one_list_of_notes(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        details = data.get("note_details")
        if not details:
            negative = [Note(text=t) for t in data.get("notes") or [] if isinstance(t, str)]
            positive = [
                Note(text=t, kind="positive", severity="info")
                for t in data.get("positive_notes") or []
                if isinstance(t, str)
            ]
            return {**data, "note_details": negative + positive}
        values = [d if isinstance(d, Note) else Note.model_validate(d) for d in details]
        texts = [n.text for n in values if n.kind != "positive"]
        positives = [n.text for n in values if n.kind == "positive"]
        for name, said in (("notes", texts), ("positive_notes", positives)):
            if data.get(name) is not None and list(data[name]) != said:
                raise ValueError(f"{name} and note_details do not say the same notes")
        return {**data, "notes": texts, "positive_notes": positives, "note_details": values}

    def note_values(self, *, positive: bool = False) -> list[Note]:
        """The notes of ``notes`` as values (``positive``: those of ``positive_notes``)."""
        return [n for n in self.note_details if (n.kind == "positive") == positive]


# --------------------------------------------------------------------------- generation


class GenerationRequest(Frozen):
    task_id: str
    prompt: str  # the user message
    system: str | None = None
    sample: int = 0
    seed: int | None = None
    max_tokens: int = 1024
    temperature: float | None = None
    top_p: float | None = None


class Generation(Frozen):
    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    ttft_s: float | None = None  # time to first token ("thought for")
    seconds: float | None = None
    tokens_per_second: float | None = None
    seed: int | None = None
    finish_reason: str | None = None
    cached: bool = False
    prompt_text: str | None = None  # the fully templated prompt, when known
    template: str | None = None


class SampleResult(Verdict):
    """One line of results.jsonl."""

    model_config = ConfigDict(frozen=True, extra="allow")

    sample: int
    model: str
    completion: str
    prompt: str = ""
    generation: Generation | None = None
    completion_tokens: int | None = None
    prompt_tokens: int | None = None
    seconds: float | None = None
    tokens_per_second: float | None = None
    ttft_s: float | None = None
    error: str | None = None  # a stage failed for this sample; the verdict is a clean fail


def dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=False)
