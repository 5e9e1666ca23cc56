def _error(code, message):
    return {"code": code, "message": message}


def _is_valid_char(ch):
    return ("a" <= ch <= "z") or ("0" <= ch <= "9") or ch == "_"


def _is_valid_format(name):
    return 3 <= len(name) <= 20 and all(_is_valid_char(ch) for ch in name)


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return _error(43001, "username must be a string")
    name = raw.strip().lower()
    if not _is_valid_format(name):
        return _error(
            43002, "username must be 3 to 20 characters: lower-case letters, digits or underscore"
        )
    if name in ("admin", "root", "system", "support"):
        return _error(43003, "username is reserved")
    return {"code": 0, "username": name}
