"""The shape of rule files (``rubrics/rules/<id>.yml``) and their tests (``<id>-test.yml``).

A rule matches syntax nodes, like ast-grep: every key given in one mapping must hold for
the same node. Atomic keys look at the node itself, relational keys at nodes around it,
composite keys combine sub-rules. Multi-word keys are written with ``_`` (``stop_by``,
``not_inside``, ``defined_as``); the ``-`` spellings (``not-inside``) are accepted too.

Values (``value``, ``identifier``, ``name``, ``mentions``) may be a scalar, a list (any of
them), a ``$param`` reference (``$code``, ``$flags``, ``$repo_calls[-1]``, or a name
captured earlier with ``as``) or ``{any_of: ...}``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from grader.errors import GraderError
from grader.languages import LANGUAGES
from grader.types import Language, Severity


class RuleError(GraderError):
    """A rule file is wrong (bad regex, unknown concept, missing parameter)."""


StopBy = Literal["end", "neighbor", "function"]


def _dashes_to_underscores(data: Any) -> Any:
    if isinstance(data, dict):
        return {(k.replace("-", "_") if isinstance(k, str) else k): v for k, v in data.items()}
    return data


class Matcher(BaseModel):
    """One node pattern. An empty mapping matches every node."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    # atomic
    kind: str | list[str] | None = Field(None, description="tree-sitter node type(s)")
    concept: str | list[str] | None = Field(
        None,
        description="language-neutral concept(s) from the concept table (if, try, catch, call, ...)",
    )
    value: Any = Field(
        None,
        description="literal value: numbers compare numerically, strings by content; an identifier "
        "matches when it names a constant defined with that value",
    )
    identifier: Any = Field(
        None, description="an identifier-like node with this text (case-insensitive)"
    )
    name: Any = Field(
        None,
        description="the node's name, case-insensitive: a call's method, a function's name, an identifier's text",
    )
    regex: str | None = Field(
        None, description="Python regex searched (unanchored) in the node's text"
    )
    mentions: Any = Field(
        None,
        description="the node's subtree names one of these (identifier or string, ignoring case and _), "
        "directly or through up to `follow` local variable definitions",
    )
    follow: int = Field(0, ge=0, le=6, description="definition hops for `mentions`")
    defined_as: Matcher | None = Field(
        None, description="an identifier whose variable is defined with a value matching this rule"
    )
    query: str | dict[str, str] | None = Field(
        None,
        description="raw tree-sitter query (or one per language); matches the nodes captured as @match "
        "(or by its first capture)",
    )
    matches: str | None = Field(
        None, description="id of a shared fragment in a rules folder's utils/"
    )
    unread: bool | None = Field(
        None,
        description="an identifier that first names a parameter or variable in its function, "
        "which the function never reads (its own updates, x += 1, aside)",
    )
    replaces_parameter: bool | None = Field(
        None,
        description="an identifier assigned, unconditionally and before any read, over a "
        "parameter of its function: the value the caller passed is never used",
    )
    as_: str | None = Field(None, alias="as", description="capture the node under this name")
    # relational modifiers (used inside inside/not_inside/has/precedes/follows)
    field: str | list[str] | None = Field(
        None, description="relational: the related node is reached through this field"
    )
    stop_by: StopBy | Matcher | None = Field(
        None,
        description="relational: how far to look; end (default), neighbor, function, or a rule",
    )
    # relational
    inside: Matcher | None = None
    not_inside: Matcher | None = None
    has: Matcher | None = None
    precedes: Matcher | None = None
    follows: Matcher | None = None
    # composite
    all: list[Matcher] | None = None
    any: list[Matcher] | None = None
    not_: Matcher | None = Field(None, alias="not")

    @model_validator(mode="before")
    @classmethod
    def _normalize_keys(cls, data: Any) -> Any:
        return _dashes_to_underscores(data)


class Variant(BaseModel):
    """A language-specific replacement of the rule (and optionally its message)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: list[Language]
    rule: Matcher
    message: str | None = None
    note: str | None = None


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    description: str = ""
    severity: Severity = "warning"
    expect: Literal["present", "absent"] = Field(
        "absent",
        description="absent: one finding per match; present: passes when something matches, "
        "one finding when nothing does",
    )
    evidence: Literal["place", "absence"] | None = Field(
        None,
        description="what a finding evidences: place (a defect found where it is) or absence "
        "(a required construct not found; passing tests overrule it). Default: absence for "
        "expect: present, place for expect: absent",
    )
    message: str = Field(description="finding message; {param}, {capture}, {line} are filled in")
    note: str = ""
    languages: list[Language] = Field(default_factory=lambda: list(LANGUAGES))
    params: dict[str, Any] = Field(
        default_factory=dict, description="defaults for the rule's $params"
    )
    rule: Matcher | None = None
    variants: list[Variant] = Field(default_factory=list)
    subject: Matcher | None = Field(
        None,
        description="expect: absent only: what the rule is about (the code 50003 for 'never "
        "returned from a catch'); where nothing in the code matches it, the absence holds only "
        "vacuously and the check fails without a finding",
    )

    @model_validator(mode="after")
    def _subject_only_for_absent(self) -> RuleSpec:
        if self.subject is not None and self.expect != "absent":
            raise ValueError("`subject` is for expect: absent rules")
        return self

    @model_validator(mode="after")
    def _every_language_has_a_rule(self) -> RuleSpec:
        if self.rule is None:
            covered = {lang for variant in self.variants for lang in variant.languages}
            missing = [lang for lang in self.languages if lang not in covered]
            if missing:
                raise ValueError(f"no `rule` and no variant for {', '.join(missing)}")
        return self

    def for_language(self, language: str) -> tuple[Matcher | None, str, str]:
        """(rule, message, note) for ``language``, variants first."""
        for variant in self.variants:
            if language in variant.languages:
                return variant.rule, variant.message or self.message, variant.note or self.note
        return self.rule, self.message, self.note

    @property
    def absence_evidence(self) -> bool:
        """Whether a finding says a construct is missing (weaker than a defect at a place)."""
        return (self.evidence or ("absence" if self.expect == "present" else "place")) == "absence"


class Fragment(BaseModel):
    """A shared piece of rule (``utils/<id>.yml``), used with ``matches: <id>``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    description: str = ""
    rule: Matcher


class RuleTestCase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    language: Language
    code: str
    lines: list[int] | None = Field(
        None, description="expected finding lines (sorted); for invalid cases"
    )
    params: dict[str, Any] = Field(default_factory=dict)
    note: str = ""


class RuleTestFile(BaseModel):
    """``<id>-test.yml``: snippets the rule must pass (valid) and fail (invalid)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    params: dict[str, Any] = Field(
        default_factory=dict, description="binding params for every case"
    )
    valid: list[RuleTestCase] = Field(default_factory=list)
    invalid: list[RuleTestCase] = Field(default_factory=list)
    not_applicable: list[RuleTestCase] = Field(default_factory=list)
    vacuous: list[RuleTestCase] = Field(
        default_factory=list, description="snippets where the rule's subject is missing"
    )

    @model_validator(mode="before")
    @classmethod
    def _normalize_keys(cls, data: Any) -> Any:
        return _dashes_to_underscores(data)
