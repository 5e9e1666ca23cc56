def _int_like(v):
    return type(v) is int


def check_user_id_present(req):
    if req.get("UserId") in (None, ""):
        return {"code": 50001, "message": "UserId is required"}


def check_user_id_positive(req):
    uid = req.get("UserId")
    if not (_int_like(uid) and uid > 0):
        return {"code": 50002, "message": "UserId must be a positive integer"}


def check_flags(req):
    if not all(
        _int_like(req.get(k)) and req.get(k) in (0, 1) for k in ("ActiveFlag", "SystemDeleteFlag")
    ):
        return {"code": 50003, "message": "ActiveFlag/SystemDeleteFlag must be 0 or 1"}


VALIDATORS = (check_user_id_present, check_user_id_positive, check_flags)


def update_user_flags(request: dict, repo) -> dict:
    error = next(filter(None, (validate(request) for validate in VALIDATORS)), None)
    if error:
        return error

    try:
        user = repo.find(request["UserId"])
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"] = request["ActiveFlag"]
        user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
        repo.save(user)
        return {"code": 0, "message": "success"}
    except Exception as e:
        return {"code": 50000, "message": str(e)}
