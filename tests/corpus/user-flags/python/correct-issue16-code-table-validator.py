ERRORS = {
    "missing_id": 50001,
    "bad_id": 50002,
    "bad_flag": 50003,
    "no_user": 50004,
    "failed": 50000,
}


class Codes:
    OK = 0


def _result(code, message):
    return {"code": code, "message": message}


def _is_bit(value):
    return type(value) is int and value in (0, 1)


def _validate(request):
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return _result(ERRORS["missing_id"], "UserId is required")
    if type(user_id) is not int or user_id <= 0:
        return _result(ERRORS["bad_id"], "UserId must be a positive integer")
    bad = [name for name in ("ActiveFlag", "SystemDeleteFlag") if not _is_bit(request.get(name))]
    return _result(ERRORS["bad_flag"], f"{bad[0]} must be 0 or 1") if bad else None


def update_user_flags(request: dict, repo) -> dict:
    problem = _validate(request)
    if problem is not None:
        return problem
    try:
        user = repo.find(request["UserId"])
        if user is None:
            return _result(ERRORS["no_user"], "User not found")
        user["ActiveFlag"] = request["ActiveFlag"]
        user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
        repo.save(user)
    except Exception as error:
        return _result(ERRORS["failed"], str(error))
    return _result(Codes.OK, "OK")
