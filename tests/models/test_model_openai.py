"""The OpenAI-compatible backend against real servers on loopback.

``python -m llama_cpp.server`` serves the tiny GGUF; a small stdlib HTTP server plays a
flaky one (503s, then a reply) to exercise retries.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from grader.errors import ModelError
from grader.models import load_backend
from grader.models.openai_compat import OpenAIBackend, parse_spec
from grader.models.profile import ModelProfile
from grader.types import GenerationRequest

pytest.importorskip("uvicorn", reason="llama-cpp-python[server] extras are not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def llama_server(tiny_gguf: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(tiny_gguf),
            "--model_alias",
            "tiny",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "256",
            "--verbose",
            "false",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited: {process.stderr.read()[-500:]}")
            try:
                if httpx.get(f"{url}/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("llama_cpp.server did not start within 60 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _request(sample: int = 0, **extra: object) -> GenerationRequest:
    return GenerationRequest(
        task_id="t", prompt="def add(a, b):", sample=sample, seed=3, max_tokens=6, **extra
    )


def test_spec_parsing() -> None:
    assert parse_spec("openai:http://h:1/v1#m") == ("http://h:1/v1", "m")
    assert parse_spec("openai:https://h/v1/") == ("https://h/v1", None)
    with pytest.raises(ModelError, match="expected openai:"):
        parse_spec("openai:h:1")


@pytest.mark.slow
def test_generates_through_a_real_llama_server(llama_server: str, tmp_path: Path) -> None:
    backend = load_backend(f"openai:{llama_server}#tiny", cache_dir=tmp_path)
    generation = backend.generate(_request())
    # llama_cpp.server may run a token or few past max_tokens to finish a UTF-8 character
    assert 6 <= generation.completion_tokens <= 12 and generation.prompt_tokens
    assert generation.finish_reason == "length"
    assert generation.seconds > 0 and generation.seed == 3
    assert generation.template == "server (model's own)"
    assert backend.generate(_request()).cached
    described = backend.describe()
    assert described["source"]["url"] == llama_server and "tiny" in described["served_models"]
    preset = load_backend(
        f"openai:{llama_server}#tiny", template="user-assistant", cache_dir=tmp_path
    )
    rendered = preset.generate(_request())
    assert rendered.prompt_text == "User: def add(a, b):\n\nAssistant: "
    assert rendered.completion_tokens >= 6


@pytest.mark.slow
def test_concurrent_calls_are_bounded(llama_server: str) -> None:
    backend = OpenAIBackend(
        f"openai:{llama_server}#tiny", ModelProfile(name="s", model=""), max_concurrency=2
    )
    in_flight, peak = 0, 0
    lock = threading.Lock()
    original = backend._call

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        try:
            return original(*args, **kwargs)
        finally:
            with lock:
                in_flight -= 1

    backend._call = counting  # type: ignore[method-assign]
    results: dict[int, int | None] = {}
    threads = [
        threading.Thread(
            target=lambda i=i: results.__setitem__(
                i, backend.generate(_request(i)).completion_tokens
            )
        )
        for i in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(6))
    assert all(tokens and tokens >= 6 for tokens in results.values())
    assert 1 <= peak <= 2


def test_server_down_is_a_clear_error() -> None:
    port = _free_port()
    started = time.monotonic()
    with pytest.raises(ModelError, match=r"cannot connect .*is the server running\?"):
        load_backend(f"openai:http://127.0.0.1:{port}/v1#m", use_cache=False)
    assert time.monotonic() - started < 10


class _Flaky(BaseHTTPRequestHandler):
    failures_left = 2
    posts = 0

    def log_message(self, *args: object) -> None:
        pass

    def _reply(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        self._reply(200, {"data": [{"id": "flaky"}]})

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).posts += 1
        if type(self).failures_left > 0:
            type(self).failures_left -= 1
            self._reply(503, {"error": "busy"})
            return
        self._reply(
            200,
            {
                "choices": [{"message": {"content": "ok"}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 1},
            },
        )


def test_retries_with_backoff_on_5xx() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"openai:http://127.0.0.1:{server.server_address[1]}/v1"
        backend = OpenAIBackend(url, ModelProfile(name="s", model=""), backoff_s=0.05)
        assert backend.model == "flaky"  # taken from /models when the spec names none
        generation = backend.generate(_request())
        assert generation.text == "ok" and _Flaky.posts == 3
        _Flaky.failures_left = 10
        with pytest.raises(ModelError, match=r"HTTP 503.*after 3 attempt"):
            OpenAIBackend(
                url, ModelProfile(name="s", model=""), backoff_s=0.01, max_retries=2
            ).generate(_request())
    finally:
        server.shutdown()
