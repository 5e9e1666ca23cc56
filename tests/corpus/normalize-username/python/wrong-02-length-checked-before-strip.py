# mistake: checks the length on the raw input before stripping, so "  bob  " style input with padding is judged by its unstripped length.
import re

RESERVED = {"admin", "root", "system", "support"}


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return {"code": 43001, "message": "username must be a string"}
    if not (3 <= len(raw) <= 20):
        return {"code": 43002, "message": "username must be 3-20 characters"}
    name = raw.strip().lower()
    if not re.fullmatch(r"[a-z0-9_]+", name):
        return {"code": 43002, "message": "username contains invalid characters"}
    if name in RESERVED:
        return {"code": 43003, "message": "username is reserved"}
    return {"code": 0, "username": name}
