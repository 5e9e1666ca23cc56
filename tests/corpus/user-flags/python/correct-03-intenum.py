from enum import IntEnum


class Code(IntEnum):
    SUCCESS = 0
    SERVER_ERROR = 50000
    MISSING_USER_ID = 50001
    INVALID_USER_ID = 50002
    INVALID_FLAG = 50003
    USER_NOT_FOUND = 50004


def _reply(code: Code, message: str) -> dict:
    return {"code": int(code), "message": message}


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id in (None, ""):
        return _reply(Code.MISSING_USER_ID, "UserId is required")
    if type(user_id) is not int or user_id < 1:
        return _reply(Code.INVALID_USER_ID, "UserId must be a positive integer")

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if type(active_flag) is not int or active_flag not in (0, 1):
        return _reply(Code.INVALID_FLAG, "ActiveFlag must be 0 or 1")
    if type(system_delete_flag) is not int or system_delete_flag not in (0, 1):
        return _reply(Code.INVALID_FLAG, "SystemDeleteFlag must be 0 or 1")

    try:
        user = repo.find(user_id)
        if user is None:
            return _reply(Code.USER_NOT_FOUND, "User not found")
        user["ActiveFlag"] = active_flag
        user["SystemDeleteFlag"] = system_delete_flag
        repo.save(user)
    except Exception as e:
        return _reply(Code.SERVER_ERROR, str(e))
    return _reply(Code.SUCCESS, "Flags updated")
