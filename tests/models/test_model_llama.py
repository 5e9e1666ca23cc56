"""The llama-cpp backend on tiny real GGUFs: kwargs reach the live model, figures, seeds, cache."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import llama_cpp
import pytest

from grader.errors import ModelError
from grader.models import load_backend
from grader.models.cache import GenerationCache
from grader.models.gguf_info import read_gguf
from grader.models.llama_cpp_backend import LlamaCppBackend
from grader.models.profile import ModelProfile
from grader.types import GenerationRequest


def _request(sample: int = 0, seed: int | None = 5, **extra: Any) -> GenerationRequest:
    return GenerationRequest(
        task_id="t",
        prompt="def add(a, b):",
        sample=sample,
        seed=seed,
        max_tokens=extra.pop("max_tokens", 8),
        **extra,
    )


def test_gguf_metadata_is_read(tiny_moe_gguf: Path) -> None:
    info = read_gguf(tiny_moe_gguf).summary()
    assert info["architecture"] == "llama"
    assert info["quantization"] == "F32"
    assert info["context_length"] == 512
    assert info["expert_count"] == 4 and info["expert_used_count"] == 2
    assert info["size_bytes"] == tiny_moe_gguf.stat().st_size


def test_not_a_gguf_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.gguf"
    bad.write_bytes(b"nope" * 10)
    with pytest.raises(ModelError, match="not a GGUF"):
        read_gguf(bad)
    with pytest.raises(ModelError, match="model file not found"):
        load_backend(str(tmp_path / "missing.gguf"), cache_dir=tmp_path)


def test_constructed_call_and_live_object_carry_the_profile(
    tiny_gguf: Path, tmp_path: Path
) -> None:
    profile = ModelProfile(
        name="tiny",
        model=str(tiny_gguf),
        context_length=256,
        batch_size=64,
        cpu_threads=1,
        rope_freq_base=5000.0,
        rope_freq_scale=0.5,
        offload_kv_cache=False,
        use_mmap=False,
        keep_in_memory=True,
        seed=77,
        k_cache_type="q8_0",
        gpu_layers=3,
        flash_attention=True,
    )
    calls: list[dict[str, Any]] = []

    def recording(**kwargs: Any) -> llama_cpp.Llama:
        calls.append(kwargs)
        return llama_cpp.Llama(**kwargs)

    backend = LlamaCppBackend(tiny_gguf, profile, llama_factory=recording, cache_root=tmp_path)
    assert calls == [backend.kwargs]
    llm = backend.llm
    assert llm.n_ctx() == 256
    assert llm.context_params.n_batch == 64
    assert llm.context_params.n_threads == 1
    assert llm.context_params.rope_freq_base == pytest.approx(5000.0)
    assert llm.context_params.rope_freq_scale == pytest.approx(0.5)
    assert llm.context_params.offload_kqv is False
    assert llm.context_params.type_k == llama_cpp.GGML_TYPE_Q8_0
    assert llm.model_params.load_mode == llama_cpp.LLAMA_LOAD_MODE_MLOCK  # mlock on, mmap off
    assert llm.model_params.n_gpu_layers == 3
    assert llm.context_params.flash_attn_type == llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED
    assert llm._seed == 77
    assert backend.generate(_request()).completion_tokens == 8  # and it still runs
    backend.close()


def test_expert_count_override_changes_what_the_model_computes(
    tiny_moe_gguf: Path, tmp_path: Path
) -> None:
    def greedy(experts: int | None) -> str:
        backend = load_backend(
            str(tiny_moe_gguf),
            template="user-assistant",
            cache_dir=tmp_path,
            use_cache=False,
            overrides={"experts": experts, "temperature": 0, "context_length": 256},
        )
        assert backend.kwargs["kv_overrides"] == (
            None if experts is None else {"llama.expert_used_count": experts}
        )
        text = backend.generate(_request(max_tokens=12)).text
        backend.close()
        return text

    default = greedy(None)  # the GGUF says 2
    assert greedy(2) == default
    assert greedy(1) != default


def test_generation_figures_are_filled(tiny_gguf: Path, tmp_path: Path) -> None:
    backend = load_backend(str(tiny_gguf), overrides={"n_ctx": 256}, cache_dir=tmp_path)
    generation = backend.generate(_request(max_tokens=6))
    assert generation.completion_tokens == 6 and generation.finish_reason == "length"
    assert generation.prompt_tokens and generation.prompt_tokens > 5
    assert 0 < generation.ttft_s <= generation.seconds
    assert generation.tokens_per_second and generation.tokens_per_second > 0
    assert generation.seed == 5
    assert generation.template == "gguf"
    assert generation.prompt_text == "<|user|>def add(a, b):\n<|assistant|>"
    described = backend.describe()
    assert described["gguf"]["architecture"] == "llama"
    assert described["sha256"] and described["load_seconds"] >= 0
    assert described["template"]["name"] == "gguf"
    assert described["llama_kwargs"]["n_ctx"] == 256
    assert described["source"]["path"] == str(tiny_gguf.resolve())


def test_per_sample_seeds_and_random_seeds_are_recorded(tiny_gguf: Path, tmp_path: Path) -> None:
    backend = load_backend(
        str(tiny_gguf),
        overrides={"n_ctx": 256, "temperature": 1.0},
        cache_dir=tmp_path,
        use_cache=False,
    )
    first, second = backend.generate(_request(0)), backend.generate(_request(1))
    assert (first.seed, second.seed) == (5, 6)
    assert backend.generate(_request(0)).text == first.text  # same seed, same text
    randoms = {backend.generate(_request(0, seed=None)).seed for _ in range(3)}
    assert len(randoms) == 3 and None not in randoms


def test_cache_hits_on_repeat_and_keeps_samples_apart(tiny_gguf: Path, tmp_path: Path) -> None:
    backend = load_backend(
        str(tiny_gguf), overrides={"n_ctx": 256, "temperature": 1.0}, cache_dir=tmp_path
    )
    a0 = backend.generate(_request(0, seed=None))
    a1 = backend.generate(_request(1, seed=None))
    again = backend.generate(_request(0, seed=None))
    assert not a0.cached and not a1.cached and again.cached
    assert again.text == a0.text and again.seed == a0.seed
    assert a1.seed != a0.seed
    assert any((tmp_path / "generations").rglob("*.json"))
    fresh = load_backend(
        str(tiny_gguf),
        overrides={"n_ctx": 256, "temperature": 1.0},
        cache_dir=tmp_path,
        use_cache=False,
    )
    assert not fresh.generate(_request(0, seed=None)).cached
    other_template = load_backend(
        str(tiny_gguf),
        template="user-assistant",
        overrides={"n_ctx": 256, "temperature": 1.0},
        cache_dir=tmp_path,
    )
    assert not other_template.generate(_request(0, seed=None)).cached


def test_cache_key_covers_every_part() -> None:
    parts = {
        "model": "m",
        "settings": {"n_ctx": 1},
        "template": "t",
        "prompt": "p",
        "sampling": {"seed": 1},
        "sample": 0,
    }
    base = GenerationCache.key(**parts)
    for name, other in [
        ("model", "m2"),
        ("settings", {"n_ctx": 2}),
        ("template", "t2"),
        ("prompt", "p2"),
        ("sampling", {"seed": 2}),
        ("sample", 1),
    ]:
        assert GenerationCache.key(**{**parts, name: other}) != base, name


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "deepseek-coder",
            "You are an AI programming assistant, utilizing the Deepseek Coder model, "
            "developed by Deepseek Company, and you only answer questions related to "
            "computer science.\n### Instruction:\ndef add(a, b):\n### Response:\n",
        ),
        ("user-assistant", "User: def add(a, b):\n\nAssistant: "),
    ],
)
def test_preset_templates(tiny_gguf: Path, tmp_path: Path, template: str, expected: str) -> None:
    backend = load_backend(
        str(tiny_gguf), template=template, overrides={"n_ctx": 256}, cache_dir=tmp_path
    )
    generation = backend.generate(_request(max_tokens=2))
    assert generation.prompt_text == expected
    assert generation.template == template
    assert backend.describe()["template"]["name"] == template


def test_custom_template_file(tiny_gguf: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.j2"
    path.write_text("[[{{ user }}]]{% if system %}({{ system }}){% endif %} =>")
    backend = load_backend(
        str(tiny_gguf), template=str(path), overrides={"n_ctx": 256}, cache_dir=tmp_path
    )
    generation = backend.generate(_request(max_tokens=2, system="be brief"))
    assert generation.prompt_text == "[[def add(a, b):]](be brief) =>"
    assert generation.template == str(path)
    with pytest.raises(ModelError, match="template not found"):
        load_backend(str(tiny_gguf), template=str(tmp_path / "nope.j2"), cache_dir=tmp_path)


def test_profile_file_spec(tiny_gguf: Path, tmp_path: Path, profile_file) -> None:
    path = profile_file(tiny_gguf, name="tiny-prof", batch_size=32, seed=11)
    backend = load_backend(str(path), cache_dir=tmp_path, use_cache=False)
    assert backend.name == "tiny-prof"
    assert backend.kwargs["n_batch"] == 32
    assert backend.generate(_request(seed=None)).seed == 11  # profile seed + sample 0


def test_threads_share_one_model_safely(tiny_gguf: Path, tmp_path: Path) -> None:
    backend = load_backend(
        str(tiny_gguf), overrides={"n_ctx": 256}, cache_dir=tmp_path, use_cache=False
    )
    results: dict[int, str] = {}

    def work(i: int) -> None:
        results[i] = backend.generate(_request(i, max_tokens=4)).text

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1, 2, 3]
    assert results[2] == backend.generate(_request(2, max_tokens=4)).text
