def display_name(user) -> str:
    def text(value):
        return value.strip() if isinstance(value, str) else ""

    def from_nickname(u):
        return text(u.get("nickname")) or None

    def from_full_name(u):
        first, last = text(u.get("first_name")), text(u.get("last_name"))
        return " ".join(filter(None, (first, last))) or None

    def from_email(u):
        local, at, _ = text(u.get("email")).partition("@")
        return local.strip() if at and local.strip() else None

    def from_id(u):
        return None if u.get("id") is None else "User #{}".format(u["id"])

    if not isinstance(user, dict):
        return "Unknown user"

    for rule in (from_nickname, from_full_name, from_email, from_id):
        try:
            name = rule(user)
        except Exception:
            name = None
        if name:
            return name
    return "Unknown user"
