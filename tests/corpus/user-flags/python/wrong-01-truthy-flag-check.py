# mistake: the flags are checked by truthiness, so a valid flag value of 0 is reported as missing (50003).
def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is required"}
    if isinstance(user_id, bool) or not isinstance(user_id, int) or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if not active_flag or not system_delete_flag:
        return {"code": 50003, "message": "ActiveFlag and SystemDeleteFlag are required"}
    for flag in (active_flag, system_delete_flag):
        if isinstance(flag, bool) or not isinstance(flag, int) or flag not in (0, 1):
            return {"code": 50003, "message": "Flags must be 0 or 1"}

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
