def display_name(user) -> str:
    if not isinstance(user, dict):
        return "Unknown user"

    def clean(key):
        value = user.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        return None

    nickname = clean("nickname")
    if nickname:
        return nickname

    parts = [p for p in (clean("first_name"), clean("last_name")) if p]
    if parts:
        return " ".join(parts)

    email = clean("email")
    if email and "@" in email:
        local = email.split("@", 1)[0].strip()
        if local:
            return local

    user_id = user.get("id")
    if user_id is not None:
        return f"User #{user_id}"

    return "Unknown user"
