import re

RESERVED = ["admin", "root", "system", "support"]


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return {"code": 43001, "message": "username must be a string"}
    if raw in RESERVED:
        return {"code": 43003, "message": "username is reserved"}
    if not re.fullmatch(r"[A-Za-z0-9_ ]{3,20}", raw):
        return {"code": 43002, "message": "invalid username"}
    return {"code": 0, "username": raw.strip().lower()}
