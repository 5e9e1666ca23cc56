import re


def normalize_username(raw) -> dict:
    if not isinstance(raw, str):
        return {"code": 43001, "message": "Username must be a string"}
    username = raw.strip().lower()
    if not re.match(r"^\w{3,20}$", username):
        return {"code": 43002, "message": "Invalid username"}
    if username in ["admin", "root", "system", "support"]:
        return {"code": 43003, "message": "Username is reserved"}
    return {"code": 0, "username": username}
