class UserNotFoundError(Exception):
    pass


def _is_strict_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is required"}
    if not _is_strict_int(user_id) or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    if not all(_is_strict_int(f) and f in (0, 1) for f in (active_flag, system_delete_flag)):
        return {"code": 50003, "message": "Flags must be 0 or 1"}

    try:
        user = repo.find(user_id)
        if user is None:
            raise UserNotFoundError(f"User {user_id} not found")
        user.update(ActiveFlag=active_flag, SystemDeleteFlag=system_delete_flag)
        repo.save(user)
    except UserNotFoundError as e:
        return {"code": 50004, "message": str(e)}
    except Exception as e:
        return {"code": 50000, "message": str(e)}

    return {"code": 0, "message": "updated"}
