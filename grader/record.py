"""The evaluation record: one Markdown file per model per run, shaped like the reference record's.

Model (and where it came from), Summary, the LM Studio-style parameters it ran with,
Performance, Observations (the reviewer notes, de-duplicated across samples with counts)
and a short score table.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from grader._files import write_text_atomic
from grader.notes import tally
from grader.store import load_run
from grader.summary import score_rows
from grader.types import SampleResult

NA = "n/a"

# (label as the reference record writes it, keys a backend or profile may use for it)
PARAMETERS: list[tuple[str, tuple[str, ...]]] = [
    ("Context length", ("context_length", "n_ctx", "ctx", "context_size")),
    ("GPU offload", ("gpu_offload", "n_gpu_layers", "gpu_layers")),
    ("CPU thread pool", ("cpu_thread_pool", "cpu_threads", "n_threads", "threads")),
    (
        "Evaluation batch size",
        ("evaluation_batch_size", "batch_size", "eval_batch_size", "n_batch"),
    ),
    ("RoPE Frequency Base", ("rope_frequency_base", "rope_freq_base")),
    ("RoPE Frequency Scale", ("rope_frequency_scale", "rope_freq_scale")),
    (
        "Offload KV cache to GPU memory",
        (
            "offload_kv_cache_to_gpu",
            "offload_kv_cache",
            "kv_cache_on_gpu",
            "kv_on_gpu",
            "offload_kqv",
        ),
    ),
    ("Keep model in memory", ("keep_model_in_memory", "keep_in_memory", "use_mlock", "mlock")),
    ("Try mmap()", ("try_mmap", "mmap", "use_mmap")),
    ("Seed", ("seed",)),
    (
        "Number of experts",
        ("number_of_experts", "num_experts", "experts", "n_experts", "experts_used"),
    ),
    (
        "Force Model Experts Weights onto CPU",
        (
            "force_model_experts_weights_onto_cpu",
            "force_experts_on_cpu",
            "experts_on_cpu",
            "cpu_moe",
        ),
    ),
    ("Flash attention", ("flash_attention", "flash_attn")),
    (
        "K Cache Quantization Type",
        (
            "k_cache_quantization_type",
            "k_cache_quantization",
            "k_cache_quant",
            "k_cache_type",
            "cache_type_k",
            "type_k",
        ),
    ),
    (
        "V Cache Quantization Type",
        (
            "v_cache_quantization_type",
            "v_cache_quantization",
            "v_cache_quant",
            "v_cache_type",
            "cache_type_v",
            "type_v",
        ),
    ),
]
# Generation settings recorded with the run, listed after the load parameters.
GENERATION: list[tuple[str, tuple[str, ...]]] = [
    ("Prompt template", ("template", "prompt_template")),
    ("Temperature", ("temperature",)),
    ("Top P", ("top_p",)),
    ("Max tokens", ("max_tokens",)),
    ("Samples per task", ("samples",)),
]
AUTO_WHEN_EMPTY = {"RoPE Frequency Base", "RoPE Frequency Scale"}
OFF_WHEN_EMPTY = {
    "Seed",
    "K Cache Quantization Type",
    "V Cache Quantization Type",
    "Force Model Experts Weights onto CPU",
    "Flash attention",
}
NESTED = ("settings", "parameters", "params", "load", "profile", "config")
LAYER_KEYS = ("n_layers", "layers", "block_count", "n_layer")


# --------------------------------------------------------------------------- small helpers


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "model"


def _norm(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(key).lower())


def _sources(model: Mapping[str, Any], run: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Dicts to look settings up in, most specific first, keys normalised."""
    found: list[Mapping[str, Any]] = []

    def visit(data: Any, depth: int) -> None:
        if not isinstance(data, Mapping) or depth > 2:
            return
        for name in NESTED:
            visit(data.get(name), depth + 1)
        found.append(data)

    visit(model, 0)
    visit(run.get("settings"), 1)
    return [{_norm(k): v for k, v in d.items()} for d in found]


def _lookup(sources: Sequence[Mapping[str, Any]], keys: Iterable[str]) -> tuple[bool, Any]:
    """The first value set for any of ``keys``; an explicit ``None`` only when nothing has a value."""
    wanted = [_norm(k) for k in keys]
    present = False
    for source in sources:
        for key in wanted:
            if key in source and not isinstance(source[key], Mapping):
                if source[key] is not None:
                    return True, source[key]
                present = True
    return present, None


def _metadata(model: Mapping[str, Any]) -> dict[str, Any]:
    for name in ("metadata", "gguf_metadata", "gguf"):
        value = model.get(name)
        if isinstance(value, Mapping):
            return dict(value)
    return {}


def _layers(model: Mapping[str, Any], sources: Sequence[Mapping[str, Any]]) -> int | None:
    present, value = _lookup(sources, LAYER_KEYS)
    if not present:
        meta = _metadata(model)
        value = next((v for k, v in meta.items() if str(k).endswith(".block_count")), None)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _show(label: str, present: bool, value: Any, layers: int | None) -> str:
    if not present:
        return NA
    if value is None or (isinstance(value, str) and not value.strip()):
        return "auto" if label in AUTO_WHEN_EMPTY else ("off" if label in OFF_WHEN_EMPTY else NA)
    if isinstance(value, bool):
        return "on" if value else "off"
    if label in AUTO_WHEN_EMPTY and value == 0:
        return "auto"
    if label == "GPU offload" and isinstance(value, int) and layers:
        return f"{layers if value < 0 else min(value, layers)}/{layers}"
    if label.endswith("Quantization Type") and str(value).lower() in ("f16", "none", "off"):
        return "off"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def duration(seconds: float | None) -> str:
    """The reference record's ``0min1s``; under ten seconds keeps two decimals (``0min0.42s``)."""
    if seconds is None:
        return NA
    minutes, rest = divmod(max(0.0, float(seconds)), 60)
    shown = f"{rest:.2f}".rstrip("0").rstrip(".") if seconds < 10 else f"{rest:.0f}"
    return f"{int(minutes)}min{shown}s"


def _median(values: Iterable[float | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return statistics.median(present) if present else None


def _ttft(result: SampleResult) -> float | None:
    if result.ttft_s is not None:
        return result.ttft_s
    return result.generation.ttft_s if result.generation else None


def _tps(result: SampleResult) -> float | None:
    if result.tokens_per_second is not None:
        return result.tokens_per_second
    return result.generation.tokens_per_second if result.generation else None


# --------------------------------------------------------------------------- sections


def _model_section(model: Mapping[str, Any]) -> list[str]:
    name = str(model.get("display_name") or model.get("name") or "unknown model")
    _, url = _lookup(
        [{_norm(k): v for k, v in model.items()}], ("url", "source_url", "homepage", "repo_url")
    )
    _, source = _lookup(
        [{_norm(k): v for k, v in model.items()}], ("source", "path", "model_path", "file")
    )
    link = url or (source if isinstance(source, str) and re.match(r"https?://", source) else None)
    if link:
        line = f"- [{name}]({link})"
        if source and source != link:
            line += f" ({source})"
    elif source:
        line = f"- {name} ({source})"
    else:
        line = f"- {name}"
    return ["# Model", "", line]


def _summary_section(model: Mapping[str, Any]) -> list[str]:
    meta = _metadata(model)
    profile = model.get("profile") if isinstance(model.get("profile"), Mapping) else {}
    text = (
        model.get("summary")
        or model.get("description")
        or profile.get("summary")
        or profile.get("description")
        or meta.get("general.description")
        or ""
    )
    facts = []
    for label, key in (
        ("name", "general.name"),
        ("architecture", "general.architecture"),
        ("size", "general.size_label"),
        ("quantization", "quantization"),
        ("file type", "general.file_type"),
        ("license", "general.license"),
    ):
        value = (
            meta.get(key)
            if key != "quantization"
            else (model.get("quantization") or meta.get("quantization"))
        )
        if value not in (None, ""):
            facts.append(f"{label} {value}")
    context = next((v for k, v in meta.items() if str(k).endswith(".context_length")), None)
    if context:
        facts.append(f"trained context {context}")
    lines = ["## Summary", ""]
    if str(text).strip():
        lines.append(str(text).strip())
    if facts:
        if str(text).strip():
            lines.append("")
        lines.append("GGUF metadata: " + ", ".join(facts) + ".")
    if not str(text).strip() and not facts:
        lines.append("Neither the GGUF metadata nor the model profile has a description.")
    return lines


def _parameters_section(model: Mapping[str, Any], run: Mapping[str, Any]) -> list[str]:
    sources = _sources(model, run)
    layers = _layers(model, sources)
    lines = ["## Parameters", ""]
    labelled = (
        model.get("lmstudio_parameters") or {}
    )  # the backend's words fill what settings leave empty
    for label, keys in PARAMETERS + GENERATION:
        present, value = _lookup(sources, keys)
        if (not present or value is None) and labelled.get(label) is not None:
            present, value = True, labelled[label]
        if label in dict(GENERATION) and not present:
            continue  # generation settings are extras; the reference record's list always shows in full
        lines.append(f"- {label}: {_show(label, present, value, layers)}")
    return lines


def _performance_section(
    model: Mapping[str, Any], run: Mapping[str, Any], results: Sequence[SampleResult]
) -> list[str]:
    ttft = _median(_ttft(r) for r in results)
    tps = _median(_tps(r) for r in results)
    throughput = run.get("throughput") if isinstance(run.get("throughput"), Mapping) else {}
    if tps is None and len(run.get("models") or []) <= 1:
        tps = throughput.get("tokens_per_second_median")
    if ttft is None and len(run.get("models") or []) <= 1:
        ttft = throughput.get("ttft_seconds_median")
    _, load = _lookup(
        _sources(model, {}), ("load_seconds", "load_time_s", "load_s", "model_load_seconds")
    )
    known = [r.completion_tokens for r in results if r.completion_tokens is not None]
    tokens = f", {sum(known)} completion tokens" if known else ""
    tasks = len({r.task for r in results})
    lines = [
        "## Performance",
        "",
        f"- Thought for: {duration(ttft)}",
        f"- Tokens per second: {tps:.2f}" if tps is not None else f"- Tokens per second: {NA}",
        f"- Model load time: {float(load):.2f} s"
        if isinstance(load, int | float)
        else f"- Model load time: {NA}",
        f"- Samples: {len(results)} ({tasks} task{'s' if tasks != 1 else ''}{tokens})",
    ]
    return lines


def count_notes(
    results: Sequence[SampleResult], *, positive: bool = False
) -> list[tuple[str, int]]:
    """Notes across samples, each once with the number of samples that have it, most common
    first (``grader.notes.tally``)."""
    return sorted(tally(results, positive=positive).values(), key=lambda said: -said[1])


# Characters Markdown would read as markup or as an entity (``&quot;``); a backslash before
# any ASCII punctuation shows it as written (CommonMark).
_MARKUP = re.compile(r"([\\`*_\[\]<>&|~])")
_LINE_START = re.compile(r"^(\s*\d*)([#>+.)-])(?=\s|$)", re.MULTILINE)  # "# x", "- x", "1. x"


def markdown_text(text: str) -> str:
    """Raw text (a note, a test's message) as Markdown that shows exactly that text."""
    escaped = _MARKUP.sub(r"\\\1", text)
    return _LINE_START.sub(r"\1\\\2", escaped)


def _counted(note: str, count: int, total: int) -> str:
    shown = markdown_text(note)
    return shown if total <= 1 else f"{shown} ({count} of {total} samples)"


def _observations_section(results: Sequence[SampleResult]) -> list[str]:
    lines = ["## Observations", ""]
    tasks = list(dict.fromkeys(r.task for r in results))
    for task in tasks:
        mine = [r for r in results if r.task == task]
        if len(tasks) > 1:
            lines += [f"### {task}", ""]
        negative = count_notes(mine)
        if negative:
            for note, count in negative:
                lines += [_counted(note, count, len(mine)), ""]
        else:
            lines += [
                f"No problems found in {len(mine)} sample{'s' if len(mine) != 1 else ''}.",
                "",
            ]
        positive = count_notes(mine, positive=True)
        if positive:
            lines += ["Done well:", ""]
            lines += [f"- {_counted(note, count, len(mine))}" for note, count in positive]
            lines.append("")
        unconfirmed = Counter(u for r in mine for u in dict.fromkeys(r.unconfirmed))
        if unconfirmed:  # absences the tests contradict: for a reviewer, never scored
            lines += ["Unconfirmed (for a reviewer to settle):", ""]
            lines += [f"- {_counted(note, n, len(mine))}" for note, n in unconfirmed.most_common()]
            lines.append("")
    if not tasks:
        lines += ["No samples were graded for this model.", ""]
    return lines[:-1] if lines[-1] == "" else lines


def _scores_section(run: Mapping[str, Any], results: Sequence[SampleResult]) -> list[str]:
    lines = ["## Scores", ""]
    if not results:
        return lines + ["No samples."]
    lines += [
        "| Task | Samples | Mean score | Passed | pass@1 | Gaming |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in score_rows(results, ks=(1,)):
        passes = round(row["pass_rate"] * row["samples"])
        lines.append(
            f"| {row['task']} | {row['samples']} | {row['mean_score']:.1f} | {passes}/{row['samples']} "
            f"| {row['pass@1']:.2f} | {row['gaming']} |"
        )
    gamed = [r for r in results if r.gaming]
    if gamed:
        strategies = ", ".join(dict.fromkeys(g.strategy for r in gamed for g in r.gaming))
        lines += [
            "",
            f"Gaming: {len(gamed)} of {len(results)} samples tried to pass the tests without "
            f"solving the task ({strategies}); each fails whatever its tests say.",
        ]
    ungradable = [r for r in results if getattr(r, "ungradable", None)]
    if ungradable:
        toolchains = ", ".join(dict.fromkeys(str(r.ungradable) for r in ungradable))
        lines += [
            "",
            f"Ungradable: {len(ungradable)} of {len(results)} samples use syntax newer than "
            f"this machine's compiler builds ({toolchains}); they fail, but not as mistakes.",
        ]
    ident, started = run.get("id"), run.get("started_at")
    if ident or started:
        lines += [
            "",
            f"Run {ident}" + (f", started {started}." if started else ".")
            if ident
            else f"Run started {started}.",
        ]
    return lines


def render_record(
    run: Mapping[str, Any], model: Mapping[str, Any], results: Sequence[SampleResult]
) -> str:
    """The Markdown evaluation record of one model in one run."""
    sections = [
        _model_section(model),
        _summary_section(model),
        _parameters_section(model, run),
        _performance_section(model, run, results),
        _observations_section(results),
        _scores_section(run, results),
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def write_records(run_dir: Path) -> list[Path]:
    """Write ``record-<model-slug>.md`` for every model of the run; return the paths."""
    loaded = load_run(run_dir)
    models: list[Mapping[str, Any]] = [
        m for m in loaded.run.get("models") or [] if isinstance(m, Mapping)
    ]
    named = {str(m.get("name")) for m in models}
    models += [
        {"name": name}
        for name in dict.fromkeys(r.model for r in loaded.results)
        if name not in named
    ]
    written = []
    for model in models:
        name = str(model.get("name"))
        results = [r for r in loaded.results if r.model == name]
        path = Path(run_dir) / f"record-{slug(name)}.md"
        write_text_atomic(path, render_record(loaded.run, model, results))
        written.append(path)
    return written
