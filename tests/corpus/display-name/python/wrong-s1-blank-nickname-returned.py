def display_name(user) -> str:
    if not isinstance(user, dict):
        return "Unknown user"

    def clean(value):
        if isinstance(value, str) and value.strip():
            return value.strip()
        return None

    nickname = user.get("nickname")
    if isinstance(nickname, str) and nickname:
        return nickname.strip()

    first = clean(user.get("first_name"))
    last = clean(user.get("last_name"))
    if first and last:
        return f"{first} {last}"
    if first or last:
        return first or last

    email = clean(user.get("email"))
    if email and "@" in email:
        local = email.split("@", 1)[0]
        if local:
            return local

    if user.get("id") is not None:
        return f"User #{user.get('id')}"

    return "Unknown user"
