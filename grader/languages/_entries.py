"""Builders for concept entries that several languages' tables share."""

from __future__ import annotations

from typing import Any


def param(kind: str, parent: str, field: str | None) -> tuple[str, dict[str, Any]]:
    """A ``kind`` node directly inside ``parent`` (in ``field`` when given)."""
    inside: dict[str, Any] = {"kind": parent, "stop_by": "neighbor"}
    if field:
        inside["field"] = field
    return (kind, {"inside": inside})


def receiver(kind: str, member: str, member_field: str, call: str) -> tuple[str, dict[str, Any]]:
    """An identifier that is the object a method is called on (``repo`` in ``repo.find(x)``)."""
    return (
        kind,
        {
            "inside": {
                "kind": member,
                "field": member_field,
                "stop_by": "neighbor",
                "inside": {"kind": call, "field": "function", "stop_by": "neighbor"},
            }
        },
    )
