"""The real embedded default model (Qwen2.5-Coder-0.5B-Instruct Q4_K_M) writes code."""

from __future__ import annotations

import pytest

from grader.models import embedded, load_backend
from grader.types import GenerationRequest

pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.shared_cache]


@pytest.fixture(scope="module")
def default_backend(shared_cache_root):  # type: ignore[no-untyped-def]
    if not embedded.is_ready(embedded.DEFAULT, shared_cache_root):
        pytest.skip("embedded model not pulled: run `grade model pull` (≈5 s, 491 MB)")
    with pytest.MonkeyPatch.context() as patch:  # the model lives in the shared cache
        patch.setenv("GRADER_CACHE", str(shared_cache_root))
        backend = load_backend(None, overrides={"n_ctx": 1024}, use_cache=False)
    yield backend
    backend.close()


def test_embedded_model_writes_python(default_backend) -> None:  # type: ignore[no-untyped-def]
    request = GenerationRequest(
        task_id="t",
        prompt="Write a Python function add(a, b) that returns a + b. Reply with only the code.",
        seed=1,
        max_tokens=48,
        temperature=0.0,
    )
    generation = default_backend.generate(request)
    assert "def add" in generation.text
    assert generation.completion_tokens and 0 < generation.completion_tokens <= 48
    assert generation.ttft_s and generation.ttft_s < generation.seconds
    # the decode rate: tokens after the first one arrived, over that time (no speed threshold
    # here: a loaded machine is slow, and speed targets live in bench/)
    decode_s = generation.seconds - generation.ttft_s
    assert generation.tokens_per_second == pytest.approx(generation.completion_tokens / decode_s)
    assert generation.prompt_text.startswith("<|im_start|>system")
    described = default_backend.describe()
    assert described["sha256"] == embedded.DEFAULT.sha256
    assert described["gguf"]["architecture"] == "qwen2"
    assert described["gguf"]["quantization"] == "Q4_K_M"
    assert described["gguf"]["chat_template"] == "chatml"
