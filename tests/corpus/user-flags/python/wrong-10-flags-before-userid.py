# mistake: the flags are validated before UserId, so a request with both a bad UserId and bad flags gets 50003 instead of 50001/50002.
def _is_flag(value):
    return type(value) is int and value in (0, 1)


def update_user_flags(request: dict, repo) -> dict:
    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if not _is_flag(active_flag) or not _is_flag(system_delete_flag):
        return {"code": 50003, "message": "ActiveFlag and SystemDeleteFlag must be 0 or 1"}

    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is required"}
    if type(user_id) is not int or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}

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
