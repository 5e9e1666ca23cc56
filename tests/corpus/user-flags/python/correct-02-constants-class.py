class ErrorCode:
    OK = 0
    INTERNAL = 50000
    USER_ID_REQUIRED = 50001
    USER_ID_INVALID = 50002
    FLAG_INVALID = 50003
    USER_NOT_FOUND = 50004


FLAG_VALUES = (0, 1)


def _result(code, message):
    return {"code": code, "message": message}


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return _result(ErrorCode.USER_ID_REQUIRED, "UserId is missing or empty")
    if isinstance(user_id, bool) or not isinstance(user_id, int) or user_id <= 0:
        return _result(ErrorCode.USER_ID_INVALID, "UserId is not a positive integer")

    active = request.get("ActiveFlag")
    deleted = request.get("SystemDeleteFlag")
    for flag in (active, deleted):
        if isinstance(flag, bool) or not isinstance(flag, int) or flag not in FLAG_VALUES:
            return _result(ErrorCode.FLAG_INVALID, "ActiveFlag and SystemDeleteFlag must be 0 or 1")

    try:
        user = repo.find(user_id)
        if user is None:
            return _result(ErrorCode.USER_NOT_FOUND, f"User {user_id} not found")
        user["ActiveFlag"] = active
        user["SystemDeleteFlag"] = deleted
        repo.save(user)
        return _result(ErrorCode.OK, "OK")
    except Exception as exc:
        return _result(ErrorCode.INTERNAL, str(exc))
