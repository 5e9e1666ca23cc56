"""Prompt templates: the GGUF's own chat template, LM Studio's presets, or a jinja file.

Every template is jinja2 source rendered with ``messages`` (role/content dicts),
``system``, ``user``, ``bos_token``, ``eos_token`` and ``add_generation_prompt``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from grader.errors import ModelError

DEEPSEEK_CODER_SYSTEM = (
    "You are an AI programming assistant, utilizing the Deepseek Coder model, developed by "
    "Deepseek Company, and you only answer questions related to computer science."
)

# LM Studio's "Deepseek Coder" preset, as the model card shows it
DEEPSEEK_CODER = (
    "{{ system if system is not none else default_system }}\n"
    "### Instruction:\n{{ user }}\n### Response:{{ '\\n' }}"
)
# LM Studio's blank preset with prefix "User: " and suffix "\n\nAssistant: "
USER_ASSISTANT = "{% if system %}{{ system }}\n\n{% endif %}User: {{ user }}\n\nAssistant: "

PRESETS: dict[str, str] = {"deepseek-coder": DEEPSEEK_CODER, "user-assistant": USER_ASSISTANT}
GGUF = "gguf"
NAMES = (GGUF, *PRESETS)


@dataclass(frozen=True)
class PromptTemplate:
    name: str  # gguf | deepseek-coder | user-assistant | the file's path
    source: str  # jinja2 text
    bos_token: str = ""
    eos_token: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()

    def render(self, user: str, system: str | None = None) -> str:
        messages: list[dict[str, str]] = []
        if system:
            messages.append({"role": "system", "content": system})
        messages.append({"role": "user", "content": user})
        try:
            return _compile(self.source).render(
                messages=messages,
                system=system,
                user=user,
                bos_token=self.bos_token,
                eos_token=self.eos_token,
                add_generation_prompt=True,
                default_system=DEEPSEEK_CODER_SYSTEM,
            )
        except jinja2.TemplateError as error:
            raise ModelError(f"template {self.name}: cannot render ({error})") from None

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "sha256": self.sha256}


def _raise(message: str) -> None:
    raise jinja2.TemplateError(message)


@lru_cache(maxsize=16)
def _compile(source: str) -> jinja2.Template:
    env = ImmutableSandboxedEnvironment(
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined
    )
    env.globals["raise_exception"] = _raise
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    return env.from_string(source)


def resolve_template(
    name: str | None,
    *,
    gguf_template: str | None = None,
    bos_token: str = "",
    eos_token: str = "",
    model: str = "the model",
) -> PromptTemplate:
    """``name`` is gguf (default), a preset name, or a path to a jinja file."""
    name = name or GGUF
    if name == GGUF:
        if not gguf_template:
            raise ModelError(
                f"{model}: has no chat template of its own; choose --template "
                f"user-assistant, deepseek-coder or a jinja file"
            )
        return PromptTemplate(GGUF, gguf_template, bos_token, eos_token)
    if name in PRESETS:
        return PromptTemplate(name, PRESETS[name], bos_token, eos_token)
    path = Path(name).expanduser()
    if not path.is_file():
        raise ModelError(f"{name}: template not found (use {', '.join(NAMES)} or a jinja file)")
    source = path.read_text(encoding="utf-8")
    try:
        _compile(source)
    except jinja2.TemplateSyntaxError as error:
        raise ModelError(
            f"{path}: line {error.lineno}: template syntax error: {error.message}"
        ) from None
    return PromptTemplate(str(path), source, bos_token, eos_token)
