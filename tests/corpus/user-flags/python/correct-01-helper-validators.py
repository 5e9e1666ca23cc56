def _is_empty(value):
    return value is None or value == ""


def _is_positive_int(value):
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _is_flag(value):
    return type(value) is int and value in (0, 1)


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    active_flag = request.get("ActiveFlag")
    delete_flag = request.get("SystemDeleteFlag")

    if _is_empty(user_id):
        return {"code": 50001, "message": "UserId is required"}
    if not _is_positive_int(user_id):
        return {"code": 50002, "message": "UserId must be a positive integer"}
    if not _is_flag(active_flag) or not _is_flag(delete_flag):
        return {"code": 50003, "message": "ActiveFlag and SystemDeleteFlag must be 0 or 1"}

    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"] = active_flag
        user["SystemDeleteFlag"] = delete_flag
        repo.save(user)
    except Exception as e:
        return {"code": 50000, "message": str(e)}

    return {"code": 0, "message": "success"}
