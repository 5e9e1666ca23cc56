def _check_user_id(value):
    match value:
        case None | "":
            return 50001
        case bool():
            return 50002
        case int() if value > 0:
            return None
        case _:
            return 50002


def _valid_flag(value):
    match value:
        case bool():
            return False
        case int() if value in (0, 1):
            return True
        case _:
            return False


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    code = _check_user_id(user_id)
    match code:
        case 50001:
            return {"code": 50001, "message": "UserId is missing or empty"}
        case 50002:
            return {"code": 50002, "message": "UserId is not a positive integer"}

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if not (_valid_flag(active_flag) and _valid_flag(system_delete_flag)):
        return {"code": 50003, "message": "ActiveFlag and SystemDeleteFlag must be 0 or 1"}

    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "User does not exist"}
        user["ActiveFlag"] = active_flag
        user["SystemDeleteFlag"] = system_delete_flag
        repo.save(user)
    except Exception as e:
        return {"code": 50000, "message": str(e)}
    return {"code": 0, "message": "success"}
