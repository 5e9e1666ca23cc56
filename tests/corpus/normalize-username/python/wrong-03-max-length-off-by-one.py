# mistake: the length check uses < 20 instead of <= 20, so a 20-character username is rejected.
import re

RESERVED = {"admin", "root", "system", "support"}


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return {"code": 43001, "message": "username must be a string"}
    name = raw.strip().lower()
    if len(name) < 3 or len(name) >= 20:
        return {"code": 43002, "message": "username must be 3-20 characters"}
    if not re.fullmatch(r"[a-z0-9_]+", name):
        return {"code": 43002, "message": "username contains invalid characters"}
    if name in RESERVED:
        return {"code": 43003, "message": "username is reserved"}
    return {"code": 0, "username": name}
