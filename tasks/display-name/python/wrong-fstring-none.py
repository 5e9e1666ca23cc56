def display_name(user) -> str:
    if user is None:
        return "Unknown user"
    if user.get("nickname"):
        return user["nickname"].strip()
    if user.get("first_name") or user.get("last_name"):
        return f"{user.get('first_name')} {user.get('last_name')}".strip()
    if user.get("email"):
        return user["email"].split("@")[0]
    if user.get("id") is not None:
        return f"User #{user['id']}"
    return "Unknown user"
