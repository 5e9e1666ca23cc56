FLAG_NAMES = ("ActiveFlag", "SystemDeleteFlag")


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is missing"}
    if isinstance(user_id, bool) or not isinstance(user_id, int) or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}

    flags = {}
    for name in FLAG_NAMES:
        value = request.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value not in (0, 1):
            return {"code": 50003, "message": f"{name} must be 0 or 1"}
        flags[name] = value

    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "user not found"}
        for name, value in flags.items():
            user[name] = value
        repo.save(user)
    except Exception as err:
        return {"code": 50000, "message": str(err)}

    return {"code": 0, "message": "ok"}
