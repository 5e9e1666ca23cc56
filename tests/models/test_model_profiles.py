"""Profiles: the seed record's LM Studio settings, constraints, and every field -> llama kwarg."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from grader.errors import ModelError, SpecError
from grader.models import load_backend, resolve_profile
from grader.models.gguf_info import read_gguf
from grader.models.profile import (
    CACHE_TYPES,
    LLAMA_ARGS,
    LMSTUDIO_FIELDS,
    ModelProfile,
    llama_kwargs,
    load_profile,
)

REPO = Path(__file__).resolve().parents[2]
SEED_RECORD = REPO.parent / "shared" / "seeds" / "002_1906807c63529d94.txt"
PROFILES = sorted((REPO / "models").glob("*.yaml"))

# The "LLM Studio Parameters" block of the seed evaluation record, verbatim.
SEED_PARAMETERS = """\
- Context length: 8192
- GPU offload: 27/27
- CPU thread pool: 9
- Evaluation batch size: 512
- RoPE Frequency Base: auto
- RoPE Frequency Scale: auto
- Offload KV cache to GPU memory: on
- Keep model in memory: on
- Try mmap(): on
- Seed: off
- Number of experts: 6
- Force Model Experts Weights onto CPU: off
- Flash attention: off
- K Cache Quantization Type: off
- V Cache Quantization Type: off
"""


def _seed_parameters() -> dict[str, str]:
    text = SEED_RECORD.read_text() if SEED_RECORD.is_file() else SEED_PARAMETERS
    block = text.split("## LLM Studio Parameters", 1)[-1].split("\n## ", 1)[0]
    pairs = re.findall(r"^- (.+?): (.+)$", block, flags=re.M)
    return {label.strip(): value.strip() for label, value in pairs}


def _normalise(value: object) -> str:
    text = str(value)
    return text.split("/")[0] if re.fullmatch(r"\d+/\d+", text) else text  # "27/27" -> "27"


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_shipped_profiles_validate(path: Path) -> None:
    profile = load_profile(path)
    assert profile.name == path.stem
    assert not profile.broken_constraints()


def test_every_seed_parameter_has_a_profile_field_and_a_llama_argument() -> None:
    seed = _seed_parameters()
    assert len(seed) == 15
    for label in seed:
        field = LMSTUDIO_FIELDS[label]
        assert field in ModelProfile.model_fields
        assert field in LLAMA_ARGS


def test_deepseek_profile_reproduces_the_seed_settings_exactly() -> None:
    profile, _ = resolve_profile("deepseek-coder-v2-lite-instruct")
    ours = {label: _normalise(value) for label, value in profile.lmstudio_parameters().items()}
    theirs = {label: _normalise(value) for label, value in _seed_parameters().items()}
    assert ours == theirs
    assert profile.template == "deepseek-coder"
    assert profile.constraints["flash_attention"].must_be is False


def test_deepseek_profile_without_its_gguf_says_file_not_found(cache_dir: Path) -> None:
    with pytest.raises(ModelError, match="model file not found"):
        load_backend("deepseek-coder-v2-lite-instruct", cache_dir=cache_dir)


def test_conflicting_override_is_refused_with_the_cards_reason(cache_dir: Path) -> None:
    with pytest.raises(ModelError, match=r"refusing flash_attn=true.*MUST be disabled"):
        load_backend(
            "deepseek-coder-v2-lite-instruct", overrides={"flash_attn": True}, cache_dir=cache_dir
        )
    profile, _ = resolve_profile("deepseek-coder-v2-lite-instruct")
    assert profile.with_overrides({"flash_attention": False}).flash_attention is False


def test_profile_that_breaks_its_own_constraint_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "model: x.gguf\nflash_attention: true\n"
        "constraints:\n  flash_attention: {must_be: false, reason: card says so}\n"
    )
    with pytest.raises(SpecError, match=r"bad.yaml: .*flash_attention must be false.*card says so"):
        load_profile(path)


def test_bad_field_value_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("model: x.gguf\nk_cache_type: q9_9\n")
    with pytest.raises(SpecError, match=r"p.yaml: k_cache_type: must be off or one of"):
        load_profile(path)
    path.write_text("model: x.gguf\ncontext_lenght: 10\n")
    with pytest.raises(SpecError, match="context_lenght"):
        load_profile(path)


def test_unknown_override_is_refused() -> None:
    profile = ModelProfile(name="p", model="x.gguf")
    with pytest.raises(ModelError, match="unknown model setting 'n_ctxx'"):
        profile.with_overrides({"n_ctxx": 1})
    with pytest.raises(ModelError, match="bad override context_length"):
        profile.with_overrides({"n_ctx": -5})


def test_yaml_off_and_auto_spellings() -> None:
    profile = ModelProfile.model_validate(
        {"name": "p", "model": "m", "seed": False, "k_cache_type": False, "rope_freq_base": 0}
    )
    assert (profile.seed, profile.k_cache_type, profile.rope_freq_base) == ("off", "off", "auto")
    assert ModelProfile(name="p", model="m", seed=0).seed == 0  # 0 is a seed, not "off"


# field -> (non-default value, llama kwarg, expected kwarg value)
FIELD_TO_KWARG = {
    "context_length": (1024, "n_ctx", 1024),
    "gpu_layers": (27, "n_gpu_layers", 27),
    "cpu_threads": (9, "n_threads", 9),
    "batch_size": (128, "n_batch", 128),
    "rope_freq_base": (5000.0, "rope_freq_base", 5000.0),
    "rope_freq_scale": (0.5, "rope_freq_scale", 0.5),
    "offload_kv_cache": (False, "offload_kqv", False),
    "keep_in_memory": (True, "use_mlock", True),
    "use_mmap": (False, "use_mmap", False),
    "seed": (1234, "seed", 1234),
    "experts": (3, "kv_overrides", {"llama.expert_used_count": 3}),
    "flash_attention": (True, "flash_attn", True),
    "k_cache_type": ("q8_0", "type_k", CACHE_TYPES["q8_0"]),
    "v_cache_type": ("q4_0", "type_v", CACHE_TYPES["q4_0"]),
}


def test_every_lmstudio_field_reaches_a_llama_kwarg(tiny_moe_gguf: Path) -> None:
    assert set(FIELD_TO_KWARG) | {"cpu_moe"} == set(LMSTUDIO_FIELDS.values())
    info = read_gguf(tiny_moe_gguf)
    base = ModelProfile(name="p", model=str(tiny_moe_gguf))
    default = llama_kwargs(base, tiny_moe_gguf, info)
    for field, (value, kwarg, expected) in FIELD_TO_KWARG.items():
        changed = llama_kwargs(base.with_overrides({field: value}), tiny_moe_gguf, info)
        assert changed[kwarg] == expected, field
        assert default[kwarg] != expected, field
    assert default["seed"] == 0xFFFFFFFF and default["rope_freq_base"] == 0.0  # off / auto
    assert (
        default["n_threads"] == default["n_threads_batch"] == (os.cpu_count() or 1)
    )  # auto = every core


def test_cpu_moe_is_refused_clearly(tiny_moe_gguf: Path) -> None:
    profile = ModelProfile(name="p", model=str(tiny_moe_gguf), cpu_moe=True)
    with pytest.raises(ModelError, match="cpu_moe .*not supported"):
        llama_kwargs(profile, tiny_moe_gguf, read_gguf(tiny_moe_gguf))


def test_experts_on_a_dense_model_is_refused(tiny_gguf: Path) -> None:
    profile = ModelProfile(name="p", model=str(tiny_gguf), experts=6)
    with pytest.raises(ModelError, match="not a mixture of experts"):
        llama_kwargs(profile, tiny_gguf, read_gguf(tiny_gguf))


def test_too_many_experts_is_refused(tiny_moe_gguf: Path) -> None:
    profile = ModelProfile(name="p", model=str(tiny_moe_gguf), experts=6)
    with pytest.raises(ModelError, match="has only 4"):
        llama_kwargs(profile, tiny_moe_gguf, read_gguf(tiny_moe_gguf))
