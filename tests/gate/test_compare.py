from __future__ import annotations

import json
from pathlib import Path

from gate_runs import CATCH_NOTE, TASK, VALIDATION_NOTE, MakeRun, bad, good, requirement

from grader.gate import (
    GateConfig,
    compare_runs,
    load_snapshot,
    note_key,
    save_baseline,
    wilson_upper,
)
from grader.gate._compare import rate_dropped
from grader.gate._config import PassRate
from grader.types import Finding, Gaming, Note


def verdict(
    make_run: MakeRun, baseline: list, current: list, config: GateConfig | None = None, **run
):
    base = load_snapshot(make_run("base", baseline))
    now = load_snapshot(make_run("now", current, **run))
    return compare_runs(now, base, config or GateConfig())


def test_a_run_against_itself_passes(make_run: MakeRun) -> None:
    path = make_run("run", [good(), bad(task="other/python")])
    result = compare_runs(load_snapshot(path), load_snapshot(path), GateConfig())
    assert result.ok and result.exit_code == 0
    assert result.failures == [] and result.warnings == []
    assert [c.status for c in result.comparisons] == ["compared", "compared"]


def test_the_seed_mistakes_regress_and_name_task_and_requirement(make_run: MakeRun) -> None:
    result = verdict(make_run, [good()], [bad()])
    assert result.exit_code == 1
    kinds = {(i.kind, i.requirement) for i in result.failures}
    assert ("pass_rate", None) in kinds and ("score", None) in kinds
    assert ("requirement", "parameter-validation") in kinds
    assert ("requirement", "flag-code-not-in-catch") in kinds
    assert all(i.task == TASK and i.model == "model-a" for i in result.failures)
    text = result.summary()
    assert "requirement parameter-validation newly unmet" in text
    assert "gate FAILED" in text and TASK in text


def test_new_notes_carry_severity_from_gating_requirements_and_findings(make_run: MakeRun) -> None:
    notes = {n.text: n for n in load_snapshot(make_run("run", [bad()])).entries[0].notes}
    # matched to the spec's note templates: a gating requirement's note is an error ...
    assert (notes[VALIDATION_NOTE].severity, notes[VALIDATION_NOTE].requirement) == (
        "error",
        "parameter-validation",
    )
    # ... and a plain requirement's note takes its findings' worst severity (an error here)
    assert (notes[CATCH_NOTE].severity, notes[CATCH_NOTE].requirement) == (
        "error",
        "flag-code-not-in-catch",
    )


def test_a_note_nothing_ties_to_a_requirement_is_a_warning(make_run: MakeRun) -> None:
    entry = load_snapshot(make_run("run", [bad()], with_specs=False)).entries[0]
    assert {n.severity for n in entry.notes} == {
        "warning"
    }  # two unmet requirements, no spec to tell
    one_unmet = bad(
        requirements=[requirement("parameter-validation", False, gating=True)],
        notes=["Something odd."],
    )
    entry = load_snapshot(make_run("one", [one_unmet], with_specs=False)).entries[0]
    assert (entry.notes[0].severity, entry.notes[0].requirement) == (
        "error",
        "parameter-validation",
    )


def test_a_warning_note_fails_only_when_the_gate_asks_for_warnings(make_run: MakeRun) -> None:
    note = "Caught every exception (line 6) and returned a code without the error's text."
    swallow = Finding(rule="catch-all-swallow", severity="warning", line=6, column=5, message=note)
    now = good(notes=[note], findings=[swallow])  # a general warning; the sample still passes
    assert verdict(make_run, [good()], [now]).ok
    strict = GateConfig.model_validate({"new_notes": {"severity": "warning"}})
    failed = verdict(make_run, [good()], [now], strict).failures
    assert [i.kind for i in failed] == ["note"] and "Caught every exception" in failed[0].message
    gating = bad().findings[2]  # a warning finding of a gating requirement counts as an error
    assert not verdict(make_run, [good()], [good(notes=[gating.message], findings=[gating])]).ok


def test_line_numbers_do_not_make_a_note_new() -> None:
    assert note_key("Assigned ActiveFlag (line 4) without checking.") == note_key(
        "assigned activeflag (line 9) without checking"
    )
    assert note_key("error code 50001") != note_key("error code 50003")


# --------------------------------------------------------------------------- notes as values

SWALLOW = "Caught every exception (line {}) and returned a code without the error's text."


def swallowed(line: int) -> Note:
    return Note(
        text=SWALLOW.format(line),
        kind="finding",
        rule="catch-all-swallow",
        severity="error",
        lines=[line],
    )


def test_a_note_is_new_when_its_id_is(make_run: MakeRun) -> None:
    """Notes from scoring carry their id, severity and requirement: no spec is read."""
    same = verdict(
        make_run,
        [good(note_details=[swallowed(6)])],
        [good(note_details=[swallowed(9)])],  # other lines, the same note
        with_specs=False,
    )
    assert same.ok, same.summary()
    validation = Note(
        text=VALIDATION_NOTE,
        kind="requirement",
        requirement="parameter-validation",
        severity="error",
    )
    new = verdict(
        make_run,
        [good(note_details=[swallowed(6)])],
        [good(note_details=[swallowed(9), validation])],
        with_specs=False,
    )
    (issue,) = [i for i in new.failures if i.kind == "note"]
    assert issue.requirement == "parameter-validation" and VALIDATION_NOTE in issue.message
    # the same words about another requirement are another note
    other = Note(
        text=VALIDATION_NOTE, kind="requirement", requirement="user-not-found", severity="error"
    )
    assert other.id != validation.id
    assert not verdict(make_run, [good(note_details=[validation])], [good(note_details=[other])]).ok


def test_the_severity_scoring_gave_a_note_wins_over_the_spec_templates(make_run: MakeRun) -> None:
    # the text matches the gating requirement's template; the note itself says info
    quiet = Note(text=VALIDATION_NOTE, kind="requirement", severity="info")
    stat = load_snapshot(make_run("run", [good(note_details=[quiet])])).entries[0].notes[0]
    assert (stat.severity, stat.requirement, stat.id) == ("info", None, quiet.id)
    assert verdict(make_run, [good()], [good(note_details=[quiet])]).ok


def test_notes_of_an_old_results_file_are_matched_by_their_text(make_run: MakeRun) -> None:
    """A baseline whose notes were bare sentences: the same sentence (line numbers aside) is
    no new note, and its severity comes from the spec's templates as before."""
    old = good(notes=[SWALLOW.format(6)], findings=[])
    assert old.note_details[0].bare
    assert verdict(make_run, [old], [good(note_details=[swallowed(9)])]).ok
    entry = load_snapshot(make_run("old", [bad()])).entries[0]
    assert [n.id for n in entry.notes] == [None, None]
    assert {n.requirement for n in entry.notes} == {
        "parameter-validation",
        "flag-code-not-in-catch",
    }
    now = bad(notes=[SWALLOW.format(9)], note_details=[swallowed(9)])
    result = verdict(make_run, [bad()], [now])
    assert [i.kind for i in result.failures] == ["note"], result.summary()


def test_a_baseline_file_keeps_note_ids_and_an_old_one_is_matched_by_text(
    make_run: MakeRun, tmp_path: Path
) -> None:
    run = make_run("run", [good(note_details=[swallowed(6)])])
    saved = save_baseline(run, tmp_path / "baseline.json")
    assert load_snapshot(saved).entries[0].notes[0].id == swallowed(6).id
    data = json.loads(saved.read_text())
    for note in data["entries"][0]["notes"]:
        del note["id"]  # as written before notes had ids
    saved.write_text(json.dumps(data))
    now = load_snapshot(make_run("now", [good(note_details=[swallowed(9)])]))
    assert compare_runs(now, load_snapshot(saved), GateConfig()).ok


def test_wilson_bound_and_single_samples() -> None:
    assert abs(wilson_upper(0, 1, 0.95) - 0.7935) < 1e-3
    assert wilson_upper(10, 10, 0.95) == 1.0
    rule = PassRate()
    assert rate_dropped(1, 1, 0, 1, rule)[0] is True
    assert rate_dropped(0, 1, 0, 1, rule)[0] is False
    assert rate_dropped(1, 1, 1, 1, PassRate(tolerance=1.0))[0] is False


def test_sampled_runs_compare_pass_rates_not_single_samples(make_run: MakeRun) -> None:
    base = [good(sample=i) for i in range(8)] + [bad(sample=i) for i in (8, 9)]  # 8/10
    noisy = [good(sample=i) for i in range(6)] + [bad(sample=i) for i in range(6, 10)]  # 6/10
    worse = [good(sample=i) for i in range(2)] + [bad(sample=i) for i in range(2, 10)]  # 2/10
    config = GateConfig.model_validate(
        {"score": {"enabled": False}, "new_notes": {"severity": "off"}}
    )
    assert verdict(make_run, base, noisy, config).ok
    failed = verdict(make_run, base, worse, config).failures
    assert {i.kind for i in failed} == {"pass_rate", "requirement"}
    assert "8/10 to 2/10" in next(i.message for i in failed if i.kind == "pass_rate")
    plain = GateConfig.model_validate(
        {
            "score": {"enabled": False},
            "new_notes": {"severity": "off"},
            "pass_rate": {"method": "tolerance", "tolerance": 0.1},
        }
    )
    assert not verdict(make_run, base, noisy, plain).ok  # 0.6 < 0.8 - 0.1 without the interval


def test_score_drop_within_tolerance_passes(make_run: MakeRun) -> None:
    assert verdict(make_run, [good()], [good(score=97.0)]).ok
    failed = verdict(make_run, [good()], [good(score=90.0)]).failures
    assert [i.kind for i in failed] == ["score"] and "100.0 -> 90.0" in failed[0].message


def test_missing_new_and_changed_tasks_are_reported_not_compared(make_run: MakeRun) -> None:
    result = verdict(
        make_run,
        [good(), good(task="gone/python")],
        [bad(task_version="v2"), good(task="new/python")],
        versions={TASK: "v2"},
    )
    assert result.ok  # every difference is a warning by default
    kinds = {i.kind: i for i in result.warnings}
    assert {"missing_task", "new_task", "task_version"} <= set(kinds)
    assert kinds["missing_task"].task == "gone/python"
    assert "not compared" in kinds["task_version"].message
    status = {c.task: c.status for c in result.comparisons}
    assert status == {TASK: "version_changed", "gone/python": "missing", "new/python": "new"}

    strict = GateConfig.model_validate(
        {"mismatch": {"missing_task": "fail", "task_version": "fail"}}
    )
    failed = verdict(
        make_run, [good(), good(task="gone/python")], [bad(task_version="v2")], strict
    ).failures
    assert {i.kind for i in failed} == {"missing_task", "task_version"}


def test_a_changed_model_is_paired_warned_and_still_compared(make_run: MakeRun) -> None:
    result = verdict(make_run, [good(model="model-a")], [bad(model="model-b")])
    assert any(i.kind == "model" and "model-a" in i.message for i in result.warnings)
    assert not result.ok and result.comparisons[0].baseline_model == "model-a"


def test_settings_changes_are_reported(make_run: MakeRun) -> None:
    result = verdict(
        make_run,
        [good()],
        [good()],
        settings={"samples": 1, "template": "deepseek-coder", "max_tokens": 1024},
    )
    assert result.ok
    assert any(i.kind == "settings" and "template" in i.message for i in result.warnings)


def test_floors_on_pass_at_k_and_tokens_per_second(make_run: MakeRun) -> None:
    now = [good(sample=0, tokens_per_second=30.0), bad(sample=1, tokens_per_second=32.0)]
    base = [good(sample=0), good(sample=1)]
    config = GateConfig.model_validate(
        {
            "pass_rate": {"enabled": False},
            "score": {"enabled": False},
            "requirements": {"enabled": False},
            "new_notes": {"severity": "off"},
            "floors": {"pass_at_k": {1: 0.9, 2: 0.9}, "tokens_per_second": 35},
        }
    )
    failed = verdict(make_run, base, now, config).failures
    messages = [i.message for i in failed]
    assert any("mean pass@1" in m and "0.50" in m for m in messages)
    assert not any("pass@2" in m for m in messages)  # 2 of 2 samples: pass@2 = 1.0
    assert any("31 tokens/s is below the floor 35" in m for m in messages)
    relaxed = config.model_copy(
        update={
            "floors": config.floors.model_copy(
                update={"pass_at_k": {1: 0.5}, "tokens_per_second": 30}
            )
        }
    )
    assert verdict(make_run, base, now, relaxed).ok


def test_tokens_per_second_comes_from_run_json_when_samples_have_none(make_run: MakeRun) -> None:
    path = make_run("run", [good()], throughput={"tokens_per_second_median": 148.78})
    assert load_snapshot(path).throughput == {"model-a": 148.78}


def test_a_new_gaming_sample_fails_the_gate(make_run: MakeRun) -> None:
    note = "Ends the process itself (line 1), so the tests stop before they can fail."
    gamed = bad(
        sample=1,
        score=0.0,
        notes=[note],
        gaming=[Gaming(strategy="process-exit", rule="gaming-process-exit", line=1, message=note)],
    )
    result = verdict(make_run, [bad(), bad(sample=1)], [bad(), gamed])
    issues = [i for i in result.failures if i.kind == "gaming"]
    assert len(issues) == 1 and issues[0].task == TASK and issues[0].model == "model-a"
    assert "1/2 samples tried to pass the tests without solving the task" in issues[0].message
    assert result.exit_code == 1
    assert not [
        i
        for i in verdict(make_run, [bad(), gamed], [gamed, bad(sample=1)]).failures
        if i.kind == "gaming"
    ]
    off = GateConfig.model_validate({"gaming": {"enabled": False}})
    assert not [
        i
        for i in verdict(make_run, [bad(), bad(sample=1)], [bad(), gamed], off).failures
        if i.kind == "gaming"
    ]
    new = verdict(make_run, [bad()], [bad(), gamed.model_copy(update={"task": "other/python"})])
    assert [i.task for i in new.failures if i.kind == "gaming"] == ["other/python"]
