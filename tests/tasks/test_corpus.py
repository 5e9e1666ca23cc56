"""The task corpus: every spec loads, every reference passes its tests, every wrong one fails.

The fast tests read the files; ``test_solution_verdict`` runs every solution of every task
through the real sandbox (marked slow: about a minute on 2 cores).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from grader.tasks import load_tasks
from grader.tasks.advice import named_tests, shared_tests
from grader.languages import LANGUAGES
from grader.types import TaskSpec, TestJob, TestRun

REPO = Path(__file__).resolve().parents[2]
TASKS_DIR = REPO / "tasks"

def corpus() -> list[TaskSpec]:
    tasks, errors = load_tasks([TASKS_DIR])
    if errors:
        raise AssertionError("\n".join(str(error) for error in errors))
    return tasks


def solutions(task: TaskSpec) -> list[Path]:
    """The reference, then every ``wrong-*`` and ``partial-*`` file beside it."""
    assert task.reference is not None
    folder = task.reference.parent
    suffix = task.reference.suffix
    return [
        task.reference,
        *sorted(folder.glob(f"wrong-*{suffix}")),
        *sorted(folder.glob(f"partial-*{suffix}")),
    ]


def normalized(text: str) -> str:
    """Letters and digits only, lower case: how requirement test patterns are matched."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def job(task: TaskSpec, solution: Path) -> TestJob:
    return TestJob(
        task_id=task.id,
        language=task.language,
        code=solution.read_text(encoding="utf-8"),
        entry_point=task.entry_point,
        test_files=task.tests,
        support_files=task.support_files,
        solution_file=task.solution_file,
        timeout_s=max(task.limits.time_s, 60.0),  # generous: the corpus run shares 2 cores
        memory_mb=task.limits.memory_mb,
    )

TASKS = corpus()
BY_ID = {task.id: task for task in TASKS}
REFERENCE_LANGUAGES = ("python", "javascript", "typescript", "java", "csharp", "go")


def test_every_spec_loads_without_errors() -> None:
    tasks, errors = load_tasks(["tasks"] if Path("tasks").is_dir() else [TASKS_DIR])
    assert errors == []
    assert len(tasks) == len(TASKS) >= 26


def test_reference_task_in_every_language() -> None:
    found = {task.language: task for task in TASKS if task.id.startswith("user-flags/")}
    assert set(found) == set(REFERENCE_LANGUAGES)
    python = found["python"]
    for language, task in found.items():
        assert task.id == f"user-flags/{language}"
        assert [r.id for r in task.requirements][:6] == [r.id for r in python.requirements][:6]
        assert task.params["validation_codes"] == [50001, 50002, 50003]
        assert task.source is not None
        wrong_seed = task.source.parent / language / f"wrong-seed{task.reference.suffix}"
        assert wrong_seed.is_file(), f"{task.id} has no wrong-seed solution"
    assert found["csharp"].params["repo_calls"] == ["Find", "Save"]
    assert found["go"].params["repo_calls"] == ["Find", "Save"]
    assert found["java"].params["repo_calls"] == ["find", "save"]


def test_corpus_spread_over_languages() -> None:
    others = [task for task in TASKS if not task.id.startswith("user-flags/")]
    counts = Counter(task.language for task in others)
    assert len(others) >= 20
    assert counts["python"] >= 8
    for language in LANGUAGES:
        assert counts[language] >= 2, f"only {counts[language]} {language} tasks besides user-flags"


@pytest.mark.parametrize("task_id", sorted(BY_ID))
def test_task_layout(task_id: str) -> None:
    task = BY_ID[task_id]
    assert task.reference is not None and task.reference.is_file()
    found = solutions(task)
    wrong = [path for path in found if path.name.startswith("wrong-")]
    assert len(wrong) >= 2, f"{task_id}: needs at least two wrong-* solutions"
    assert task.tests, f"{task_id}: no test files"
    assert all(path.is_file() for path in task.support_files)
    for requirement in task.requirements:
        assert requirement.notes.unmet.strip(), f"{task_id}: {requirement.id} has no unmet note"


@pytest.mark.parametrize("task_id", sorted(BY_ID))
def test_requirement_patterns_name_real_tests(task_id: str) -> None:
    """Each requirement's test patterns match at least one test case the files define."""
    task = BY_ID[task_id]
    names = [normalized(name) for name in named_tests(task)]
    assert names, f"{task_id}: found no test names in {[p.name for p in task.tests]}"
    for requirement in task.requirements:
        for pattern in requirement.tests:
            assert any(normalized(pattern) in name for name in names), (
                f"{task_id}: requirement {requirement.id!r} names tests {pattern!r}, which matches no test"
            )


@pytest.mark.parametrize("task_id", sorted(BY_ID))
def test_each_test_evidences_one_requirement(task_id: str) -> None:
    """No test is matched by two requirements' different patterns: one bug, one requirement."""
    assert shared_tests(BY_ID[task_id]) == []


def test_a_pattern_that_also_matches_another_requirements_tests_is_reported() -> None:
    task = BY_ID["paginate-items/python"]
    validation = next(r for r in task.requirements if r.id == "page-validation")
    loose = validation.model_copy(update={"tests": ["invalid page"]})
    changed = task.model_copy(
        update={"requirements": [loose if r is validation else r for r in task.requirements]}
    )
    found = shared_tests(changed)
    assert found and "test_invalid_page_size_returns_40002" in found[0], found


# --------------------------------------------------------------------------- running the solutions


SOLUTIONS = [(task.id, path) for task in TASKS for path in solutions(task)]


@cache
def _runs() -> dict[tuple[str, Path], TestRun]:
    """Every solution of the corpus through ``run_many``, once per session."""
    from grader.sandbox import run_many

    keys = list(SOLUTIONS)
    results = run_many([job(BY_ID[task_id], path) for task_id, path in keys], workers=2)
    return dict(zip(keys, results, strict=True))


def _sandbox_or_skip() -> None:
    try:
        from grader.sandbox import sandbox_status
    except ImportError as error:
        pytest.skip(f"grader.sandbox is not importable: {error}")
    usable, reason = sandbox_status()
    if not usable:
        pytest.skip(f"the sandbox cannot run here: {reason}")


def _runner_or_skip(language: str, run: TestRun) -> None:
    """Skip when the language's runner itself cannot work here (not when the code is bad)."""
    if run.status == "sandbox_error":
        pytest.skip(f"the {language} runner is not usable here: {run.note}")


def _passed_all(run: TestRun) -> bool:
    return run.status == "ok" and run.passed > 0 and run.failed == 0 and run.errors == 0


def _describe(run: TestRun) -> str:
    failing = [f"{case.name}: {case.message[:160]}" for case in run.cases if case.outcome in ("failed", "error")]
    return f"status={run.status} passed={run.passed} failed={run.failed} errors={run.errors} {run.note}\n" + "\n".join(
        failing[:8]
    ) + f"\n{run.output[-1500:]}"


@pytest.mark.shared_cache  # runs TypeScript and Go: the set-up tooling
@pytest.mark.slow
@pytest.mark.parametrize(("task_id", "solution"), SOLUTIONS, ids=[f"{t}:{p.name}" for t, p in SOLUTIONS])
def test_solution_verdict(task_id: str, solution: Path) -> None:
    _sandbox_or_skip()
    task = BY_ID[task_id]
    run = _runs()[(task_id, solution)]
    _runner_or_skip(task.language, run)
    if solution == task.reference:
        assert _passed_all(run), f"{task_id}: the reference does not pass\n{_describe(run)}"
        names = [normalized(case.name) for case in run.cases]
        for requirement in task.requirements:
            for pattern in requirement.tests:
                assert any(normalized(pattern) in name for name in names), (
                    f"{task_id}: {requirement.id!r} pattern {pattern!r} matches no test case the runner reported"
                )
    else:
        assert not _passed_all(run), f"{task_id}: {solution.name} passes every test"
        assert run.status in ("ok", "compile_error", "timeout"), _describe(run)


def test_reference_task_quick_check() -> None:
    """Not slow: the Python reference passes and the seed's solution fails (one small batch)."""
    _sandbox_or_skip()
    from grader.sandbox import run_many

    task = BY_ID["user-flags/python"]
    seed = task.reference.parent / "wrong-seed.py"
    reference_run, seed_run = run_many([job(task, task.reference), job(task, seed)], workers=2)
    _runner_or_skip("python", reference_run)
    assert _passed_all(reference_run), _describe(reference_run)
    assert not _passed_all(seed_run)
    failed = {normalized(case.name) for case in seed_run.cases if case.outcome != "passed"}
    assert any("missinguserid" in name for name in failed)


def test_repo_root_is_the_checkout() -> None:
    assert (REPO / "pyproject.toml").is_file() and TASKS_DIR.is_dir()


# --------------------------------------------------------------------------- static rules


def _bindings(task: TaskSpec) -> list:
    return list(task.rules) + [binding for requirement in task.requirements for binding in requirement.rules]


RULED = sorted(task.id for task in TASKS if _bindings(task))


@pytest.mark.parametrize("task_id", RULED)
def test_reference_passes_its_static_rules(task_id: str) -> None:
    rules = pytest.importorskip("grader.rules", reason="the rule engine is not importable")
    task = BY_ID[task_id]
    assert task.reference is not None and task.source is not None
    checks = rules.check_code(
        task.reference.read_text(encoding="utf-8"), task.language, _bindings(task), task.params,
        [task.source.parent / "rules"],
    )
    failing = [f"{check.rule} {check.params}" for check in checks if check.applicable and not check.passed]
    assert failing == [], f"{task_id}: the reference fails its own rules"


@pytest.mark.parametrize("language", REFERENCE_LANGUAGES)
def test_seed_solution_fails_the_validation_rules(language: str) -> None:
    """The seed's mistake (no validation, 50003 from the catch) is caught statically in every language."""
    rules = pytest.importorskip("grader.rules", reason="the rule engine is not importable")
    task = BY_ID[f"user-flags/{language}"]
    assert task.reference is not None
    seed = task.reference.parent / f"wrong-seed{task.reference.suffix}"
    checks = rules.check_code(seed.read_text(encoding="utf-8"), language, _bindings(task), task.params)
    failed = {(check.rule, str(check.params.get("code", check.params.get("codes")))) for check in checks if not check.passed}
    assert ("validation-branch", "50001") in failed
    assert ("validation-code-in-catch", "[50003]") in failed
