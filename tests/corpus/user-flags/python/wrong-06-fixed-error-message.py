# mistake: code 50000 is returned with a fixed "Internal server error" message instead of the exception's text.
from enum import IntEnum


class Code(IntEnum):
    OK = 0
    INTERNAL_ERROR = 50000
    USER_ID_REQUIRED = 50001
    USER_ID_INVALID = 50002
    FLAG_INVALID = 50003
    USER_NOT_FOUND = 50004


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": Code.USER_ID_REQUIRED.value, "message": "UserId is required"}
    if type(user_id) is not int or user_id <= 0:
        return {"code": Code.USER_ID_INVALID.value, "message": "UserId must be a positive integer"}

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if type(active_flag) is not int or active_flag not in (0, 1) \
            or type(system_delete_flag) is not int or system_delete_flag not in (0, 1):
        return {"code": Code.FLAG_INVALID.value, "message": "Flags must be 0 or 1"}

    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": Code.USER_NOT_FOUND.value, "message": "User not found"}
        user["ActiveFlag"] = active_flag
        user["SystemDeleteFlag"] = system_delete_flag
        repo.save(user)
    except Exception:
        return {"code": Code.INTERNAL_ERROR.value, "message": "Internal server error"}
    return {"code": Code.OK.value, "message": "success"}
