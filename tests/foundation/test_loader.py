"""Task specs: the reference task loads, every malformed spec gives one clear line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grader.errors import SpecError
from grader.tasks import load_task, load_tasks


def test_reference_task_loads_with_its_rubric(user_flags_spec: Path) -> None:
    task = load_task(user_flags_spec)
    assert task.id == "user-flags/python"
    assert task.language == "python"
    assert task.entry_point == "update_user_flags"
    ids = [r.id for r in task.requirements]
    assert "parameter-validation" in ids and "flag-code-not-in-catch" in ids
    validation = task.requirements[ids.index("parameter-validation")]
    codes = [b.params.get("code") for b in validation.rules if b.rule == "validation-branch"]
    assert codes == [50001, 50002, 50003]
    assert all(b.requirement == "parameter-validation" for b in validation.rules)
    assert task.params["flags"] == ["ActiveFlag", "SystemDeleteFlag"]
    assert task.reference is not None and task.reference.is_file()
    assert all(p.is_absolute() and p.is_file() for p in task.tests)
    assert len(task.version) == 16


def test_version_changes_when_a_named_file_changes(tmp_path: Path, user_flags_spec: Path) -> None:
    folder = _copy_task(tmp_path, user_flags_spec)
    before = load_task(folder / "python.yaml").version
    (folder / "python" / "test_user_flags.py").write_text("def test_x():\n    assert True\n")
    assert load_task(folder / "python.yaml").version != before


def _copy_task(tmp_path: Path, spec: Path) -> Path:
    """A copy of the reference task (and its rubric) that a test may break."""
    folder = tmp_path / "tasks" / "user-flags"
    shutil.copytree(spec.parent / "python", folder / "python")
    shutil.copy(spec, folder / "python.yaml")
    rubrics = tmp_path / "rubrics"
    rubrics.mkdir()
    shutil.copy(spec.parents[2] / "rubrics" / "user-flags.yaml", rubrics / "user-flags.yaml")
    return folder


def _spec_dict(spec: Path) -> dict:
    return yaml.safe_load(spec.read_text())


BROKEN = {
    "bad YAML": ("id: [unclosed\n", "", "invalid YAML at line"),
    "missing field": ("__drop__:entry_point", "entry_point", "required field is missing"),
    "unknown language": ("language:rust", "language", "unknown language 'rust'"),
    "test file not found": ("tests:[python/nope.py]", "tests[0]", "file not found: python/nope.py"),
    "reference not found": ("reference:python/gone.py", "reference", "file not found"),
    "unknown field": ("colour:blue", "colour", "unknown field"),
    "rubric not found": ("rubric:../../rubrics/none.yaml", "rubric", "file not found"),
    "not a mapping": ("- just\n- a list\n", "", "must be a YAML mapping"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_spec_names_file_and_field(
    tmp_path: Path, user_flags_spec: Path, case: str
) -> None:
    change, field, problem = BROKEN[case]
    folder = _copy_task(tmp_path, user_flags_spec)
    spec = folder / "python.yaml"
    if change.startswith("__drop__:"):
        data = _spec_dict(spec)
        data.pop(change.split(":", 1)[1])
        spec.write_text(yaml.safe_dump(data))
    elif ":" in change and not change.startswith(("id: [", "- ")):
        key, value = change.split(":", 1)
        data = _spec_dict(spec)
        data[key] = yaml.safe_load(value)
        spec.write_text(yaml.safe_dump(data))
    else:
        spec.write_text(change)
    with pytest.raises(SpecError) as raised:
        load_task(spec)
    message = str(raised.value)
    assert message.startswith(str(spec)), message
    assert problem in message
    assert raised.value.field == field
    assert "\n" not in message


def test_duplicate_id_reported_and_the_rest_still_load(
    tmp_path: Path, user_flags_spec: Path
) -> None:
    folder = _copy_task(tmp_path, user_flags_spec)
    shutil.copy(folder / "python.yaml", folder / "python-copy.yaml")
    (folder / "broken.yaml").write_text("id: x\nlanguage: cobol\n")
    tasks, errors = load_tasks([folder])
    assert [t.id for t in tasks] == ["user-flags/python"]
    messages = sorted(str(e) for e in errors)
    assert any(
        "duplicate id 'user-flags/python'" in m and "python-copy.yaml" in m for m in messages
    )
    assert any("broken.yaml: language: unknown language 'cobol'" in m for m in messages)


def test_unknown_requirement_in_binding(tmp_path: Path, user_flags_spec: Path) -> None:
    folder = _copy_task(tmp_path, user_flags_spec)
    data = _spec_dict(folder / "python.yaml")
    data["rules"] = [{"rule": "catch-all-swallow", "requirement": "no-such-requirement"}]
    (folder / "python.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(SpecError, match="unknown requirement 'no-such-requirement'"):
        load_task(folder / "python.yaml")


def test_lint_cli_one_line_per_problem_exit_2(tmp_path: Path, user_flags_spec: Path) -> None:
    from grader.cli import grade

    folder = _copy_task(tmp_path, user_flags_spec)
    (folder / "bad.yaml").write_text("id: [\n")
    result = CliRunner().invoke(grade, ["tasks", "lint", str(folder)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "bad.yaml: invalid YAML" in result.output
    assert "1 of 2 specs ok" in result.output


def test_lint_warns_of_a_template_that_names_a_cause_no_rule_of_it_finds(
    tmp_path: Path, user_flags_spec: Path
) -> None:
    from grader.cli import grade

    folder = _copy_task(tmp_path, user_flags_spec)
    rubric = tmp_path / "rubrics" / "user-flags.yaml"
    data = yaml.safe_load(rubric.read_text())
    success = next(r for r in data["requirements"] if r["id"] == "success")
    assert not success.get("rules")  # tests only: its template would be a guess
    success["notes"]["unmet"] = "Used || for the flags, so a 0 flag became 1."
    rubric.write_text(yaml.safe_dump(data, sort_keys=False))
    result = CliRunner().invoke(grade, ["tasks", "lint", str(folder)])
    assert result.exit_code == 0, result.output
    assert "requirement success: notes.unmet names 'Used'" in result.output
    assert "1 of 1 specs ok, 1 warnings" in result.output
    strict = CliRunner().invoke(grade, ["tasks", "lint", "--strict", str(folder)])
    assert strict.exit_code == 2


def test_lint_cli_accepts_the_reference_task(user_flags_spec: Path) -> None:
    from grader.cli import grade

    result = CliRunner().invoke(grade, ["tasks", "lint", str(user_flags_spec)])
    assert result.exit_code == 0, result.output


# A value of any YAML-ish shape, to put where a field should be.
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
FIELDS = [
    "id",
    "language",
    "title",
    "prompt",
    "entry_point",
    "requirements",
    "tests",
    "reference",
    "limits",
    "scoring",
    "params",
    "rules",
    "rubric",
    "solution_file",
    "tags",
]


@example(field="limits", value={"\n": None}, drop=False)  # a key holding a newline
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(field=st.sampled_from(FIELDS), value=yaml_values, drop=st.booleans())
def test_loader_property_any_mutation_loads_or_gives_one_spec_error(
    tmp_path_factory: pytest.TempPathFactory, field: str, value: object, drop: bool
) -> None:
    """Whatever one field holds, the loader returns a spec or raises SpecError naming the file."""
    source = Path(__file__).resolve().parents[2] / "tasks" / "user-flags" / "python.yaml"
    folder = _copy_task(tmp_path_factory.mktemp("spec"), source)
    spec = folder / "python.yaml"
    data = _spec_dict(spec)
    if drop:
        data.pop(field, None)
    else:
        data[field] = value
    spec.write_text(yaml.safe_dump(data))
    try:
        task = load_task(spec)
    except SpecError as error:
        assert str(error).startswith(str(spec))
        assert "\n" not in str(error)
    else:
        assert task.id and task.requirements
