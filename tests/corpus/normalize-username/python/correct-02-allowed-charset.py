import string

ALLOWED_CHARS = frozenset(string.ascii_lowercase + string.digits + "_")
RESERVED_NAMES = frozenset({"admin", "root", "system", "support"})
MIN_LENGTH = 3
MAX_LENGTH = 20


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return {"code": 43001, "message": "Username must be a string."}

    username = raw.strip().lower()

    if not (MIN_LENGTH <= len(username) <= MAX_LENGTH):
        return {
            "code": 43002,
            "message": f"Username must be {MIN_LENGTH} to {MAX_LENGTH} characters long.",
        }
    if any(ch not in ALLOWED_CHARS for ch in username):
        return {"code": 43002, "message": "Username may only contain a-z, 0-9 and underscores."}

    if username in RESERVED_NAMES:
        return {"code": 43003, "message": "This username is reserved."}

    return {"code": 0, "username": username}
