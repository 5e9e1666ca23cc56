# mistake: the parameter validation is placed inside the try block together with the repository update.
ERR_INTERNAL = 50000
ERR_MISSING_ID = 50001
ERR_INVALID_ID = 50002
ERR_INVALID_FLAG = 50003
ERR_NOT_FOUND = 50004


def update_user_flags(request: dict, repo) -> dict:
    try:
        user_id = request.get("UserId")
        if user_id is None or user_id == "":
            return {"code": ERR_MISSING_ID, "message": "UserId is required"}
        if type(user_id) is not int or user_id <= 0:
            return {"code": ERR_INVALID_ID, "message": "UserId must be a positive integer"}

        active_flag = request.get("ActiveFlag")
        system_delete_flag = request.get("SystemDeleteFlag")
        for flag in (active_flag, system_delete_flag):
            if type(flag) is not int or flag not in (0, 1):
                return {"code": ERR_INVALID_FLAG, "message": "Flags must be 0 or 1"}

        user = repo.find(user_id)
        if user is None:
            return {"code": ERR_NOT_FOUND, "message": "User not found"}
        user["ActiveFlag"] = active_flag
        user["SystemDeleteFlag"] = system_delete_flag
        repo.save(user)
        return {"code": 0, "message": "success"}
    except Exception as e:
        return {"code": ERR_INTERNAL, "message": str(e)}
