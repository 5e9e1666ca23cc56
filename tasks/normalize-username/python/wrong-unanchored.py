import re


def normalize_username(raw) -> dict:
    if type(raw) != str:
        return {"code": 43001, "message": "username must be a string"}
    username = raw.strip().lower()
    if len(username) < 3 or len(username) > 20 or not re.match(r"[a-z0-9_]+", username):
        return {"code": 43002, "message": "invalid username"}
    if username in ("admin", "root", "system", "support"):
        return {"code": 43003, "message": "reserved username"}
    return {"code": 0, "username": username}
