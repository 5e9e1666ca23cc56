"""``grade model pull | list | info``: the embedded model and the profiles in models/."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from grader.errors import ModelError


@click.group()
def model() -> None:
    """Local models: fetch the embedded default, list profiles, show GGUF metadata."""


@model.command()
@click.option(
    "--force", is_flag=True, help="Re-assemble and re-verify even when the model is there."
)
def pull(force: bool) -> None:
    """Download and assemble the embedded default model (sha256 verified)."""
    from grader.models import embedded

    started = time.perf_counter()
    path = embedded.pull(force=force, echo=click.echo)
    click.echo(f"{embedded.DEFAULT.title}: {path} ({time.perf_counter() - started:.1f} s)")


@model.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
def list_models(as_json: bool) -> None:
    """The profiles in models/ and whether each one's GGUF is available."""
    from grader.models import DEFAULT_PROFILE, resolve_profile
    from grader.models.profile import resolve_model_file
    from grader.paths import MODELS_DIR

    for path in sorted(MODELS_DIR.glob("*.y*ml")):
        profile, profile_path = resolve_profile(str(path))
        try:
            where, ready = str(resolve_model_file(profile, profile_path)), True
        except ModelError as error:
            where, ready = str(error), False
        row = {
            "profile": profile.name,
            "default": profile.name == DEFAULT_PROFILE,
            "available": ready,
            "model": where,
            "template": profile.template,
        }
        if as_json:
            click.echo(json.dumps(row))
        else:
            mark = "ok " if ready else "-- "
            star = " (default)" if row["default"] else ""
            click.echo(f"{mark}{profile.name}{star}: {where}")


@model.command()
@click.argument("spec", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def info(spec: str | None, as_json: bool) -> None:
    """GGUF metadata and profile settings of SPEC (a profile, a .gguf path; default: the embedded model)."""
    from grader.models import resolve_profile
    from grader.models.gguf_info import read_gguf
    from grader.models.profile import LLAMA_ARGS, LMSTUDIO_FIELDS, resolve_model_file

    if spec and spec.endswith(".gguf"):
        profile, path = None, Path(spec)
    else:
        profile, profile_path = resolve_profile(spec)
        path = resolve_model_file(profile, profile_path)
    meta = read_gguf(path).summary()
    record = {"path": str(path), "gguf": meta}
    if profile is not None:
        record["profile"] = profile.name
        record["lmstudio_parameters"] = profile.lmstudio_parameters()
    if as_json:
        click.echo(json.dumps(record, indent=2))
        return
    click.echo(f"file: {path}")
    for key, value in meta.items():
        click.echo(f"  {key}: {value}")
    if profile is not None:
        click.echo(f"profile: {profile.name}")
        for label, value in profile.lmstudio_parameters().items():
            field = LMSTUDIO_FIELDS[label]
            click.echo(f"  {label}: {value}  ({field} -> {LLAMA_ARGS[field]})")


def register(grade: click.Group) -> None:
    grade.add_command(model)
