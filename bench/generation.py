"""Generation throughput: the grader's llama-cpp backend vs a bare ``llama_cpp.Llama`` call.

    python bench/generation.py [--model SPEC] [--max-tokens 128] [--seed 1] [--repeats 3]
                               [--set KEY=VALUE ...] [--json]

Same process, same GGUF, same prompt (the reference task's, templated the same way), same
seed, sampling settings and max tokens. The backend is the one ``grade run`` uses (cache off).
Runs alternate (bare, grader, bare, grader, ...) and the KV cache is reset before each, so
neither side gets a warm prefix. Tokens/s = completion tokens / wall seconds of the call
(prompt evaluation included), median (and best) over the repeats; on a busy machine the
best-of figure is the steadier one. Goal: grader / bare >= 0.97.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import llama_cpp  # noqa: E402

from grader.models import load_backend  # noqa: E402
from grader.models.sampling import sampling_for  # noqa: E402
from grader.types import GenerationRequest  # noqa: E402

PROMPT_TASK = ROOT / "tasks" / "user-flags" / "python.yaml"
FALLBACK_PROMPT = (
    "Write a Python function update_user_flags(request, repo) that validates UserId, "
    "ActiveFlag and SystemDeleteFlag, returning error codes 50001-50003, then updates "
    "the user inside try/except. Explain each step."
)


def _prompt() -> str:
    try:
        import yaml

        return yaml.safe_load(PROMPT_TASK.read_text())["prompt"]
    except (OSError, KeyError, TypeError):
        return FALLBACK_PROMPT


def _overrides(pairs: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--model", default=None, help="profile, .gguf path (default: the embedded model)"
    )
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--json", action="store_true", help="also print one JSON line")
    args = parser.parse_args()

    backend = load_backend(args.model, overrides=_overrides(args.settings), use_cache=False)
    request = GenerationRequest(
        task_id="bench", prompt=_prompt(), seed=args.seed, max_tokens=args.max_tokens
    )
    prompt_text = backend.prompt_text(request)
    sampling = sampling_for(request, backend.profile)
    started = time.perf_counter()
    bare = llama_cpp.Llama(**backend.kwargs)  # the very kwargs the backend was built with
    bare_load = time.perf_counter() - started

    def run_bare() -> tuple[float, int, str]:
        bare.reset()
        t0 = time.perf_counter()
        out = bare.create_completion(
            prompt_text,
            max_tokens=sampling.max_tokens,
            temperature=sampling.temperature,
            top_p=sampling.top_p,
            top_k=sampling.top_k,
            min_p=sampling.min_p,
            repeat_penalty=sampling.repeat_penalty,
            seed=sampling.seed,
        )
        seconds = time.perf_counter() - t0
        return (
            out["usage"]["completion_tokens"] / seconds,
            out["usage"]["completion_tokens"],
            out["choices"][0]["text"],
        )

    def run_grader() -> tuple[float, int, str]:
        backend.llm.reset()
        t0 = time.perf_counter()
        generation = backend.generate(request)
        seconds = time.perf_counter() - t0
        return (
            (generation.completion_tokens or 0) / seconds,
            generation.completion_tokens or 0,
            generation.text,
        )

    run_bare(), run_grader()  # warm-up (page in the weights, build graphs)
    bare_rates, grader_rates, same_text = [], [], True
    for repeat in range(args.repeats):
        if repeat % 2:  # swap the order every other round so drifting load hits both sides alike
            g_rate, g_tokens, g_text = run_grader()
            b_rate, b_tokens, b_text = run_bare()
        else:
            b_rate, b_tokens, b_text = run_bare()
            g_rate, g_tokens, g_text = run_grader()
        bare_rates.append(b_rate)
        grader_rates.append(g_rate)
        same_text &= b_text == g_text and b_tokens == g_tokens
    bare_tps, grader_tps = statistics.median(bare_rates), statistics.median(grader_rates)
    ratio = grader_tps / bare_tps
    gpu = bool(llama_cpp.llama_supports_gpu_offload())
    print(
        f"model: {backend.name} ({backend.info.quantization}), n_gpu_layers={backend.kwargs['n_gpu_layers']}, "
        f"gpu offload {'available' if gpu else 'not built'}"
    )
    print(
        f"prompt tokens: {len(bare.tokenize(prompt_text.encode(), special=True))}, max tokens: "
        f"{args.max_tokens}, seed: {sampling.seed}, repeats: {args.repeats}, load: grader "
        f"{backend.load_seconds:.2f} s, bare {bare_load:.2f} s"
    )
    print(
        f"bare llama_cpp.Llama: {bare_tps:7.2f} tokens/s  ({', '.join(f'{r:.1f}' for r in bare_rates)})"
    )
    print(
        f"grader backend:       {grader_tps:7.2f} tokens/s  ({', '.join(f'{r:.1f}' for r in grader_rates)})"
    )
    best = max(grader_rates) / max(bare_rates)
    print(
        f"ratio grader/bare:    {ratio:.3f} median, {best:.3f} best-of  (goal >= 0.97)"
        f"{'' if ratio >= 0.97 else '  BELOW GOAL'}"
    )
    print(f"same completion text both ways: {same_text}")
    if args.json:
        print(
            json.dumps(
                {
                    "bare_tps": bare_tps,
                    "grader_tps": grader_tps,
                    "ratio": ratio,
                    "ratio_best": best,
                    "gpu": gpu,
                    "same_text": same_text,
                    "max_tokens": args.max_tokens,
                    "seed": args.seed,
                }
            )
        )
    backend.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
