"""The evaluation record: the seed's sections and labels, notes counted across samples."""

from __future__ import annotations

import re
from pathlib import Path

from grader.record import duration, render_record, slug, write_records
from grader.store import RunStore
from grader.types import Gaming, Generation, SampleResult

SEED = Path("/work/shared/seeds/002_1906807c63529d94.txt")
SEED_LABELS = [
    "Context length",
    "GPU offload",
    "CPU thread pool",
    "Evaluation batch size",
    "RoPE Frequency Base",
    "RoPE Frequency Scale",
    "Offload KV cache to GPU memory",
    "Keep model in memory",
    "Try mmap()",
    "Seed",
    "Number of experts",
    "Force Model Experts Weights onto CPU",
    "Flash attention",
    "K Cache Quantization Type",
    "V Cache Quantization Type",
]
NOTE_A = "Didn't include any parameter validation (error codes 50001, 50002, 50003) as required."
NOTE_B = (
    "Used error code 50003 within the try...catch block, which should be used to validate the flag "
    "parameters (ActiveFlag, SystemDeleteFlag)."
)

DEEPSEEK = {
    "name": "deepseek/deepseek-coder-v2-lite-instruct",
    "url": "https://huggingface.co/lmstudio-community/DeepSeek-Coder-V2-Lite-Instruct-GGUF",
    "description": "We present DeepSeek-Coder-V2, an open-source Mixture-of-Experts code model.",
    "load_seconds": 2.5,
    "settings": {
        "context_length": 8192,
        "gpu_offload": 27,
        "n_layers": 27,
        "cpu_threads": 9,
        "batch_size": 512,
        "rope_freq_base": None,
        "rope_freq_scale": None,
        "offload_kv_cache": True,
        "keep_in_memory": True,
        "mmap": True,
        "seed": None,
        "num_experts": 6,
        "force_experts_on_cpu": False,
        "flash_attention": False,
        "type_k": None,
        "type_v": "f16",
    },
}


def sample(
    i: int,
    notes: list[str],
    *,
    model: str = DEEPSEEK["name"],
    task: str = "user-flags/python",
    score: float = 40.0,
    ttft: float = 1.2,
    tps: float = 148.78,
) -> SampleResult:
    return SampleResult(
        task=task,
        language="python",
        score=score,
        passed=score >= 80,
        sample=i,
        model=model,
        completion="```python\n...\n```",
        notes=notes,
        ttft_s=ttft,
        tokens_per_second=tps,
        completion_tokens=100,
        generation=Generation(text="...", ttft_s=ttft),
    )


def sections(markdown: str) -> list[str]:
    return re.findall(r"^#{1,2} (.+)$", markdown, flags=re.MULTILINE)


def test_the_seed_itself_has_these_labels() -> None:
    text = SEED.read_text()
    assert all(f"- {label}: " in text for label in SEED_LABELS)


def test_record_has_every_section_label_and_the_seed_values() -> None:
    results = [sample(0, [NOTE_A, NOTE_B], ttft=1.0, tps=148.78)]
    text = render_record(
        {"id": "r1", "settings": {"samples": 1, "temperature": 0.2}}, DEEPSEEK, results
    )
    assert sections(text) == [
        "Model",
        "Summary",
        "Parameters",
        "Performance",
        "Observations",
        "Scores",
    ]
    assert f"- [{DEEPSEEK['name']}]({DEEPSEEK['url']})" in text
    assert "Mixture-of-Experts" in text
    expected = {
        "Context length": "8192",
        "GPU offload": "27/27",
        "CPU thread pool": "9",
        "Evaluation batch size": "512",
        "RoPE Frequency Base": "auto",
        "RoPE Frequency Scale": "auto",
        "Offload KV cache to GPU memory": "on",
        "Keep model in memory": "on",
        "Try mmap()": "on",
        "Seed": "off",
        "Number of experts": "6",
        "Force Model Experts Weights onto CPU": "off",
        "Flash attention": "off",
        "K Cache Quantization Type": "off",
        "V Cache Quantization Type": "off",
    }
    for label, value in expected.items():
        assert f"- {label}: {value}\n" in text, label
    assert "- Temperature: 0.2" in text
    assert "- Thought for: 0min1s\n" in text and "- Tokens per second: 148.78\n" in text
    assert "- Model load time: 2.50 s" in text
    # One sample: the notes read exactly like the seed's, one per line, no counts.
    observations = text.split("## Observations\n\n")[1].split("\n\n## ")[0]
    assert observations.splitlines()[:3] == [NOTE_A, "", NOTE_B]
    assert "| user-flags/python | 1 | 40.0 | 0/1 | 0.00 |" in text


def test_missing_parameters_show_as_na_and_llama_cpp_names_are_understood() -> None:
    model = {
        "name": "qwen",
        "source": "/cache/qwen.gguf",
        "metadata": {
            "general.name": "Qwen2.5 Coder 0.5B Instruct",
            "general.architecture": "qwen2",
            "qwen2.block_count": 24,
            "qwen2.context_length": 32768,
        },
        "n_ctx": 4096,
        "n_gpu_layers": -1,
        "flash_attn": True,
    }
    text = render_record({}, model, [sample(0, [], model="qwen", score=100)])
    assert "- qwen (/cache/qwen.gguf)" in text
    assert "GGUF metadata: name Qwen2.5 Coder 0.5B Instruct, architecture qwen2" in text
    assert "- Context length: 4096\n" in text and "- GPU offload: 24/24\n" in text
    assert "- Flash attention: on\n" in text
    assert "- CPU thread pool: n/a\n" in text and "- Number of experts: n/a\n" in text
    assert all(f"- {label}: " in text for label in SEED_LABELS)
    assert "No problems found in 1 sample." in text


def test_notes_are_counted_across_samples() -> None:
    results = [
        sample(0, [NOTE_A, NOTE_B]),
        sample(1, [NOTE_A]),
        sample(2, [NOTE_A, NOTE_B]),
        sample(3, [NOTE_A, NOTE_A], ttft=3.0, tps=100.0),
    ]
    text = render_record({}, DEEPSEEK, results)
    assert f"{NOTE_A} (4 of 4 samples)" in text
    assert f"{NOTE_B} (2 of 4 samples)" in text
    assert text.count(NOTE_B) == 1
    assert "- Thought for: 0min1.2s" in text  # the median
    assert "- Tokens per second: 148.78" in text


def test_several_tasks_get_their_own_observation_headings() -> None:
    results = [sample(0, [NOTE_A]), sample(0, ["Off by one."], task="date-range/python")]
    text = render_record({}, {"name": "m"}, results)
    assert (
        "### user-flags/python\n\n" + NOTE_A in text
        and "### date-range/python\n\nOff by one." in text
    )


def test_write_records_one_file_per_model(tmp_path: Path) -> None:
    store = RunStore.create(tmp_path / "run", {"id": "r9", "models": [DEEPSEEK]})
    store.append(sample(0, [NOTE_A]))
    store.append(sample(0, [], model="other/model", score=95))
    paths = write_records(tmp_path / "run")
    assert sorted(p.name for p in paths) == [
        "record-deepseek-deepseek-coder-v2-lite-instruct.md",
        "record-other-model.md",
    ]
    deepseek = (tmp_path / "run" / "record-deepseek-deepseek-coder-v2-lite-instruct.md").read_text()
    assert (
        NOTE_A in deepseek
        and "- Context length: 8192" in deepseek
        and "Run r9, started " in deepseek
    )
    other = (tmp_path / "run" / "record-other-model.md").read_text()
    assert NOTE_A not in other and "- Context length: n/a" in other


def test_helpers() -> None:
    assert slug("Deepseek/Coder V2 (Lite)") == "deepseek-coder-v2-lite"
    assert duration(1.0) == "0min1s" and duration(75) == "1min15s" and duration(None) == "n/a"
    assert duration(0.008) == "0min0.01s"


def test_scored_seed_mistakes_read_like_the_seed_record(user_flags) -> None:  # type: ignore[no-untyped-def]
    from scoring_builders import seed_evidence

    from grader.scoring import score
    from grader.types import Extraction

    verdict = score(
        user_flags,
        Extraction(code="def update_user_flags(r, repo): ..."),
        *seed_evidence(user_flags),
    )
    result = SampleResult(
        **verdict.model_dump(),
        sample=0,
        model=DEEPSEEK["name"],
        completion="...",
        ttft_s=1.0,
        tokens_per_second=148.78,
    )
    text = render_record({}, DEEPSEEK, [result])
    ours = text.split("## Observations\n\n")[1].split("\n\n## ")[0].split("\n\nDone well:")[0]
    seed = SEED.read_text().split("## Observations\n\n")[1].strip()
    assert [line for line in ours.splitlines() if line] == seed.splitlines()


def test_backend_lmstudio_words_fill_settings_left_empty() -> None:
    from grader.record import _parameters_section

    model = {
        "name": "m",
        "profile": {"cpu_threads": None, "context_length": 4096},
        "lmstudio_parameters": {"CPU thread pool": "auto (2)", "Context length": 999},
    }
    lines = _parameters_section(model, {})
    assert "- CPU thread pool: auto (2)" in lines
    assert "- Context length: 4096" in lines  # a setting that is there keeps its value


def test_record_counts_gaming_samples() -> None:
    gamed = sample(1, ["Ends the process itself."], score=0.0).model_copy(
        update={
            "gaming": [
                Gaming(strategy="process-exit", rule="gaming-process-exit", line=3, message="x")
            ]
        }
    )
    text = render_record({"id": "r1"}, DEEPSEEK, [sample(0, [NOTE_A]), gamed])
    assert "| Task | Samples | Mean score | Passed | pass@1 | Gaming |" in text
    assert "| user-flags/python | 2 | 20.0 | 0/2 | 0.00 | 1 |" in text
    assert (
        "Gaming: 1 of 2 samples tried to pass the tests without solving the task (process-exit)"
        in text
    )
    assert "Gaming:" not in render_record({"id": "r1"}, DEEPSEEK, [sample(0, [NOTE_A])])
