# mistake: uses re.match without an end anchor, so only a valid prefix is required and names like "bob!!" or "bob smith" pass.
import re

RESERVED = {"admin", "root", "system", "support"}
PATTERN = re.compile(r"[a-z0-9_]{3,20}")


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return {"code": 43001, "message": "username must be a string"}
    name = raw.strip().lower()
    if not PATTERN.match(name):
        return {"code": 43002, "message": "username must be 3-20 characters of a-z, 0-9 or _"}
    if name in RESERVED:
        return {"code": 43003, "message": "username is reserved"}
    return {"code": 0, "username": name}
