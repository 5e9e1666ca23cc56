# Skips parameter validation altogether; the rest is right.
def update_user_flags(request: dict, repo) -> dict:
    try:
        user = repo.find(request.get("UserId"))
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"] = request.get("ActiveFlag")
        user["SystemDeleteFlag"] = request.get("SystemDeleteFlag")
        repo.save(user)
    except Exception as error:
        return {"code": 50000, "message": str(error)}
    return {"code": 0, "message": "OK"}
