# mistake: UserId is converted with int(), so strings like "5" and floats like 2.5 are accepted instead of returning 50002.
def _is_flag(value):
    return type(value) is int and value in (0, 1)


def update_user_flags(request: dict, repo) -> dict:
    raw_id = request.get("UserId")
    if raw_id is None or raw_id == "":
        return {"code": 50001, "message": "UserId is missing or empty"}
    try:
        user_id = int(raw_id)
    except (TypeError, ValueError):
        return {"code": 50002, "message": "UserId must be a positive integer"}
    if user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if not _is_flag(active_flag) or not _is_flag(system_delete_flag):
        return {"code": 50003, "message": "ActiveFlag and SystemDeleteFlag must be 0 or 1"}

    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"] = active_flag
        user["SystemDeleteFlag"] = system_delete_flag
        repo.save(user)
    except Exception as e:
        return {"code": 50000, "message": str(e)}
    return {"code": 0, "message": "success"}
