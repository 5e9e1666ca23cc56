"""Model profiles: one YAML file per model, LM Studio's load parameters as fields.

Every setting of LM Studio's "LLM Studio Parameters" block has a field here
(``LMSTUDIO_FIELDS``), and ``llama_kwargs`` turns a profile into the exact keyword
arguments given to ``llama_cpp.Llama``. A profile may declare constraints (the model card
says flash attention MUST be off): a setting or override that breaks one is refused.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from grader.errors import ModelError, SpecError
from grader.models.gguf_info import GGUFInfo

# K/V cache quantization names -> ggml type ids (llama.cpp's GGML_TYPE_*); "off" = default f16
CACHE_TYPES: dict[str, int] = {
    "f32": 0,
    "f16": 1,
    "q4_0": 2,
    "q4_1": 3,
    "q5_0": 6,
    "q5_1": 7,
    "q8_0": 8,
    "iq4_nl": 20,
    "bf16": 30,
}
LLAMA_DEFAULT_SEED = 0xFFFFFFFF  # llama.cpp: "pick a random seed"

# LM Studio's label (as in the evaluation record) -> profile field
LMSTUDIO_FIELDS: dict[str, str] = {
    "Context length": "context_length",
    "GPU offload": "gpu_layers",
    "CPU thread pool": "cpu_threads",
    "Evaluation batch size": "batch_size",
    "RoPE Frequency Base": "rope_freq_base",
    "RoPE Frequency Scale": "rope_freq_scale",
    "Offload KV cache to GPU memory": "offload_kv_cache",
    "Keep model in memory": "keep_in_memory",
    "Try mmap()": "use_mmap",
    "Seed": "seed",
    "Number of experts": "experts",
    "Force Model Experts Weights onto CPU": "cpu_moe",
    "Flash attention": "flash_attention",
    "K Cache Quantization Type": "k_cache_type",
    "V Cache Quantization Type": "v_cache_type",
}

# profile field -> the llama_cpp.Llama argument it becomes
LLAMA_ARGS: dict[str, str] = {
    "context_length": "n_ctx",
    "gpu_layers": "n_gpu_layers",
    "cpu_threads": "n_threads",
    "batch_size": "n_batch",
    "rope_freq_base": "rope_freq_base",
    "rope_freq_scale": "rope_freq_scale",
    "offload_kv_cache": "offload_kqv",
    "keep_in_memory": "use_mlock",
    "use_mmap": "use_mmap",
    "seed": "seed",
    "experts": "kv_overrides",
    "cpu_moe": "(tensor buffer overrides)",
    "flash_attention": "flash_attn",
    "k_cache_type": "type_k",
    "v_cache_type": "type_v",
}

# other spellings accepted in overrides (``--set n_ctx=4096``) and CLI flags
ALIASES: dict[str, str] = {
    "n_ctx": "context_length",
    "ctx": "context_length",
    "n_gpu_layers": "gpu_layers",
    "gpu_offload": "gpu_layers",
    "n_threads": "cpu_threads",
    "threads": "cpu_threads",
    "n_batch": "batch_size",
    "offload_kqv": "offload_kv_cache",
    "use_mlock": "keep_in_memory",
    "mlock": "keep_in_memory",
    "mmap": "use_mmap",
    "n_experts": "experts",
    "expert_used_count": "experts",
    "flash_attn": "flash_attention",
    "type_k": "k_cache_type",
    "type_v": "v_cache_type",
}


class Constraint(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    must_be: Any
    reason: str = ""


class ModelProfile(BaseModel):
    """One model and every setting it is loaded and sampled with."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str = ""
    # a GGUF path (relative to the profile file), or "embedded:<name>" (``grade model pull``)
    model: str
    source: str = ""  # where the GGUF comes from, shown when it is missing
    template: str = "gguf"  # gguf | deepseek-coder | user-assistant | path to a jinja file
    system_prompt: str | None = None

    # LM Studio load parameters (see LMSTUDIO_FIELDS / LLAMA_ARGS)
    context_length: int = Field(default=4096, ge=0)  # 0 = the GGUF's own
    gpu_layers: int = Field(default=0, ge=-1)  # -1 = all layers
    cpu_threads: int | None = Field(default=None, ge=1)  # None = llama.cpp's choice
    batch_size: int = Field(default=512, ge=1)
    rope_freq_base: float | Literal["auto"] = "auto"
    rope_freq_scale: float | Literal["auto"] = "auto"
    offload_kv_cache: bool = True
    keep_in_memory: bool = False
    use_mmap: bool = True
    seed: int | Literal["off"] = "off"  # off = a random seed per sample, recorded
    experts: int | None = Field(default=None, ge=1)  # MoE: experts used per token
    cpu_moe: bool = False
    flash_attention: bool = False
    k_cache_type: str = "off"
    v_cache_type: str = "off"

    # sampling defaults (flags override them)
    temperature: float = Field(default=0.2, ge=0)
    top_p: float = Field(default=0.95, gt=0, le=1)
    top_k: int = Field(default=40, ge=0)
    min_p: float = Field(default=0.05, ge=0, le=1)
    repeat_penalty: float = Field(default=1.0, gt=0)
    max_tokens: int | None = Field(default=None, ge=1)  # a cap on what a run asks for

    constraints: dict[str, Constraint] = Field(default_factory=dict)

    @field_validator("k_cache_type", "v_cache_type", mode="before")
    @classmethod
    def _cache_type(cls, value: Any) -> str:
        value = "off" if value is None or value is False else str(value).lower()
        if value != "off" and value not in CACHE_TYPES:
            raise ValueError(f"must be off or one of {', '.join(CACHE_TYPES)}")
        return value

    @field_validator("seed", mode="before")
    @classmethod
    def _seed(cls, value: Any) -> Any:
        # YAML reads a bare `off` as false
        if (
            value is None
            or value is False
            or value == "random"
            or (type(value) is int and value == -1)
        ):
            return "off"
        return value

    @field_validator("rope_freq_base", "rope_freq_scale", mode="before")
    @classmethod
    def _auto(cls, value: Any) -> Any:
        if value is None or value is False or (type(value) in (int, float) and value == 0):
            return "auto"
        return value

    @field_validator("constraints")
    @classmethod
    def _known_fields(cls, value: dict[str, Constraint]) -> dict[str, Constraint]:
        unknown = sorted(set(value) - set(cls.model_fields))
        if unknown:
            raise ValueError(f"constraint on unknown field(s): {', '.join(unknown)}")
        return value

    @model_validator(mode="after")
    def _constraints_hold(self) -> ModelProfile:
        broken = self.broken_constraints()
        if broken:
            raise ValueError(broken[0])
        return self

    def broken_constraints(self) -> list[str]:
        problems = []
        for field_name, rule in self.constraints.items():
            value = getattr(self, field_name)
            if value != rule.must_be:
                why = f" ({rule.reason})" if rule.reason else ""
                problems.append(
                    f"{field_name} must be {_show(rule.must_be)} for this model{why}, "
                    f"not {_show(value)}"
                )
        return problems

    def with_overrides(self, overrides: Mapping[str, Any] | None) -> ModelProfile:
        """A copy with CLI overrides applied; a ModelError names a bad key or a broken constraint."""
        if not overrides:
            return self
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if value is None:
                continue
            field_name = ALIASES.get(key, key)
            if field_name not in type(self).model_fields or field_name in ("constraints", "name"):
                raise ModelError(
                    f"unknown model setting {key!r} (known: "
                    f"{', '.join(sorted(set(type(self).model_fields) - {'constraints'}))})"
                )
            rule = self.constraints.get(field_name)
            if rule is not None and value != rule.must_be:
                why = f": {rule.reason}" if rule.reason else ""
                raise ModelError(
                    f"profile {self.name}: refusing {key}={_show(value)}; "
                    f"{field_name} must be {_show(rule.must_be)}{why}"
                )
            changes[field_name] = value
        data = self.model_dump()
        data.update(changes)
        try:
            return type(self).model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "override"
            raise ModelError(f"profile {self.name}: bad override {where}: {first['msg']}") from None

    def lmstudio_parameters(self) -> dict[str, Any]:
        """The profile in LM Studio's words, as the evaluation record lists them."""
        return {
            label: _lmstudio_value(getattr(self, field)) for label, field in LMSTUDIO_FIELDS.items()
        }


def _show(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _lmstudio_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "on" if value else "off"
    return "auto" if value is None else value


def llama_kwargs(profile: ModelProfile, model_path: Path, info: GGUFInfo | None) -> dict[str, Any]:
    """The keyword arguments ``llama_cpp.Llama(**kwargs)`` is called with."""
    if profile.cpu_moe:
        raise ModelError(
            f"profile {profile.name}: cpu_moe (Force Model Experts Weights onto CPU) "
            "is not supported by llama-cpp-python 0.3 (no tensor buffer overrides)"
        )
    kwargs: dict[str, Any] = {
        "model_path": str(model_path),
        "n_ctx": profile.context_length,
        "n_gpu_layers": profile.gpu_layers,
        # auto = every core: llama-cpp-python's own default is half of them (1 of 2 here: 30 vs 45 tok/s)
        "n_threads": profile.cpu_threads or os.cpu_count() or 1,
        "n_threads_batch": profile.cpu_threads or os.cpu_count() or 1,
        "n_batch": min(profile.batch_size, profile.context_length or profile.batch_size),
        "rope_freq_base": 0.0
        if profile.rope_freq_base == "auto"
        else float(profile.rope_freq_base),
        "rope_freq_scale": 0.0
        if profile.rope_freq_scale == "auto"
        else float(profile.rope_freq_scale),
        "offload_kqv": profile.offload_kv_cache,
        "use_mlock": profile.keep_in_memory,
        "use_mmap": profile.use_mmap,
        "seed": LLAMA_DEFAULT_SEED if profile.seed == "off" else int(profile.seed),
        "flash_attn": profile.flash_attention,
        "type_k": None if profile.k_cache_type == "off" else CACHE_TYPES[profile.k_cache_type],
        "type_v": None if profile.v_cache_type == "off" else CACHE_TYPES[profile.v_cache_type],
        "kv_overrides": None,
        "verbose": False,
    }
    if profile.experts is not None:
        if info is None:
            raise ModelError(f"profile {profile.name}: experts needs the GGUF's architecture")
        total = info.expert_count or 0
        if total <= 0:
            raise ModelError(
                f"{model_path}: experts={profile.experts} set in profile {profile.name} but "
                f"the model is not a mixture of experts (no {info.architecture}.expert_count)"
            )
        if profile.experts > total:
            raise ModelError(
                f"profile {profile.name}: experts={profile.experts} but {model_path.name} "
                f"has only {total}"
            )
        kwargs["kv_overrides"] = {f"{info.architecture}.expert_used_count": int(profile.experts)}
    return kwargs


def load_profile(path: Path | str) -> ModelProfile:
    """Read and validate a profile YAML; SpecError names the file and field."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SpecError(path, "", f"cannot read profile ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise SpecError(path, "", f"not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise SpecError(path, "", "a profile is a YAML mapping")
    data.setdefault("name", path.stem)
    try:
        return ModelProfile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "profile"
        message = first["msg"].removeprefix("Value error, ")
        raise SpecError(path, where, message) from None


def resolve_model_file(profile: ModelProfile, profile_path: Path | None) -> Path:
    """The GGUF a profile names; ModelError ('file not found' / how to pull) when absent."""
    if profile.model.startswith("embedded:"):
        from grader.models import embedded

        return embedded.ensure(embedded.get(profile.model.removeprefix("embedded:")))
    path = Path(profile.model).expanduser()
    if not path.is_absolute() and profile_path is not None:
        path = profile_path.parent / path
    if not path.is_file():
        where = f" (profile {profile_path}: model)" if profile_path else ""
        hint = f"; get it from {profile.source}" if profile.source else ""
        raise ModelError(f"{path}: model file not found{where}{hint}")
    return path
