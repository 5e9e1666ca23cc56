"""Model backends: llama-cpp (GGUF files, profiles, the embedded default), OpenAI-compatible
servers, and replayed completions. ``load_backend`` is the one door the pipeline uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from grader.errors import ModelError
from grader.models.base import Backend
from grader.models.profile import ModelProfile, load_profile
from grader.paths import MODELS_DIR
from grader.registry import Registry

__all__ = ["BACKENDS", "Backend", "DEFAULT_PROFILE", "load_backend", "resolve_profile"]

# name -> a factory taking (spec, profile, profile_path, template, overrides, cache_dir, use_cache)
BackendFactory = Callable[..., Backend]
BACKENDS: Registry[BackendFactory] = Registry("model backend")
DEFAULT_PROFILE = "qwen2.5-coder-0.5b"


@BACKENDS.register("llama-cpp")
def _llama_cpp() -> BackendFactory:
    from grader.models.llama_cpp_backend import LlamaCppBackend
    from grader.models.profile import resolve_model_file

    def build(
        spec: str | None,
        profile: ModelProfile,
        profile_path: Path | None,
        *,
        template: str | None,
        cache: Any,
        cache_dir: Path | None,
    ) -> Backend:
        if profile_path is None and spec is not None:  # a bare .gguf path
            path = Path(spec).expanduser()
            if not path.is_file():
                raise ModelError(f"{path}: model file not found (--model)")
            source = {"path": str(path.resolve()), "obtained": "local file (--model)"}
        else:
            path = resolve_model_file(profile, profile_path)
            obtained = (
                "embedded: PyPI data wheels, assembled by `grade model pull`"
                if profile.model.startswith("embedded:")
                else "local file named by the profile"
            )
            source = {
                "path": str(path),
                "obtained": obtained,
                "profile": str(profile_path),
                "url": profile.source or None,
            }
        return LlamaCppBackend(
            path, profile, template=template, source=source, cache=cache, cache_root=cache_dir
        )

    return build


@BACKENDS.register("openai")
def _openai() -> BackendFactory:
    from grader.models.openai_compat import OpenAIBackend

    def build(
        spec: str,
        profile: ModelProfile,
        profile_path: Path | None,
        *,
        template: str | None,
        cache: Any,
        cache_dir: Path | None,
    ) -> Backend:
        return OpenAIBackend(spec, profile, template=template, cache=cache)

    return build


@BACKENDS.register("replay")
def _replay() -> BackendFactory:
    from grader.models.replay import ReplayBackend

    def build(spec: str, profile: ModelProfile, profile_path: Path | None, **_: Any) -> Backend:
        return ReplayBackend(spec.removeprefix("replay:"))

    return build


def resolve_profile(spec: str | None) -> tuple[ModelProfile, Path | None]:
    """The profile a spec names: None (default), a profile name in models/, or a YAML path."""
    name = spec or DEFAULT_PROFILE
    candidates = (
        [Path(name)]
        if name.endswith((".yaml", ".yml"))
        else [MODELS_DIR / f"{name}.yaml", MODELS_DIR / f"{name}.yml"]
    )
    for path in candidates:
        if path.is_file():
            return load_profile(path), path.resolve()
    known = ", ".join(sorted(p.stem for p in MODELS_DIR.glob("*.yaml"))) or "none"
    raise ModelError(f"{name}: no such model profile, GGUF file or server spec (profiles: {known})")


def _kind(spec: str | None) -> str:
    if spec and spec.startswith("openai:"):
        return "openai"
    if spec and spec.startswith("replay:"):
        return "replay"
    return "llama-cpp"


def load_backend(
    spec: str | None,
    *,
    template: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
) -> Backend:
    """Build the backend a ``--model`` spec names, with CLI overrides applied.

    ``spec``: None (the embedded default profile), ``path.gguf``, a profile name or YAML
    path, ``openai:http://host:port/v1#model``, or ``replay:FILE.jsonl``.
    """
    from grader.models.cache import GenerationCache

    kind = _kind(spec)
    profile_path: Path | None = None
    if kind == "llama-cpp" and spec and spec.endswith(".gguf"):
        profile = ModelProfile(name=Path(spec).stem, model=spec)
    elif kind == "llama-cpp":
        profile, profile_path = resolve_profile(spec)
    else:
        profile = ModelProfile(name=spec or kind, model=spec or "", context_length=0)
    profile = profile.with_overrides(overrides)
    cache = GenerationCache(cache_dir) if use_cache else None
    return BACKENDS.get(kind)(
        spec, profile, profile_path, template=template, cache=cache, cache_dir=cache_dir
    )
