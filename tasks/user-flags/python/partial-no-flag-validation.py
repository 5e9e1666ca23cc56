# Validates UserId but not the flags: a partial solution.
def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is required"}
    if not isinstance(user_id, int) or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}
    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"] = request.get("ActiveFlag")
        user["SystemDeleteFlag"] = request.get("SystemDeleteFlag")
        repo.save(user)
    except Exception as error:
        return {"code": 50000, "message": str(error)}
    return {"code": 0, "message": "OK"}
