# mistake: uses str.isalnum(), which also accepts non-ASCII letters and digits such as "é" or full-width characters.
RESERVED = {"admin", "root", "system", "support"}


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return {"code": 43001, "message": "username must be a string"}
    name = raw.strip().lower()
    if not (3 <= len(name) <= 20):
        return {"code": 43002, "message": "username must be 3-20 characters"}
    for ch in name:
        if not (ch.isalnum() or ch == "_"):
            return {"code": 43002, "message": "username contains invalid characters"}
    if name in RESERVED:
        return {"code": 43003, "message": "username is reserved"}
    return {"code": 0, "username": name}
