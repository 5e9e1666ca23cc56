"""``grade run``, ``grade check`` and ``grade rescore``: thin wrappers over grader.pipeline."""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from grader import pipeline, sandbox
from grader.errors import GraderError
from grader.store import RunStore, default_run_dir, load_run
from grader.tasks import find_spec_files, load_task
from grader.types import SampleResult, Verdict


def sandbox_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--unsafe-no-sandbox",
        is_flag=True,
        help="Run generated code without isolation (only where bubblewrap cannot work).",
    )(func)


def _sandbox(unsafe: bool) -> None:
    sandbox.allow_unsafe_no_sandbox(unsafe)
    usable, reason = sandbox.sandbox_status()
    if not usable and not unsafe:
        raise GraderError(
            f"the sandbox cannot isolate code here: {reason}. "
            "Install bubblewrap, or pass --unsafe-no-sandbox to run without isolation."
        )
    if unsafe:
        click.echo("warning: --unsafe-no-sandbox: generated code runs WITHOUT isolation", err=True)


def _overrides(pairs: tuple[str, ...], **named: Any) -> dict[str, Any]:
    overrides = {k: v for k, v in named.items() if v is not None}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--set")
        try:
            overrides[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key.strip()] = value
    return overrides


@contextmanager
def _progress(total: int) -> Iterator[pipeline.Progress]:
    """A rich progress bar on a terminal; elsewhere (CI, ``> log``) one line per task."""
    if not sys.stderr.isatty():
        lines = TaskLines()
        yield lines.add
        lines.flush()
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        bar_id = bar.add_task("grading", total=total)

        def advance(result: SampleResult) -> None:
            bar.update(bar_id, advance=1, description=result.task)

        yield advance


class TaskLines:
    """Collects a task's samples (they arrive together, in order) and prints one line for
    the task once the next task starts or the run ends."""

    def __init__(self) -> None:
        self.results: list[SampleResult] = []

    def add(self, result: SampleResult) -> None:
        if self.results and self.results[0].task != result.task:
            self.flush()
        self.results.append(result)

    def flush(self) -> None:
        if self.results:
            click.echo(task_line(self.results), err=True)
        self.results = []


def task_line(results: list[SampleResult]) -> str:
    """``task: score S, P/N passed, T tok/s`` (mean score; median speed of generated ones)."""
    score = statistics.fmean(r.score for r in results)
    passed = sum(r.passed for r in results)
    speeds = [r.tokens_per_second for r in results if r.tokens_per_second]
    speed = f"{statistics.median(speeds):.1f} tok/s" if speeds else "- tok/s"
    return f"{results[0].task}: score {score:.0f}, {passed}/{len(results)} passed, {speed}"


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--model",
    "model",
    help="GGUF path, profile name/file, or openai:URL#name. Default: the embedded model.",
)
@click.option(
    "--replay",
    type=click.Path(exists=True, dir_okay=False),
    help="Grade completions from a JSONL file instead of generating.",
)
@click.option(
    "--samples", default=1, show_default=True, type=click.IntRange(1), help="Samples per task."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Run directory (default reports/runs/<timestamp>).",
)
@click.option(
    "--resume",
    "resume_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Finish an interrupted run in this directory, redoing nothing.",
)
@click.option(
    "--template", help="Prompt template: gguf (default), deepseek-coder, user-assistant, or a file."
)
@click.option("--temperature", type=float)
@click.option("--top-p", "top_p", type=float)
@click.option(
    "--seed", type=int, help="Base seed; sample i uses seed+i. Default: random, recorded."
)
@click.option("--max-tokens", default=1024, show_default=True, type=click.IntRange(1))
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="KEY=VALUE",
    help="Override a model profile setting.",
)
@click.option(
    "--no-cache", is_flag=True, help="Regenerate completions and redo self-checks even when cached."
)
@click.option("--no-self-check", is_flag=True, help="Skip grading each task's reference first.")
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1), help="Sandbox workers."
)
@sandbox_option
def run(
    paths: tuple[str, ...],
    model: str | None,
    replay: str | None,
    samples: int,
    out: Path | None,
    resume_dir: Path | None,
    template: str | None,
    temperature: float | None,
    top_p: float | None,
    seed: int | None,
    max_tokens: int,
    settings: tuple[str, ...],
    no_cache: bool,
    no_self_check: bool,
    workers: int,
    unsafe_no_sandbox: bool,
) -> None:
    """Generate and grade every task under PATHS."""
    _sandbox(unsafe_no_sandbox)
    if resume_dir is not None:
        store = RunStore.open(resume_dir)
        args = store.run.get("args", {})
        options = pipeline.RunOptions(
            paths=list(paths) or args.get("paths", []),
            model=model or args.get("model"),
            replay=replay or args.get("replay"),
            samples=args.get("samples", samples),
            template=args.get("template"),
            overrides=args.get("overrides", {}),
            max_tokens=args.get("max_tokens", max_tokens),
            seed=args.get("seed"),
            use_cache=not no_cache,
            self_check=not no_self_check,
            workers=workers,
        )
    else:
        if not paths:
            raise click.UsageError("give at least one task PATH (or --resume DIR)")
        options = pipeline.RunOptions(
            paths=list(paths),
            model=model,
            replay=replay,
            samples=samples,
            template=template,
            overrides=_overrides(settings, temperature=temperature, top_p=top_p),
            max_tokens=max_tokens,
            seed=seed,
            use_cache=not no_cache,
            self_check=not no_self_check,
            workers=workers,
        )
        store = RunStore.create(out or default_run_dir(), pipeline.run_header(options))
    expected = len(find_spec_files(options.paths)) * (1 if options.replay else options.samples)
    with _progress(total=expected) as advance:
        outcome = pipeline.run(options, store, progress=advance)
    for problem in outcome.problems:
        click.echo(f"error: {problem}", err=True)
    results = load_run(store.path).results
    passed = sum(r.passed for r in results)
    click.echo(
        f"{outcome.graded} samples graded ({outcome.skipped} already done); "
        f"{passed} of {len(results)} passed"
    )
    click.echo(f"run: {store.path}")
    if (store.path / "report.html").exists():
        click.echo(f"report: {store.path / 'report.html'}")
    raise SystemExit(2 if outcome.problems else 0)


@click.command()
@click.option(
    "--task",
    "task_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--code",
    "code_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--reply", is_flag=True, help="FILE is a model reply: extract the code from it first."
)
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as one JSON object.")
@click.option("--no-self-check", is_flag=True, help="Skip grading the task's reference first.")
@sandbox_option
def check(
    task_path: Path,
    code_path: Path,
    reply: bool,
    as_json: bool,
    no_self_check: bool,
    unsafe_no_sandbox: bool,
) -> None:
    """Grade one file against one task, without a model. Exit 0 passed, 1 failed."""
    _sandbox(unsafe_no_sandbox)
    task = load_task(task_path)
    text = code_path.read_text(encoding="utf-8", errors="replace")
    verdict, _ = pipeline.grade_code(
        task, **({"reply": text} if reply else {"code": text}), self_check=not no_self_check
    )
    if as_json:
        click.echo(json.dumps(verdict.model_dump(mode="json"), ensure_ascii=False))
    else:
        _print_verdict(verdict)
    raise SystemExit(0 if verdict.passed else 1)


def _print_verdict(verdict: Verdict) -> None:
    status = "PASSED" if verdict.passed else "FAILED"
    click.echo(f"{verdict.task}: {status}, score {verdict.score:.0f}/100")
    if verdict.gaming:
        strategies = ", ".join(dict.fromkeys(g.strategy for g in verdict.gaming))
        click.echo(f"gaming: {strategies} (fails whatever the tests say)")
    t = verdict.tests
    click.echo(
        f"tests: {t.passed} passed, {t.failed} failed, {t.errors} errors"
        + (" (timed out)" if t.timed_out else "")
    )
    for requirement in verdict.requirements:
        click.echo(f"  [{requirement.status:>7}] {requirement.id}")
    for finding in verdict.findings:
        click.echo(f"  line {finding.line}: {finding.rule}: {finding.message}")
    for note in verdict.notes:
        click.echo(f"- {note}")
    for note in verdict.positive_notes:
        click.echo(f"+ {note}")


@click.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="New run directory (default reports/runs/<timestamp>).",
)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1))
@sandbox_option
def rescore(run_dir: Path, out: Path | None, workers: int, unsafe_no_sandbox: bool) -> None:
    """Grade RUN_DIR's stored completions again with today's specs, rules and tests."""
    _sandbox(unsafe_no_sandbox)
    old = load_run(run_dir)
    header = {k: old.run[k] for k in ("command", "args", "settings") if k in old.run}
    store = RunStore.create(out or default_run_dir(), {**header, "versions": pipeline.versions()})
    outcome = pipeline.rescore(run_dir, store, workers=workers)
    for problem in outcome.problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(f"{outcome.graded} samples re-graded")
    click.echo(f"run: {store.path}")
    raise SystemExit(2 if outcome.problems else 0)


def register(grade: click.Group) -> None:
    for command in (run, check, rescore):
        grade.add_command(command)
