def _text(user, key):
    value = user.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def display_name(user) -> str:
    if not isinstance(user, dict):
        return "Unknown user"
    nickname = _text(user, "nickname")
    if nickname:
        return nickname
    parts = [part for part in (_text(user, "first_name"), _text(user, "last_name")) if part]
    if parts:
        return " ".join(parts)
    email = _text(user, "email")
    if email and "@" in email:
        local = email.split("@", 1)[0].strip()
        if local:
            return local
    if user.get("id") is not None:
        return f"User #{user['id']}"
    return "Unknown user"
