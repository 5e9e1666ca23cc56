def _present(v):
    return v is not None and v != ""


def _positive_int(v):
    return type(v) is int and v > 0


def _binary_flag(v):
    return type(v) is int and (v == 0 or v == 1)


# checked in order; the first failing rule wins
VALIDATION_RULES = [
    ("UserId", _present, 50001, "UserId is missing or empty"),
    ("UserId", _positive_int, 50002, "UserId must be a positive integer"),
    ("ActiveFlag", _binary_flag, 50003, "ActiveFlag must be 0 or 1"),
    ("SystemDeleteFlag", _binary_flag, 50003, "SystemDeleteFlag must be 0 or 1"),
]


def update_user_flags(request: dict, repo) -> dict:
    for field, check, code, message in VALIDATION_RULES:
        if not check(request.get(field)):
            return {"code": code, "message": message}

    user_id = request["UserId"]
    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"] = request["ActiveFlag"]
        user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
        repo.save(user)
    except Exception as ex:
        return {"code": 50000, "message": str(ex)}
    return {"code": 0, "message": "success"}
