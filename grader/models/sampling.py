"""Per-sample seeds and sampling settings, shared by the generating backends."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from grader.models.profile import ModelProfile
from grader.types import GenerationRequest

_RANDOM = random.SystemRandom()


@dataclass(frozen=True)
class Sampling:
    seed: int  # the seed actually used (recorded)
    seed_setting: int | str  # the base seed, or "off" (what the cache key holds)
    temperature: float
    top_p: float
    top_k: int
    min_p: float
    repeat_penalty: float
    max_tokens: int

    def key(self) -> dict[str, Any]:
        return {
            "seed": self.seed_setting,
            "temperature": self.temperature,
            "top_p": self.top_p,
            "top_k": self.top_k,
            "min_p": self.min_p,
            "repeat_penalty": self.repeat_penalty,
            "max_tokens": self.max_tokens,
        }


def sampling_for(request: GenerationRequest, profile: ModelProfile) -> Sampling:
    """Request values win over the profile's; seed = base + sample index, or random when off."""
    base = request.seed if request.seed is not None else profile.seed
    if base == "off":
        seed, setting = _RANDOM.randrange(2**31), "off"
    else:
        seed, setting = (int(base) + request.sample) % 2**32, int(base)
    max_tokens = request.max_tokens
    if profile.max_tokens is not None:
        max_tokens = min(max_tokens, profile.max_tokens)
    return Sampling(
        seed=seed,
        seed_setting=setting,
        temperature=profile.temperature if request.temperature is None else request.temperature,
        top_p=profile.top_p if request.top_p is None else request.top_p,
        top_k=profile.top_k,
        min_p=profile.min_p,
        repeat_penalty=profile.repeat_penalty,
        max_tokens=max_tokens,
    )
