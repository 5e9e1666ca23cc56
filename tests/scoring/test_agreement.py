"""``grade agreement LABELS RUN_DIR``: figures on a hand-made run and labels, and bad labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from grader.agreement import cohen_kappa
from grader.cli import grade
from grader.store import RunStore
from grader.types import RequirementVerdict, SampleResult

TASK = "user-flags/python"

# sample -> (passed, {requirement: status}) as the grader judged it
GRADED: dict[int, tuple[bool, dict[str, str]]] = {
    0: (False, {"a": "unmet", "b": "met", "c": "unmet"}),
    1: (True, {"a": "met", "b": "met", "c": "met"}),
    2: (False, {"a": "partial", "b": "unmet", "c": "met"}),  # no label
}

# What a person wrote: sample 1 leaves c out, sample 5 has no result.
LABELS: list[dict[str, Any]] = [
    {
        "task": TASK,
        "sample": 0,
        "passed": False,
        "requirements": {"a": "unmet", "b": "partial", "c": "partial"},
        "notes": ["no validation"],
    },
    {"task": TASK, "sample": 1, "passed": False, "requirements": {"a": "met", "b": "met"}},
    {"task": TASK, "sample": 5, "passed": True},
]


def make_run(path: Path, models: tuple[str, ...] = ("m",)) -> Path:
    store = RunStore.create(path, {"id": "r", "models": [{"name": m} for m in models]})
    for model in models:
        for sample, (passed, statuses) in GRADED.items():
            store.append(
                SampleResult(
                    task=TASK,
                    language="python",
                    score=100.0 if passed else 0.0,
                    passed=passed,
                    sample=sample,
                    model=model,
                    completion="",
                    requirements=[
                        RequirementVerdict(
                            id=rid,
                            met=status == "met",
                            status=status,  # type: ignore[arg-type]
                            credit={"met": 1.0, "partial": 0.5, "unmet": 0.0}[status],
                            weight=1,
                        )
                        for rid, status in statuses.items()
                    ],
                )
            )
    return path


def write_yaml(path: Path, entries: list[Any]) -> Path:
    path.write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    return path


def run_json(*args: str) -> dict[str, Any]:
    outcome = CliRunner().invoke(grade, ["agreement", *args, "--json"])
    assert outcome.exit_code == 0, outcome.output
    return json.loads(outcome.output)


def test_figures_on_a_hand_made_run(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    report = run_json(str(write_yaml(tmp_path / "labels.yaml", LABELS)), str(run))
    assert report["samples"] == {
        "matched": 2,
        "labels_without_result": 1,
        "results_without_label": 1,
        "unmatched_labels": [{"task": TASK, "sample": 5}],
        "unlabelled_results": [{"task": TASK, "sample": 2}],
    }
    reqs = report["requirements"]
    # pairs (label, grader): (unmet, unmet) (partial, met) (partial, unmet) (met, met) (met, met)
    assert reqs["pairs"] == 5 and reqs["unlabelled"] == 1
    assert reqs["binary"]["agree"] == 4 and reqs["binary"]["rate"] == pytest.approx(0.8)
    # chance agreement 0.4 * 0.6 + 0.6 * 0.4 = 0.48
    assert reqs["binary"]["kappa"] == pytest.approx((0.8 - 0.48) / 0.52)
    assert reqs["three_way"]["agree"] == 3 and reqs["three_way"]["rate"] == pytest.approx(0.6)
    # chance agreement 0.4 * 0.6 (met) + 0.4 * 0 (partial) + 0.2 * 0.4 (unmet) = 0.32
    assert reqs["three_way"]["kappa"] == pytest.approx((0.6 - 0.32) / 0.68)
    assert reqs["confusion"] == {
        "met": {"met": 2, "partial": 0, "unmet": 0},
        "partial": {"met": 1, "partial": 0, "unmet": 1},
        "unmet": {"met": 0, "partial": 0, "unmet": 1},
    }
    assert reqs["by_requirement"]["a"] == {
        "pairs": 2,
        "binary": {"agree": 2, "rate": 1.0, "kappa": 1.0},
        "three_way": {"agree": 2, "rate": 1.0, "kappa": 1.0},
    }
    assert reqs["by_requirement"]["b"]["binary"]["rate"] == pytest.approx(0.5)
    assert reqs["by_requirement"]["c"]["binary"]["rate"] == 1.0
    assert reqs["by_requirement"]["c"]["three_way"]["rate"] == 0.0
    passes = report["pass"]
    assert (passes["pairs"], passes["agree"], passes["rate"]) == (2, 1, 0.5)
    assert passes["kappa"] == pytest.approx(0.0)
    assert passes["confusion"] == {
        "passed": {"passed": 0, "failed": 0},
        "failed": {"passed": 1, "failed": 1},
    }
    assert report["disagreements"]["pass"] == [
        {"task": TASK, "sample": 1, "label": False, "grader": True}
    ]
    assert [(d["sample"], d["requirement"]) for d in report["disagreements"]["requirements"]] == [
        (0, "b"),
        (0, "c"),
    ]


def test_json_keys_are_stable(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    report = run_json(str(write_yaml(tmp_path / "labels.yaml", LABELS)), str(run))
    assert list(report) == [
        "labels",
        "run",
        "model",
        "samples",
        "requirements",
        "pass",
        "disagreements",
    ]
    assert list(report["requirements"]) == [
        "pairs",
        "unlabelled",
        "binary",
        "three_way",
        "confusion",
        "by_requirement",
    ]
    assert list(report["pass"]) == ["pairs", "agree", "rate", "kappa", "confusion"]
    assert list(report["requirements"]["binary"]) == ["agree", "rate", "kappa"]


def test_jsonl_labels_give_the_same_figures(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    jsonl = tmp_path / "labels.jsonl"
    jsonl.write_text("\n".join(json.dumps(e) for e in LABELS) + "\n\n", encoding="utf-8")
    from_yaml = run_json(str(write_yaml(tmp_path / "labels.yaml", LABELS)), str(run))
    from_jsonl = run_json(str(jsonl), str(run))
    for key in ("samples", "requirements", "pass", "disagreements"):
        assert from_jsonl[key] == from_yaml[key]


def test_tables_are_printed(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    labels = write_yaml(tmp_path / "labels.yaml", LABELS)
    outcome = CliRunner().invoke(grade, ["agreement", str(labels), str(run)])
    assert outcome.exit_code == 0, outcome.output
    out = outcome.output
    assert "2 samples matched, 1 labels without a result, 1 results without a label" in out
    assert "80.0%" in out and "60.0%" in out and "0.62" in out and "0.41" in out
    assert "label \\ grader" in out and f"{TASK}#5" in out


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            {"task": TASK, "sample": 0, "requirements": {"a": "maybe"}},
            "entry 2 (line 7): requirements.a: Input should be 'met', 'partial' or 'unmet'",
        ),
        ({"task": TASK, "sample": "zero"}, "entry 2 (line 7): sample:"),
        ({"task": TASK, "sample": 0, "passed": "no"}, "entry 2 (line 7): passed:"),
        ({"task": TASK, "sample": 0, "verdict": "ok"}, "entry 2 (line 7): verdict:"),
        (["not", "a", "mapping"], "entry 2 (line 7): not a mapping"),
        (
            {"task": TASK, "sample": 0, "requirements": {"a": "met", "z": "met"}},
            "entry 2 (line 7): user-flags/python sample 0: unknown requirement 'z' "
            "(the grader's: a, b, c)",
        ),
        (
            {"task": TASK, "sample": 1},
            "entry 2 (line 7): user-flags/python sample 1 is labelled twice",
        ),
    ],
)
def test_a_bad_entry_is_refused_with_its_position(tmp_path: Path, entry: Any, message: str) -> None:
    run = make_run(tmp_path / "run")
    labels = write_yaml(tmp_path / "labels.yaml", [LABELS[1], entry])
    outcome = CliRunner().invoke(grade, ["agreement", str(labels), str(run), "--json"])
    assert outcome.exit_code == 2
    assert message in outcome.output
    assert "Traceback" not in outcome.output and len(outcome.output.splitlines()) == 1


def test_bad_files_are_refused(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run")
    jsonl = tmp_path / "labels.jsonl"
    jsonl.write_text(json.dumps(LABELS[0]) + "\n{oops\n", encoding="utf-8")
    mapping = tmp_path / "labels.yaml"
    mapping.write_text("task: x\nsample: 0\n", encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {task: x\n", encoding="utf-8")
    for path, message in (
        (jsonl, "labels.jsonl: line 2: invalid JSON"),
        (mapping, "expected a list of label entries, got dict"),
        (broken, "invalid YAML"),
    ):
        outcome = CliRunner().invoke(grade, ["agreement", str(path), str(run)])
        assert outcome.exit_code == 2 and message in outcome.output, outcome.output


def test_several_models_need_a_choice(tmp_path: Path) -> None:
    run = make_run(tmp_path / "run", models=("m", "n"))
    labels = write_yaml(tmp_path / "labels.yaml", LABELS)
    outcome = CliRunner().invoke(grade, ["agreement", str(labels), str(run)])
    assert outcome.exit_code == 2 and "several models (m, n)" in outcome.output
    report = run_json(str(labels), str(run), "--model", "n")
    assert report["model"] == "n" and report["samples"]["matched"] == 2
    assert report["requirements"]["three_way"]["agree"] == 3
    named = write_yaml(tmp_path / "named.yaml", [{**e, "model": "m"} for e in LABELS])
    assert run_json(str(named), str(run))["samples"]["results_without_label"] == 4


def test_kappa() -> None:
    assert cohen_kappa([]) is None
    assert cohen_kappa([("met", "met"), ("met", "met")]) is None  # chance agreement is 1
    assert cohen_kappa([(True, True), (False, False)]) == 1.0
    assert cohen_kappa([(True, False), (False, True)]) == pytest.approx(-1.0)
