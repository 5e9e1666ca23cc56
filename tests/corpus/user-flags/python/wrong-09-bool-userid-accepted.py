# mistake: UserId is checked with isinstance(user_id, int) only, so True is accepted as user id 1 instead of returning 50002.
def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is required"}
    if not isinstance(user_id, int) or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if type(active_flag) is not int or active_flag not in (0, 1):
        return {"code": 50003, "message": "ActiveFlag must be 0 or 1"}
    if type(system_delete_flag) is not int or system_delete_flag not in (0, 1):
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
