def display_name(user) -> str:
    nickname = (user.get("nickname") or "").strip()
    if nickname:
        return nickname
    first = (user.get("first_name") or "").strip()
    last = (user.get("last_name") or "").strip()
    if first or last:
        return " ".join(p for p in (first, last) if p)
    email = (user.get("email") or "").strip()
    if "@" in email and email.split("@")[0]:
        return email.split("@")[0]
    if user.get("id") is not None:
        return f"User #{user['id']}"
    return "Unknown user"
