"""The JSON schema of rule files, generated from the pydantic model (``rubrics/rules/schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ._model import RuleSpec

SCHEMA_ID = "https://grader.invalid/schemas/rule.json"


def _add_dash_spellings(node: Any) -> None:
    """Also accept ``not-inside`` for ``not_inside`` and so on, as the loader does."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for key in [k for k in props if "_" in k and not k.startswith("_")]:
                props.setdefault(key.replace("_", "-"), props[key])
        for value in node.values():
            _add_dash_spellings(value)
    elif isinstance(node, list):
        for value in node:
            _add_dash_spellings(value)


def rule_schema() -> dict[str, Any]:
    schema = RuleSpec.model_json_schema(by_alias=True)
    _add_dash_spellings(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def write_schema(path: Path) -> Path:
    path.write_text(json.dumps(rule_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
