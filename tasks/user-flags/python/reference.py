def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is required"}
    if isinstance(user_id, bool) or not isinstance(user_id, int) or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}
    for flag in ("ActiveFlag", "SystemDeleteFlag"):
        value = request.get(flag)
        if isinstance(value, bool) or value not in (0, 1) or not isinstance(value, int):
            return {"code": 50003, "message": f"{flag} must be 0 or 1"}

    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"] = request["ActiveFlag"]
        user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
        repo.save(user)
    except Exception as error:
        return {"code": 50000, "message": str(error)}
    return {"code": 0, "message": "OK"}
