"""Read task spec YAML files into ``TaskSpec`` values.

A spec may name a shared ``rubric:`` file (requirements, params, scoring and rules that
every language variant of a task shares); the spec's own entries are laid over it, a
requirement replacing the rubric's field by field when the ids match.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from grader._files import parse_yaml
from grader.errors import SpecError
from grader.languages import LANGUAGES
from grader.types import TaskSpec

SPEC_SUFFIXES = (".yaml", ".yml")
PATH_FIELDS = ("tests", "support_files")


def find_spec_files(paths: Iterable[Path | str]) -> list[Path]:
    """Spec files under ``paths``: files as given, folders searched recursively.

    Skipped inside folders: a task's own ``rules/`` folder, rule test files and the
    ``rubric``-only files (those are named by specs, not run).
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                if (
                    candidate.suffix in SPEC_SUFFIXES
                    and candidate.is_file()
                    and "rules" not in candidate.relative_to(path).parts[:-1]
                    and not candidate.name.startswith(("_", "."))
                    and not candidate.stem.endswith("-test")
                ):
                    found.append(candidate)
        else:
            found.append(path)
    return found


def load_tasks(paths: Iterable[Path | str]) -> tuple[list[TaskSpec], list[SpecError]]:
    """Load every spec under ``paths``; a broken spec becomes an error, the rest still load."""
    tasks: list[TaskSpec] = []
    errors: list[SpecError] = []
    seen: dict[str, Path] = {}
    for path in find_spec_files(paths):
        try:
            task = load_task(path)
        except SpecError as error:
            errors.append(error)
            continue
        if task.id in seen:
            errors.append(
                SpecError(
                    path, "id", f"duplicate id {task.id!r} (first defined in {seen[task.id]})"
                )
            )
            continue
        seen[task.id] = path
        tasks.append(task)
    return tasks, errors


def load_task(path: Path | str) -> TaskSpec:
    path = Path(path)
    raw = _read_yaml(path)
    if "rubric" in raw:
        raw = _apply_rubric(path, raw)
    _check_language(path, raw)
    base = path.parent
    hashed: list[Path] = [path]
    for field in PATH_FIELDS:
        raw[field] = _resolve_paths(path, field, raw.get(field, []))
        hashed.extend(raw[field])
    if raw.get("reference") is not None:
        raw["reference"] = _resolve_paths(path, "reference", [raw["reference"]])[0]
        hashed.append(raw["reference"])
    _default_binding_requirements(raw)
    raw["source"] = path.resolve()
    raw["version"] = _digest(hashed + raw.pop("_rubric_files", []))
    try:
        task = TaskSpec.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        raise SpecError(path, _field_name(first["loc"]), _problem(first)) from None
    _check_references(path, task, base)
    return task


# --------------------------------------------------------------------------- helpers


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(path, "", "file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SpecError(path, "", f"cannot read: {error}") from None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SpecError(path, "", f"invalid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise SpecError(path, "", "a task spec must be a YAML mapping of fields")
    return data


def _apply_rubric(path: Path, raw: dict[str, Any]) -> dict[str, Any]:
    rubric_value = raw.pop("rubric")
    if not isinstance(rubric_value, str):
        raise SpecError(path, "rubric", "must be a path to a rubric YAML file")
    rubric_path = (path.parent / rubric_value).resolve()
    if not rubric_path.is_file():
        raise SpecError(path, "rubric", f"file not found: {rubric_value}")
    rubric = _read_yaml(rubric_path)
    merged = dict(rubric)
    for key, value in raw.items():
        if key == "requirements":
            merged[key] = _merge_requirements(path, rubric.get("requirements", []), value)
        elif key in ("params", "scoring", "limits") and isinstance(value, dict):
            merged[key] = {**rubric.get(key, {}), **value}
        elif key == "rules" and isinstance(value, list):
            merged[key] = list(rubric.get("rules", [])) + value
        else:
            merged[key] = value
    merged["_rubric_files"] = [rubric_path]
    return merged


def _merge_requirements(path: Path, base: Any, overlay: Any) -> list[Any]:
    if not isinstance(base, list) or not isinstance(overlay, list):
        raise SpecError(path, "requirements", "must be a list")
    merged = [dict(item) if isinstance(item, dict) else item for item in base]
    index = {item.get("id"): i for i, item in enumerate(merged) if isinstance(item, dict)}
    for item in overlay:
        if isinstance(item, dict) and item.get("id") in index:
            merged[index[item["id"]]] = {**merged[index[item["id"]]], **item}
        else:
            merged.append(item)
    return merged


def _default_binding_requirements(raw: dict[str, Any]) -> None:
    """A rule listed under a requirement evidences that requirement unless it says otherwise."""
    requirements = raw.get("requirements")
    if not isinstance(requirements, list):
        return
    for requirement in requirements:
        if isinstance(requirement, dict) and isinstance(requirement.get("rules"), list):
            requirement["rules"] = [
                {"requirement": requirement.get("id"), **binding}
                if isinstance(binding, dict)
                else binding
                for binding in requirement["rules"]
            ]


def _check_language(path: Path, raw: dict[str, Any]) -> None:
    language = raw.get("language")
    if language is not None and (not isinstance(language, str) or language not in LANGUAGES):
        known = ", ".join(LANGUAGES)
        raise SpecError(path, "language", f"unknown language {language!r} (known: {known})")


def _resolve_paths(path: Path, field: str, value: Any) -> list[Path]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SpecError(path, field, "must be a file path or a list of file paths")
    resolved = []
    for i, item in enumerate(value):
        target = (path.parent / item).resolve()
        if not target.is_file():
            name = field if field == "reference" else f"{field}[{i}]"
            raise SpecError(path, name, f"file not found: {item}")
        resolved.append(target)
    return resolved


def _check_references(path: Path, task: TaskSpec, base: Path) -> None:
    ids = [requirement.id for requirement in task.requirements]
    for i, requirement_id in enumerate(ids):
        if requirement_id in ids[:i]:
            raise SpecError(
                path, f"requirements[{i}].id", f"duplicate requirement id {requirement_id!r}"
            )
    if not task.requirements:
        raise SpecError(path, "requirements", "at least one requirement is needed")
    bindings = [(f"rules[{i}]", b) for i, b in enumerate(task.rules)]
    for r, requirement in enumerate(task.requirements):
        bindings += [(f"requirements[{r}].rules[{i}]", b) for i, b in enumerate(requirement.rules)]
    from grader.rules import rule_exists  # here: the rule engine imports task types

    for field, binding in bindings:
        if binding.requirement is not None and binding.requirement not in ids:
            raise SpecError(path, field, f"names unknown requirement {binding.requirement!r}")
        if not rule_exists(binding.rule, [base / "rules"]):
            raise SpecError(path, f"{field}.rule", f"rule not found: {binding.rule!r}")


def _field_name(loc: Sequence[int | str]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            # a key that is not a plain name (one holding a newline) is shown quoted
            text = str(part) if str(part).isprintable() else repr(str(part))
            name += f".{text}" if name else text
    return name or "(top level)"


def _problem(error: Any) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    return str(error.get("msg", "invalid value"))


def _digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for item in paths:
        digest.update(Path(item).read_bytes())
    return digest.hexdigest()[:16]
