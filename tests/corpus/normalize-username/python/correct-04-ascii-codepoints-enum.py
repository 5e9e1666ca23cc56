from enum import IntEnum


class UsernameError(IntEnum):
    NOT_A_STRING = 43001
    BAD_FORMAT = 43002
    RESERVED = 43003


RESERVED = ("admin", "root", "system", "support")


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return {"code": int(UsernameError.NOT_A_STRING), "message": "expected a string username"}

    candidate = raw.strip().lower()

    length_ok = 3 <= len(candidate) <= 20
    chars_ok = candidate.isascii() and all(
        c.isdigit() or c.islower() or c == "_" for c in candidate
    )
    if not (length_ok and chars_ok):
        return {"code": int(UsernameError.BAD_FORMAT), "message": "invalid username format"}

    if candidate in RESERVED:
        return {"code": int(UsernameError.RESERVED), "message": f"'{candidate}' is reserved"}

    return {"code": 0, "username": candidate}
