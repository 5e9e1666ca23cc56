"""OpenAI-compatible servers (LM Studio, llama-server, vLLM, Ollama): ``openai:URL#model``.

Calls may come from several threads: a semaphore bounds how many are in flight. 429, 5xx,
timeouts and dropped connections are retried with exponential backoff; a server that is
not there is a ModelError at load time.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx

from grader.errors import ModelError
from grader.models.base import Backend
from grader.models.cache import GenerationCache
from grader.models.profile import ModelProfile
from grader.models.sampling import Sampling, sampling_for
from grader.models.templates import PromptTemplate, resolve_template
from grader.types import Generation, GenerationRequest

RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}


def parse_spec(spec: str) -> tuple[str, str | None]:
    """``openai:http://host:port/v1#model`` -> (base URL, model name or None)."""
    rest = spec.removeprefix("openai:")
    url, _, model = rest.partition("#")
    if not url.startswith(("http://", "https://")):
        raise ModelError(f"{spec}: expected openai:http(s)://host:port/v1#model-name")
    return url.rstrip("/"), (model or None)


class OpenAIBackend(Backend):
    def __init__(
        self,
        spec: str,
        profile: ModelProfile,
        *,
        template: str | None = None,
        cache: GenerationCache | None = None,
        max_concurrency: int = 4,
        max_retries: int = 4,
        backoff_s: float = 0.5,
        timeout_s: float = 300.0,
    ) -> None:
        self.spec = spec
        self.base_url, model = parse_spec(spec)
        self.profile = profile
        self.cache = cache
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.max_concurrency = max_concurrency
        self._slots = threading.BoundedSemaphore(max_concurrency)
        self._client = httpx.Client(timeout=httpx.Timeout(timeout_s, connect=5.0))
        started = time.perf_counter()
        served = self._models()
        self.model = model or (served[0] if served else None)
        if self.model is None:
            raise ModelError(
                f"{self.base_url}: the server lists no model; name one as {spec}#model-name"
            )
        self.load_seconds = time.perf_counter() - started
        self.name = model or self.model
        # "gguf" = the server applies the model's own template (chat endpoint);
        # a preset or file = we render the prompt and use the completions endpoint.
        name = template or profile.template
        self.template: PromptTemplate | None = None
        if name and name != "gguf":
            self.template = resolve_template(name)
        self.served_models = served

    # ------------------------------------------------------------------ HTTP

    def _models(self) -> list[str]:
        response = self._request("GET", "/models", retries=1)
        try:
            return [m["id"] for m in response.json().get("data", []) if "id" in m]
        except (ValueError, AttributeError, TypeError):
            return []

    def _request(
        self, method: str, path: str, *, json_body: Any = None, retries: int | None = None
    ) -> httpx.Response:
        retries = self.max_retries if retries is None else retries
        url = self.base_url + path
        problem = ""
        for attempt in range(retries + 1):
            if attempt:
                time.sleep(self.backoff_s * 2 ** (attempt - 1))
            try:
                response = self._client.request(method, url, json=json_body)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                problem = f"cannot connect ({error}); is the server running?"
                continue
            except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError) as error:
                problem = f"{type(error).__name__}: {error}"
                continue
            if response.status_code in RETRY_STATUS:
                problem = f"HTTP {response.status_code}: {response.text[:200]}"
                continue
            if response.status_code >= 400:
                raise ModelError(f"{url}: HTTP {response.status_code}: {response.text[:300]}")
            return response
        raise ModelError(f"{url}: {problem} (after {retries + 1} attempt(s))")

    # ------------------------------------------------------------------ generation

    def generate(self, request: GenerationRequest) -> Generation:
        sampling = sampling_for(request, self.profile)
        system = request.system or self.profile.system_prompt
        prompt = self.template.render(request.prompt, system) if self.template else None
        key = None
        if self.cache is not None:
            key = GenerationCache.key(
                model=f"{self.base_url}#{self.model}",
                template=self._template_id(),
                prompt=prompt or [system, request.prompt],
                sampling=sampling.key(),
                sample=request.sample,
            )
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        with self._slots:
            generation = self._call(request.prompt, system, prompt, sampling)
        if key is not None:
            self.cache.put(key, generation)
        return generation

    def _call(
        self, user: str, system: str | None, prompt: str | None, sampling: Sampling
    ) -> Generation:
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": sampling.max_tokens,
            "temperature": sampling.temperature,
            "top_p": sampling.top_p,
            "seed": sampling.seed,
        }
        if prompt is not None:
            body["prompt"] = prompt
            path = "/completions"
        else:
            messages = ([{"role": "system", "content": system}] if system else []) + [
                {"role": "user", "content": user}
            ]
            body["messages"] = messages
            path = "/chat/completions"
        started = time.perf_counter()
        data = self._request("POST", path, json_body=body).json()
        seconds = time.perf_counter() - started
        try:
            choice = data["choices"][0]
            text = choice["text"] if prompt is not None else choice["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise ModelError(
                f"{self.base_url}{path}: unexpected reply {json.dumps(data)[:200]}"
            ) from None
        usage = data.get("usage") or {}
        completion_tokens = usage.get("completion_tokens")
        return Generation(
            text=text or "",
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=completion_tokens,
            ttft_s=None,
            seconds=seconds,
            tokens_per_second=(completion_tokens / seconds)
            if completion_tokens and seconds > 0
            else None,
            seed=sampling.seed,
            finish_reason=choice.get("finish_reason"),
            prompt_text=prompt,
            template=self._template_id(),
        )

    def _template_id(self) -> str:
        return self.template.name if self.template else "server (model's own)"

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "backend": "openai",
            "source": {
                "url": self.base_url,
                "model": self.model,
                "obtained": "OpenAI-compatible server",
            },
            "served_models": self.served_models,
            "profile": self.profile.model_dump(mode="json"),
            "template": self.template.describe()
            if self.template
            else {"name": self._template_id()},
            "max_concurrency": self.max_concurrency,
            "max_retries": self.max_retries,
            "load_seconds": round(self.load_seconds, 3),
        }

    def close(self) -> None:
        self._client.close()
