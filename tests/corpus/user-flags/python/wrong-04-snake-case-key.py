# mistake: the user id is read from request["user_id"] instead of the "UserId" key, so a valid UserId is always reported missing.
def _strict_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("user_id")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is required"}
    if not _strict_int(user_id) or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if not (_strict_int(active_flag) and active_flag in (0, 1)):
        return {"code": 50003, "message": "ActiveFlag must be 0 or 1"}
    if not (_strict_int(system_delete_flag) and system_delete_flag in (0, 1)):
        return {"code": 50003, "message": "SystemDeleteFlag must be 0 or 1"}

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
