def update_user_flags(request: dict, repo) -> dict:
    match request.get("UserId"):
        case None | "":
            return {"code": 50001, "message": "UserId is required"}
        case bool():
            return {"code": 50002, "message": "UserId must be a positive integer"}
        case int(user_id) if user_id > 0:
            pass
        case _:
            return {"code": 50002, "message": "UserId must be a positive integer"}
    for flag in ("ActiveFlag", "SystemDeleteFlag"):
        value = request.get(flag)
        if isinstance(value, bool) or not isinstance(value, int) or value not in (0, 1):
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
