"""GGUF models through llama-cpp-python, loaded once and reused for every sample."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from grader.errors import ModelError
from grader.models.base import Backend
from grader.models.cache import GenerationCache, file_sha256
from grader.models.gguf_info import GGUFInfo, read_gguf
from grader.models.profile import ModelProfile, llama_kwargs
from grader.models.sampling import sampling_for
from grader.models.templates import PromptTemplate, resolve_template
from grader.types import Generation, GenerationRequest


def _llama_class() -> Any:
    try:
        import llama_cpp
    except ImportError:
        raise ModelError(
            "llama-cpp-python is not installed; run `pip install 'grader[llama]'`"
        ) from None
    return llama_cpp.Llama


class LlamaCppBackend(Backend):
    """One ``llama_cpp.Llama`` for the whole run. ``generate`` is thread-safe (serialised)."""

    def __init__(
        self,
        model_path: Path,
        profile: ModelProfile,
        *,
        template: str | None = None,
        source: dict[str, Any] | None = None,
        cache: GenerationCache | None = None,
        cache_root: Path | None = None,
        llama_factory: Callable[..., Any] | None = None,
    ) -> None:
        self.path = Path(model_path)
        self.profile = profile
        self.info: GGUFInfo = read_gguf(self.path)
        self.name = profile.name
        self.source = source or {"path": str(self.path), "obtained": "local file"}
        self.kwargs = llama_kwargs(profile, self.path, self.info)
        self.template: PromptTemplate = resolve_template(
            template or profile.template,
            gguf_template=self.info.chat_template,
            bos_token=self.info.token("bos") or "",
            eos_token=self.info.token("eos") or "",
            model=str(self.path),
        )
        self.cache = cache
        self.sha256 = file_sha256(self.path, cache_root)
        self._lock = threading.Lock()
        started = time.perf_counter()
        try:
            self.llm = (llama_factory or _llama_class())(**self.kwargs)
        except (ValueError, RuntimeError, OSError) as error:
            raise ModelError(f"{self.path}: llama.cpp could not load the model ({error})") from None
        self.load_seconds = time.perf_counter() - started
        self._add_bos = bool(self.info.metadata.get("tokenizer.ggml.add_bos_token", False))

    # ------------------------------------------------------------------ generation

    def prompt_text(self, request: GenerationRequest) -> str:
        text = self.template.render(request.prompt, request.system or self.profile.system_prompt)
        bos = self.template.bos_token
        if self._add_bos and bos and text.startswith(bos):
            text = text[len(bos) :]  # llama.cpp adds it while tokenizing
        return text

    def generate(self, request: GenerationRequest) -> Generation:
        sampling = sampling_for(request, self.profile)
        prompt = self.prompt_text(request)
        key = None
        if self.cache is not None:
            key = GenerationCache.key(
                model=self.sha256,
                settings=self._settings_key(),
                template=self.template.sha256,
                prompt=prompt,
                sampling=sampling.key(),
                sample=request.sample,
            )
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        with self._lock:
            generation = self._run(prompt, sampling)
        if key is not None:
            self.cache.put(key, generation)  # type: ignore[union-attr]
        return generation

    def _run(self, prompt: str, sampling: Any) -> Generation:
        import llama_cpp

        llm = self.llm
        started = time.perf_counter()
        tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
        room = llm.n_ctx() - len(tokens)
        if room <= 0:
            raise ModelError(
                f"prompt of {len(tokens)} tokens does not fit context_length "
                f"{llm.n_ctx()} (profile {self.profile.name})"
            )
        max_tokens = min(sampling.max_tokens, room)
        vocab = llm._model.vocab
        llm.set_seed(sampling.seed)
        out: list[int] = []
        first: float | None = None
        finish = "length"
        for token in llm.generate(
            tokens,
            top_k=sampling.top_k,
            top_p=sampling.top_p,
            min_p=sampling.min_p,
            temp=sampling.temperature,
            repeat_penalty=sampling.repeat_penalty,
        ):
            if first is None:
                first = time.perf_counter()
            if llama_cpp.llama_vocab_is_eog(vocab, token):
                finish = "stop"
                break
            out.append(token)
            if len(out) >= max_tokens:
                break
        ended = time.perf_counter()
        text = llm.detokenize(out, prev_tokens=tokens).decode("utf-8", errors="replace")
        ttft = (first - started) if first is not None else None
        decode_s = ended - (first or started)
        return Generation(
            text=text,
            prompt_tokens=len(tokens),
            completion_tokens=len(out),
            ttft_s=ttft,
            seconds=ended - started,
            tokens_per_second=(len(out) / decode_s) if out and decode_s > 0 else None,
            seed=sampling.seed,
            finish_reason=finish,
            prompt_text=prompt,
            template=self.template.name,
        )

    def _settings_key(self) -> dict[str, Any]:
        kwargs = {
            k: v for k, v in self.kwargs.items() if k not in ("model_path", "verbose", "seed")
        }
        return {"llama": kwargs, "system_prompt": self.profile.system_prompt}

    # ------------------------------------------------------------------ records

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "backend": "llama-cpp",
            "source": self.source,
            "path": str(self.path),
            "sha256": self.sha256,
            "gguf": self.info.summary(),
            "profile": self.profile.model_dump(mode="json"),
            "lmstudio_parameters": self._effective_lmstudio_parameters(),
            "llama_kwargs": {k: v for k, v in self.kwargs.items() if k != "verbose"},
            "template": self.template.describe(),
            "load_seconds": round(self.load_seconds, 3),
            "llama_cpp_version": _llama_version(),
            "gpu_offload_supported": _gpu_offload(),
            # layers that really run on a GPU: 0 when llama.cpp was built without one
            "gpu_layers_effective": (self.kwargs["n_gpu_layers"] if _gpu_offload() else 0),
        }

    def _effective_lmstudio_parameters(self) -> dict[str, Any]:
        """The profile in LM Studio's words, with what llama.cpp chose where the profile said auto."""
        parameters = self.profile.lmstudio_parameters()
        if self.profile.cpu_threads is None:
            parameters["CPU thread pool"] = f"auto ({self.kwargs['n_threads']})"
        return parameters

    def close(self) -> None:
        llm, self.llm = self.llm, None
        if llm is not None and hasattr(llm, "close"):
            llm.close()


def _llama_version() -> str | None:
    try:
        import llama_cpp

        return llama_cpp.__version__
    except ImportError:
        return None


def _gpu_offload() -> bool | None:
    try:
        import llama_cpp

        return bool(llama_cpp.llama_supports_gpu_offload())
    except (ImportError, AttributeError):
        return None
