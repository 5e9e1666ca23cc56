"""Finding, reading and caching rule files.

A rule id resolves to ``<dir>/<id>.yml``, searched in the given folders first (a task's own
``rules/``) and then in the repo's ``rubrics/rules/``. Each file is parsed once per process;
each rule is compiled once per language.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from grader._files import parse_yaml
from grader.paths import RULES_DIR

from ._compiler import Compiled, Compiler, capture_names
from ._model import Fragment, Matcher, RuleError, RuleSpec

UTILS = "utils"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_lock = threading.Lock()
_paths: dict[tuple[tuple[str, ...], str], Path | None] = {}
_rules: dict[Path, LoadedRule] = {}
_by_id: dict[tuple[tuple[str, ...], str], LoadedRule] = {}
_fragments: dict[Path, Fragment] = {}


def _dirs(search_paths: Sequence[Path | str]) -> list[Path]:
    return [Path(p) for p in search_paths] + [RULES_DIR]


def find_rule_file(rule_id: str, search_paths: Sequence[Path | str] = ()) -> Path | None:
    if not _ID.match(rule_id):
        return None
    key = (tuple(str(p) for p in search_paths), rule_id)
    if key in _paths:
        return _paths[key]
    found = None
    for folder in _dirs(search_paths):
        for suffix in (".yml", ".yaml"):
            candidate = folder / f"{rule_id}{suffix}"
            if candidate.is_file():
                found = candidate.resolve()
                break
        if found:
            break
    _paths[key] = found
    return found


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleError(f"{path}: cannot read: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise RuleError(
            f"{path}: invalid YAML{where}: {getattr(error, 'problem', error)}"
        ) from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a YAML mapping")
    return data


def _validation_message(path: Path, error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top)"
    return f"{path}: {where}: {first['msg']}"


class LoadedRule:
    """A parsed rule file; compiles itself per language on first use."""

    def __init__(self, spec: RuleSpec, path: Path) -> None:
        self.spec = spec
        self.path = path
        self._compiled: dict[str, tuple[Compiled | None, str, str]] = {}
        self._subjects: dict[str, Compiled | None] = {}
        self._lock = threading.Lock()

    @property
    def id(self) -> str:
        return self.spec.id

    def fragment(self, name: str) -> Matcher:
        return load_fragment(name, [self.path.parent])

    def compiled(self, lang: str) -> tuple[Compiled | None, str, str]:
        """(compiled rule or None where not applicable, message template, note)."""
        found = self._compiled.get(lang)
        if found is None:
            with self._lock:
                found = self._compiled.get(lang) or self._compile(lang)
                self._compiled[lang] = found
        return found

    def subject(self, lang: str) -> Compiled | None:
        """The compiled ``subject`` (None when the rule has none or it cannot apply)."""
        if self.spec.subject is None:
            return None
        if lang not in self._subjects:
            with self._lock:
                if lang not in self._subjects:
                    self._subjects[lang] = self._compile_matcher(lang, self.spec.subject)
        return self._subjects[lang]

    def _compile(self, lang: str) -> tuple[Compiled | None, str, str]:
        matcher, message, note = self.spec.for_language(lang)
        if lang not in self.spec.languages or matcher is None:
            return None, message, note
        return self._compile_matcher(lang, matcher), message, note

    def _compile_matcher(self, lang: str, matcher: Matcher) -> Compiled | None:
        captures = frozenset(capture_names(matcher, self.fragment))
        compiled = Compiler(lang, self.id, self.fragment, captures).compile(matcher)
        if compiled.anchor is not None:
            compiled.anchor.register()
        return compiled if compiled.applicable else None


def load_rule_file(path: Path) -> LoadedRule:
    path = path.resolve()
    found = _rules.get(path)
    if found is not None:
        return found
    data = read_yaml(path)
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as error:
        raise RuleError(_validation_message(path, error)) from None
    if spec.id != path.stem:
        raise RuleError(f"{path}: id: {spec.id!r} must match the file name {path.stem!r}")
    rule = LoadedRule(spec, path)
    with _lock:
        _rules[path] = rule
    return rule


def load_rule(rule_id: str, search_paths: Sequence[Path | str] = ()) -> LoadedRule:
    key = (tuple(str(p) for p in search_paths), rule_id)
    found = _by_id.get(key)
    if found is not None:
        return found
    path = find_rule_file(rule_id, search_paths)
    if path is None:
        where = ", ".join(str(d) for d in _dirs(search_paths))
        raise RuleError(f"rule not found: {rule_id!r} (looked in {where})")
    found = _by_id[key] = load_rule_file(path)
    return found


def load_fragment(name: str, search_paths: Sequence[Path | str] = ()) -> Matcher:
    if not _ID.match(name):
        raise RuleError(f"bad fragment id {name!r}")
    for folder in _dirs(search_paths):
        path = folder / UTILS / f"{name}.yml"
        if path.is_file():
            path = path.resolve()
            fragment = _fragments.get(path)
            if fragment is None:
                try:
                    fragment = Fragment.model_validate(read_yaml(path))
                except ValidationError as error:
                    raise RuleError(_validation_message(path, error)) from None
                _fragments[path] = fragment
            return fragment.rule
    raise RuleError(
        f"fragment not found: {name!r} (looked in utils/ of {', '.join(str(d) for d in _dirs(search_paths))})"
    )


def clear_cache() -> None:
    """Forget every parsed rule (after rule files changed on disk)."""
    with _lock:
        _paths.clear()
        _rules.clear()
        _by_id.clear()
        _fragments.clear()


def rule_ids(prefix: str) -> tuple[str, ...]:
    """The ids of the repo's rules named ``<prefix>…`` (``gaming-``, ``review-``), sorted."""
    return tuple(
        sorted(
            path.stem
            for path in RULES_DIR.glob(f"{prefix}*.yml")
            if not path.name.endswith("-test.yml")
        )
    )
