"""Read a GGUF file's metadata (header key/values only) quickly, without loading it.

``gguf.GGUFReader`` parses every tensor and token, which takes seconds on a real model;
this reader walks the key/value section and skips array contents it does not need.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from grader.errors import ModelError

_MAGIC = b"GGUF"
# GGUF value types -> struct format (scalars)
_SCALARS = {
    0: "B",
    1: "b",
    2: "H",
    3: "h",
    4: "I",
    5: "i",
    6: "f",
    7: "?",
    10: "Q",
    11: "q",
    12: "d",
}
_STRING, _ARRAY = 8, 9
_KEEP_ARRAY_MAX = 64  # arrays longer than this are summarised by their length

# general.file_type -> quantization name (llama.cpp's LLAMA_FTYPE_MOSTLY_*)
FILE_TYPES = {
    0: "F32",
    1: "F16",
    2: "Q4_0",
    3: "Q4_1",
    7: "Q8_0",
    8: "Q5_0",
    9: "Q5_1",
    10: "Q2_K",
    11: "Q3_K_S",
    12: "Q3_K_M",
    13: "Q3_K_L",
    14: "Q4_K_S",
    15: "Q4_K_M",
    16: "Q5_K_S",
    17: "Q5_K_M",
    18: "Q6_K",
    19: "IQ2_XXS",
    20: "IQ2_XS",
    21: "Q2_K_S",
    22: "IQ3_XS",
    23: "IQ3_XXS",
    24: "IQ1_S",
    25: "IQ4_NL",
    26: "IQ3_S",
    27: "IQ3_M",
    28: "IQ2_S",
    29: "IQ2_M",
    30: "IQ4_XS",
    31: "IQ1_M",
    32: "BF16",
    36: "TQ1_0",
    37: "TQ2_0",
    38: "MXFP4",
}


@dataclass(frozen=True)
class GGUFInfo:
    path: Path
    size: int
    version: int
    metadata: dict[str, Any] = field(repr=False)

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", "unknown"))

    def arch_key(self, name: str) -> Any:
        return self.metadata.get(f"{self.architecture}.{name}")

    @property
    def name(self) -> str | None:
        return self.metadata.get("general.name")

    @property
    def quantization(self) -> str | None:
        file_type = self.metadata.get("general.file_type")
        return None if file_type is None else FILE_TYPES.get(int(file_type), f"type {file_type}")

    @property
    def context_length(self) -> int | None:
        return self.arch_key("context_length")

    @property
    def block_count(self) -> int | None:
        return self.arch_key("block_count")

    @property
    def expert_count(self) -> int | None:
        return self.arch_key("expert_count")

    @property
    def chat_template(self) -> str | None:
        return self.metadata.get("tokenizer.chat_template")

    def token(self, which: str) -> str | None:
        """The text of the bos/eos token, when the vocabulary was kept."""
        index = self.metadata.get(f"tokenizer.ggml.{which}_token_id")
        tokens = self.metadata.get("_tokens")
        if index is None or tokens is None or index >= len(tokens):
            return None
        return tokens[index]

    def summary(self) -> dict[str, Any]:
        """What run.json and ``grade model info`` show."""
        template = self.chat_template
        return {
            "name": self.name,
            "architecture": self.architecture,
            "quantization": self.quantization,
            "size_bytes": self.size,
            "context_length": self.context_length,
            "block_count": self.block_count,
            "expert_count": self.expert_count,
            "expert_used_count": self.arch_key("expert_used_count"),
            "rope_freq_base": self.arch_key("rope.freq_base"),
            "chat_template": _template_name(template),
            "chat_template_chars": len(template) if template else 0,
            "gguf_version": self.version,
        }


def _template_name(template: str | None) -> str | None:
    """A short recognisable name for a chat template (the jinja text is long)."""
    if not template:
        return None
    for marker, name in (
        ("<|im_start|>", "chatml"),
        ("### Instruction:", "deepseek-coder"),
        ("<｜User｜>", "deepseek-v3"),
        ("User: ", "deepseek-v2"),
        ("[INST]", "llama2/mistral"),
        ("<|start_header_id|>", "llama3"),
        ("<start_of_turn>", "gemma"),
    ):
        if marker in template:
            return name
    return "custom"


class _Reader:
    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle

    def unpack(self, fmt: str) -> Any:
        size = struct.calcsize("<" + fmt)
        data = self.handle.read(size)
        if len(data) != size:
            raise EOFError
        return struct.unpack("<" + fmt, data)[0]

    def string(self) -> str:
        length = self.unpack("Q")
        return self.handle.read(length).decode("utf-8", errors="replace")

    def skip_string(self) -> None:
        self.handle.seek(self.unpack("Q"), 1)

    def value(self, kind: int, key: str) -> Any:
        if kind in _SCALARS:
            return self.unpack(_SCALARS[kind])
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            item_kind, count = self.unpack("I"), self.unpack("Q")
            keep = count <= _KEEP_ARRAY_MAX or key == "tokenizer.ggml.tokens"
            if item_kind == _STRING:
                if keep:
                    return [self.string() for _ in range(count)]
                for _ in range(count):
                    self.skip_string()
                return {"array_length": count}
            if item_kind in _SCALARS:
                size = struct.calcsize("<" + _SCALARS[item_kind])
                if keep:
                    return [self.unpack(_SCALARS[item_kind]) for _ in range(count)]
                self.handle.seek(size * count, 1)
                return {"array_length": count}
            return [self.value(item_kind, key) for _ in range(count)]
        raise ValueError(f"unknown GGUF value type {kind}")


def read_gguf(path: Path | str) -> GGUFInfo:
    """Header metadata of a GGUF file; ModelError when it is missing or not a GGUF."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: model file not found")
    try:
        with path.open("rb") as raw:
            reader = _Reader(raw)
            if raw.read(4) != _MAGIC:
                raise ModelError(f"{path}: not a GGUF file (bad magic)")
            version = reader.unpack("I")
            reader.unpack("Q")  # tensor count
            kv_count = reader.unpack("Q")
            metadata: dict[str, Any] = {}
            for _ in range(kv_count):
                key = reader.string()
                metadata[key] = reader.value(reader.unpack("I"), key)
    except (EOFError, ValueError, struct.error, UnicodeDecodeError) as error:
        raise ModelError(f"{path}: truncated or corrupt GGUF header ({error})") from None
    tokens = metadata.pop("tokenizer.ggml.tokens", None)
    if isinstance(tokens, list):
        metadata["_tokens"] = tokens
    return GGUFInfo(path=path, size=path.stat().st_size, version=version, metadata=metadata)
