def display_name(user) -> str:
    if not user:
        return "Unknown user"
    nickname = user.get("nickname")
    if nickname:
        return nickname.strip()
    first = user.get("first_name") or ""
    last = user.get("last_name") or ""
    full_name = (first.strip() + " " + last.strip()).strip()
    if full_name:
        return full_name
    email = user.get("email")
    if email and "@" in email:
        return email[: email.index("@")]
    if user.get("id"):
        return "User #" + str(user["id"])
    return "Unknown user"
