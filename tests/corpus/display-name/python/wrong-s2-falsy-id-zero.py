def _text(value):
    if not isinstance(value, str):
        return ""
    return value.strip()


def display_name(user) -> str:
    if not isinstance(user, dict):
        return "Unknown user"

    nickname = _text(user.get("nickname"))
    if nickname:
        return nickname

    parts = [p for p in (_text(user.get("first_name")), _text(user.get("last_name"))) if p]
    if parts:
        return " ".join(parts)

    email = _text(user.get("email"))
    if "@" in email:
        local = email.split("@", 1)[0]
        if local:
            return local

    user_id = user.get("id")
    if user_id:
        return f"User #{user_id}"

    return "Unknown user"
