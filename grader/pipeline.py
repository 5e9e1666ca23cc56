"""Wires the stages in order; the only module that imports them all.

task spec -> prompt -> backend -> extraction -> static rules -> sandboxed tests -> scoring
-> results store -> report / evaluation record.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from grader import gaming, rerun, review, rules, sandbox, scoring, self_check_cache
from grader.errors import GraderError
from grader.extract import extract_code
from grader.models.base import Backend, SampleUnavailable
from grader.store import RunStore, load_run, now_iso
from grader.tasks import load_tasks
from grader.types import (
    Extraction,
    Generation,
    GenerationRequest,
    Rerun,
    SampleResult,
    TaskSpec,
    TestJob,
    TestRun,
    Verdict,
)

IN_FLIGHT_PER_WORKER = 8  # samples queued in the sandbox per worker before the producer waits
BATCH = 16  # samples generated before their tests run together (a model generating here)
GRACE_S = 60.0  # slack on top of a sample's timeout before the pipeline stops waiting for it
SETUP_S = 15.0  # per-job allowance for sandbox start-up and compilation


# --------------------------------------------------------------------------- one sample


@dataclass
class SelfCheckResult:
    """The outcome of grading a task's reference solution in the sandbox."""

    task: TaskSpec
    ok: bool
    timeout_s: float
    reference: TestRun | None = None
    problem: str = ""

    @classmethod
    def unchecked(cls, task: TaskSpec) -> SelfCheckResult:
        """No self-check (none asked for, or no reference): the task's own time floor."""
        return cls(task, True, task.limits.time_s)


def bindings(task: TaskSpec) -> list:
    """The task's own bindings, then the gaming and review rules every task gets."""
    own = list(task.rules) + [binding for req in task.requirements for binding in req.rules]
    bound = {binding.rule for binding in own}
    always = gaming.bindings() + review.bindings()
    return own + [binding for binding in always if binding.rule not in bound]


def rule_paths(task: TaskSpec) -> list[Path]:
    return [task.source.parent / "rules"] if task.source else []


def test_job(task: TaskSpec, code: str, timeout_s: float | None = None) -> TestJob:
    return TestJob(
        task_id=task.id,
        language=task.language,
        code=code,
        entry_point=task.entry_point,
        test_files=list(task.tests),
        support_files=list(task.support_files),
        solution_file=task.solution_file,
        typecheck=task.typecheck,
        timeout_s=timeout_s or task.limits.time_s,
        memory_mb=task.limits.memory_mb,
    )


@dataclass
class Prepared:
    """A sample between static analysis and its test run."""

    task: TaskSpec
    extraction: Extraction
    checks: list
    job: TestJob | None
    checked: SelfCheckResult | None = None  # the task's self-check, when graded in a loop


def prepare(
    task: TaskSpec,
    extraction: Extraction,
    timeout_s: float | None,
    checked: SelfCheckResult | None = None,
) -> Prepared:
    if extraction.code is None:
        return Prepared(task, extraction, [], None, checked)
    checks = rules.check_code(
        extraction.code,
        task.language,
        bindings(task),
        {"entry_point": task.entry_point, **task.params},
        search_paths=rule_paths(task),
    )
    job = test_job(task, extraction.code, timeout_s) if task.tests else None
    return Prepared(task, extraction, checks, job, checked)


def second_look(prepared: Prepared, tests: TestRun, runner: sandbox.Sandbox) -> TestRun:
    """``tests`` with the runs of ``grader.rerun``'s attempts, up to the first that loads, when
    the code as given did not build or load (``tests`` as it is otherwise). Looked for only
    then, so no other sample pays for it."""
    if prepared.job is None:
        return tests
    reruns: list[Rerun] = []
    attempt = rerun.first(prepared.job, tests)
    while attempt is not None and len(reruns) < rerun.MAX_RERUNS:
        run = wait_for_run(runner.submit(attempt.job), attempt.job)
        reruns.append(attempt.ran(run))
        attempt = rerun.after(attempt, run)
    return tests.model_copy(update={"reruns": reruns}) if reruns else tests


def finish(prepared: Prepared, tests: TestRun | None) -> Verdict:
    verdict = scoring.score(prepared.task, prepared.extraction, prepared.checks, tests or TestRun())
    return verdict.model_copy(
        update={"code": prepared.extraction.code, "task_version": prepared.task.version}
    )


def wait_for_run(future: Future[TestRun], job: TestJob) -> TestRun:
    """A test run's result, with a deadline as the net under the sandbox's own timeout.

    The sandbox kills each run at its timeout; a run that still hasn't answered long after
    that gets a timeout verdict, so a run never hangs on one sample, and one that failed in
    our own code gets a sandbox_error verdict."""
    deadline = job.timeout_s + SETUP_S + GRACE_S
    try:
        return future.result(timeout=deadline)
    except FutureTimeout:
        note = f"The sandbox did not answer within {deadline:.0f} s; the run went on without it."
        return TestRun(status="timeout", timed_out=True, note=note, timeout_s=job.timeout_s)
    except Exception as error:  # a fault of ours on one sample must not lose the others
        note = f"The sandbox failed on this sample: {type(error).__name__}: {error}"
        return TestRun(status="sandbox_error", note=note, timeout_s=job.timeout_s)


Done = Callable[[Prepared, Verdict, Any], None]


class Grading:
    """Samples graded as a stream: each sample's tests start in the sandbox as soon as it
    is added, while the caller prepares the next one (runs its rules, reads the next reply).
    Finished samples go to ``done`` in the order they were added.

    ``hold=N`` keeps tests out of the way of generation on this machine's CPU instead:
    samples wait until N are there (or ``finish``), then all N run at once and ``add``
    returns when they are done, so no test run slows the model down or skews its tokens/s.
    """

    def __init__(self, runner: sandbox.Sandbox | None, done: Done, *, hold: int = 0) -> None:
        self.runner = runner
        self.done = done
        self.hold = hold
        self._held: list[tuple[Prepared, Any]] = []
        self._queue: deque[tuple[Prepared, Any, Future[TestRun] | None]] = deque()
        self._limit = IN_FLIGHT_PER_WORKER * (runner.workers if runner else 1)

    def add(self, prepared: Prepared, context: Any = None) -> None:
        if self.hold:
            self._held.append((prepared, context))
            if len(self._held) >= self.hold:
                self.finish()
            return
        self._start(prepared, context)
        self._hand_out(block=len(self._queue) > self._limit)

    def finish(self) -> None:
        """Wait for every sample still in the sandbox and hand it out."""
        held, self._held = self._held, []
        for prepared, context in held:
            self._start(prepared, context)
        while self._queue:
            self._hand_out(block=True)

    def _start(self, prepared: Prepared, context: Any) -> None:
        future = None
        if prepared.job is not None:
            assert self.runner is not None, "a sample with tests needs a sandbox runner"
            future = self.runner.submit(prepared.job)
        self._queue.append((prepared, context, future))

    def _hand_out(self, block: bool) -> None:
        while self._queue:
            prepared, context, future = self._queue[0]
            if future is not None and not future.done() and not block:
                return
            tests = (
                wait_for_run(future, prepared.job) if future is not None and prepared.job else None
            )
            if tests is not None and self.runner is not None:
                tests = second_look(prepared, tests, self.runner)
            self._queue.popleft()
            self.done(prepared, finish(prepared, tests), context)
            block = False


def grade_many(items: Sequence[Prepared], workers: int = 2) -> list[Verdict]:
    verdicts: list[Verdict] = []
    with _sandbox(min(workers, sum(item.job is not None for item in items))) as runner:
        grading = Grading(runner, lambda _p, verdict, _c: verdicts.append(verdict))
        for item in items:
            grading.add(item)
        grading.finish()
    return verdicts


class SelfCheck:
    """Each task's reference solution, graded in the sandbox ahead of its samples.

    ``start`` submits every reference that needs checking; ``result(task)`` waits for that
    task's own. Samples of a task already checked can start while later references still
    run, so there is no barrier between checking and grading."""

    def __init__(self, runner: sandbox.Sandbox | None) -> None:
        self.runner = runner
        self._ready: dict[str, SelfCheckResult] = {}
        self._running: dict[str, tuple[TaskSpec, TestJob, Future[TestRun]]] = {}

    def start(self, tasks: Sequence[TaskSpec], *, use_cache: bool = True) -> SelfCheck:
        for task in tasks:
            if task.reference is None or not task.tests:
                self._ready[task.id] = SelfCheckResult.unchecked(task)
                continue
            remembered = self_check_cache.recall(task) if use_cache else None
            if remembered is not None:
                self._ready[task.id] = SelfCheckResult(task, True, _timeout(task, remembered))
                continue
            assert self.runner is not None, "a task with tests needs a sandbox runner"
            job = test_job(task, task.reference.read_text(encoding="utf-8"), task.limits.time_s * 3)
            self._running[task.id] = (task, job, self.runner.submit(job))
        return self

    def result(self, task: TaskSpec) -> SelfCheckResult:
        found = self._ready.get(task.id)
        if found is not None:
            return found
        task, job, future = self._running.pop(task.id)
        run = wait_for_run(future, job)
        ok = run.status == "ok" and run.failed == 0 and run.errors == 0 and run.passed > 0
        if ok:
            self_check_cache.remember(task, run.duration_s)
        problem = "" if ok else _broken_reason(task, run)
        found = self._ready[task.id] = SelfCheckResult(
            task, ok, _timeout(task, run.duration_s), run, problem
        )
        return found

    def all(self, tasks: Sequence[TaskSpec]) -> dict[str, SelfCheckResult]:
        return {task.id: self.result(task) for task in tasks}


def check_references(
    tasks: Sequence[TaskSpec], workers: int = 2, *, use_cache: bool = True
) -> dict[str, SelfCheckResult]:
    """Grade every task's reference in the sandbox; set each task's timeout from it.

    The timeout is ``max(limits.time_s, calibrate_factor x reference time)`` so a slow or
    loaded machine stretches the limit instead of failing correct code. A self-check that
    passed recently on this machine is reused (``self_check_cache``) unless ``use_cache`` is off.
    """
    checking = sum(t.reference is not None and bool(t.tests) for t in tasks)
    with _sandbox(min(workers, checking)) as runner:
        return SelfCheck(runner).start(tasks, use_cache=use_cache).all(tasks)


def _timeout(task: TaskSpec, reference_seconds: float) -> float:
    return round(max(task.limits.time_s, task.limits.calibrate_factor * reference_seconds), 2)


def _broken_reason(task: TaskSpec, run: TestRun) -> str:
    failing = [c.name for c in run.cases if c.outcome in ("failed", "error")][:3]
    detail = run.note or (f"failing: {', '.join(failing)}" if failing else f"status {run.status}")
    return (
        f"{task.source}: the reference solution does not pass its own tests in the sandbox "
        f"({run.passed} passed, {run.failed} failed, {run.errors} errors; {detail}). "
        "The task or this machine's toolchain is broken; its samples were not graded."
    )


def grade_code(
    task: TaskSpec, *, code: str | None = None, reply: str | None = None, self_check: bool = True
) -> tuple[Verdict, SelfCheckResult]:
    """Grade one piece of code (or one model reply) against one task."""
    if code is not None:
        extraction = Extraction(code=code, reason="given as a file")
    else:
        extraction = extract_code(reply or "", task.language, task.entry_point)
    graded: list[tuple[Verdict, SelfCheckResult]] = []

    def one_sample(_task: TaskSpec) -> Iterator[ToGrade]:
        yield ToGrade(extraction, {})

    def broken(checked: SelfCheckResult) -> None:
        raise GraderError(checked.problem)

    grade_tasks(
        [task],
        one_sample,
        lambda prepared, verdict, _fields: graded.append((verdict, prepared.checked)),
        broken,
        self_check=self_check,
        workers=1,
    )
    return graded[0]


@dataclass
class ToGrade:
    """One sample on its way into the grading loop: its extracted code, and what the store
    keeps beside the verdict (``_sample_fields``)."""

    extraction: Extraction
    fields: dict[str, Any]


def grade_tasks(
    tasks: Sequence[TaskSpec],
    samples_of: Callable[[TaskSpec], Iterable[ToGrade]],
    done: Done,
    broken: Callable[[SelfCheckResult], None],
    *,
    self_check: bool = True,
    use_cache: bool = True,
    workers: int = 2,
    hold: int = 0,
) -> None:
    """The one grading loop (``run``, ``rescore``, ``check``): each task's self-check, then
    its samples through rules and sandbox, each finished one to ``done``; a task whose
    reference fails goes to ``broken`` and its samples are not asked for.

    ``hold`` > 0 (a model generating on this machine): every self-check first, then tests
    in batches of ``hold`` while generation waits, so tests never slow the model down."""
    with _sandbox(workers if any(t.tests for t in tasks) else 0) as runner:
        checks = SelfCheck(runner)
        if self_check:
            checks.start(tasks, use_cache=use_cache)
            if hold:
                checks.all(tasks)
        grading = Grading(runner, done, hold=hold)
        for task in tasks:
            checked = checks.result(task) if self_check else SelfCheckResult.unchecked(task)
            if not checked.ok:
                broken(checked)
                continue
            for item in samples_of(task):
                grading.add(prepare(task, item.extraction, checked.timeout_s, checked), item.fields)
        grading.finish()


# --------------------------------------------------------------------------- a run


@dataclass
class RunOptions:
    paths: list[str]
    model: str | None = None
    replay: str | None = None
    samples: int = 1
    out: Path | None = None
    resume: bool = False
    template: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    max_tokens: int = 1024
    seed: int | None = None
    use_cache: bool = True
    self_check: bool = True
    workers: int = 2
    write_outputs: bool = True


@dataclass
class RunOutcome:
    path: Path
    graded: int = 0
    skipped: int = 0
    unconfirmed: int = 0  # absence findings the tests overruled, over the samples graded
    problems: list[str] = field(default_factory=list)  # input problems (exit 2)
    broken_tasks: list[str] = field(default_factory=list)


Progress = Callable[[SampleResult], None]  # called with each sample as it is stored


def run(options: RunOptions, store: RunStore, *, progress: Progress | None = None) -> RunOutcome:
    """Generate and grade every (task, sample) not yet in ``store``."""
    outcome = RunOutcome(path=store.path)
    sandbox.warm_up(options.workers)  # the workers start while the tasks load
    tasks, spec_errors = load_tasks(options.paths)
    outcome.problems += [str(error) for error in spec_errors]
    backend = _backend(options)
    outcome.problems += backend.input_problems({t.id for t in tasks})
    store.update_run(
        tasks=[_task_record(t) for t in tasks],
        models=_merge_models(store.run.get("models", []), backend.describe()),
        spec_errors=[str(e) for e in spec_errors],
    )
    figures: list[Generation] = []

    def samples_of(task: TaskSpec) -> Iterator[ToGrade]:
        for sample, model_name in backend.samples(task.id, options.samples):
            if store.is_done((task.id, model_name, sample)):
                outcome.skipped += 1
                continue
            generation, error = _generate(backend, task, sample, options)
            if generation is not None and not generation.cached:
                figures.append(generation)
            text = generation.text if generation else ""
            yield ToGrade(
                extract_code(text, task.language, task.entry_point),
                _sample_fields(task, sample, model_name, generation, error),
            )

    started = time.perf_counter()
    try:
        # Replayed samples stream through the sandbox; a model generating here keeps its CPU
        # to itself (tests in batches while generation waits).
        grade_tasks(
            tasks,
            samples_of,
            _store_sample(store, outcome, progress),
            lambda checked: _report_broken(checked, outcome),
            self_check=options.self_check,
            use_cache=options.use_cache,
            workers=options.workers,
            hold=BATCH if backend.generates_here else 0,
        )
    finally:
        backend.close()
    store.update_run(
        finished_at=now_iso(),
        throughput=_throughput(store, figures, time.perf_counter() - started),
        problems=outcome.problems,
        broken_tasks=outcome.broken_tasks,
        unconfirmed_findings=outcome.unconfirmed,
    )
    if options.write_outputs:
        outcome.problems += write_outputs(store.path)
    return outcome


@contextmanager
def _sandbox(workers: int) -> Iterator[sandbox.Sandbox | None]:
    """A sandbox whose ``workers`` start warming at once; none for 0 workers."""
    runner = sandbox.Sandbox(workers) if workers > 0 else None
    try:
        yield runner
    finally:
        if runner is not None:
            runner.close()


def _report_broken(checked: SelfCheckResult, outcome: RunOutcome) -> None:
    outcome.broken_tasks.append(checked.task.id)
    outcome.problems.append(checked.problem)


def _store_sample(store: RunStore, outcome: RunOutcome, progress: Progress | None) -> Done:
    def done(_prepared: Prepared, verdict: Verdict, fields: dict[str, Any]) -> None:
        result = SampleResult(**verdict.model_dump(), **fields)
        store.append(result)
        outcome.graded += 1
        outcome.unconfirmed += len(verdict.unconfirmed)
        if progress:
            progress(result)

    return done


def _backend(options: RunOptions) -> Backend:
    """The run's backend, through the one door; ``--replay FILE`` is ``replay:FILE``."""
    from grader.models import load_backend

    return load_backend(
        f"replay:{options.replay}" if options.replay else options.model,
        template=options.template,
        overrides=options.overrides,
        use_cache=options.use_cache,
    )


def _generate(
    backend: Backend, task: TaskSpec, sample: int, options: RunOptions
) -> tuple[Generation | None, str | None]:
    request = GenerationRequest(
        task_id=task.id,
        prompt=task.prompt,
        sample=sample,
        seed=options.seed,
        max_tokens=options.max_tokens,
        temperature=options.overrides.get("temperature"),
        top_p=options.overrides.get("top_p"),
    )
    try:
        return backend.generate(request), None
    except SampleUnavailable as missing:  # this sample's error, not the run's
        return None, str(missing)
    except GraderError:
        raise
    except Exception as error:  # one failed generation must not lose the run
        return None, f"generation failed: {type(error).__name__}: {error}"


def _sample_fields(
    task: TaskSpec, sample: int, model: str, generation: Generation | None, error: str | None
) -> dict[str, Any]:
    g = generation
    return {
        "sample": sample,
        "model": model,
        "completion": g.text if g else "",
        "prompt": (g.prompt_text if g and g.prompt_text else task.prompt),
        "generation": g,
        "completion_tokens": g.completion_tokens if g else None,
        "prompt_tokens": g.prompt_tokens if g else None,
        "seconds": g.seconds if g else None,
        "tokens_per_second": g.tokens_per_second if g else None,
        "ttft_s": g.ttft_s if g else None,
        "error": error,
    }


def _task_record(task: TaskSpec) -> dict[str, Any]:
    return {
        "id": task.id,
        "language": task.language,
        "title": task.title,
        "version": task.version,
        "source": str(task.source) if task.source else None,
    }


def _merge_models(
    existing: list[dict[str, Any]], described: dict[str, Any]
) -> list[dict[str, Any]]:
    others = [m for m in existing if m.get("name") != described.get("name")]
    return others + [described]


def _throughput(store: RunStore, figures: Iterable[Generation], wall_s: float) -> dict[str, Any]:
    figures = list(figures)
    speeds = [g.tokens_per_second for g in figures if g.tokens_per_second]
    ttft = [g.ttft_s for g in figures if g.ttft_s is not None]
    tokens = sum(g.completion_tokens or 0 for g in figures)
    previous = store.run.get("throughput") or {}
    return {
        "wall_seconds": round(wall_s + float(previous.get("wall_seconds", 0)), 3),
        "generated_samples": len(figures) + int(previous.get("generated_samples", 0)),
        "completion_tokens": tokens + int(previous.get("completion_tokens", 0)),
        "tokens_per_second_median": round(statistics.median(speeds), 2)
        if speeds
        else previous.get("tokens_per_second_median"),
        "ttft_seconds_median": round(statistics.median(ttft), 3)
        if ttft
        else previous.get("ttft_seconds_median"),
    }


def write_outputs(run_dir: Path, baseline: Path | None = None) -> list[str]:
    """Write the HTML report and the evaluation records; a failure is reported, not raised."""
    problems = []
    try:
        from grader.report import write_report

        write_report(run_dir, baseline)
    except Exception as error:  # the results are safe; only a view failed
        problems.append(f"{run_dir}: report.html not written: {type(error).__name__}: {error}")
    try:
        from grader.record import write_records

        write_records(run_dir)
    except Exception as error:
        problems.append(
            f"{run_dir}: evaluation record not written: {type(error).__name__}: {error}"
        )
    return problems


def versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "platform": platform.platform()}
    for name in ("grader", "llama-cpp-python", "tree-sitter", "pydantic"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def run_header(options: RunOptions) -> dict[str, Any]:
    return {
        "command": " ".join(sys.argv),
        "args": {
            "paths": [str(Path(p).resolve()) for p in options.paths],
            "model": options.model,
            "replay": str(Path(options.replay).resolve()) if options.replay else None,
            "samples": options.samples,
            "template": options.template,
            "overrides": options.overrides,
            "max_tokens": options.max_tokens,
            "seed": options.seed,
        },
        "settings": {
            "samples": options.samples,
            "max_tokens": options.max_tokens,
            "seed": options.seed,
            "template": options.template or "gguf",
            **options.overrides,
        },
        "versions": versions(),
    }


def rescore(run_dir: Path, store: RunStore, *, workers: int = 2) -> RunOutcome:
    """Grade a run's stored completions again with today's specs, rules and tests."""
    old = load_run(run_dir)
    outcome = RunOutcome(path=store.path)
    sources = [t.get("source") for t in old.run.get("tasks", []) if t.get("source")]
    tasks, errors = load_tasks([s for s in sources if Path(s).exists()])
    outcome.problems += [str(e) for e in errors]
    known = {t.id for t in tasks}
    outcome.problems += [
        f"{run_dir}: task {task!r} no longer exists; its samples were skipped"
        for task in dict.fromkeys(r.task for r in old.results)
        if task not in known
    ]
    store.update_run(
        tasks=[_task_record(t) for t in tasks],
        models=old.run.get("models", []),
        rescored_from=str(run_dir),
        settings=old.run.get("settings", {}),
    )

    def samples_of(task: TaskSpec) -> Iterator[ToGrade]:
        for result in (r for r in old.results if r.task == task.id):
            fields = _sample_fields(
                task, result.sample, result.model, result.generation, result.error
            )
            fields["prompt"] = result.prompt
            extraction = extract_code(result.completion, task.language, task.entry_point)
            yield ToGrade(extraction, fields)

    grade_tasks(
        tasks,
        samples_of,
        _store_sample(store, outcome, None),
        lambda checked: _report_broken(checked, outcome),
        workers=workers,
    )
    store.update_run(
        finished_at=now_iso(),
        throughput=old.run.get("throughput", {}),
        problems=outcome.problems,
        broken_tasks=outcome.broken_tasks,
        unconfirmed_findings=outcome.unconfirmed,
    )
    outcome.problems += write_outputs(store.path)
    return outcome
