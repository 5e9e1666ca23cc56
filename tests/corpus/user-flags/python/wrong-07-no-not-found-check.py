# mistake: there is no check for repo.find returning None, so a missing user ends in a TypeError reported as 50000 instead of 50004.
def _valid_flag(v):
    return type(v) is int and v in (0, 1)


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id in (None, ""):
        return {"code": 50001, "message": "UserId is required"}
    if type(user_id) is not int or user_id <= 0:
        return {"code": 50002, "message": "UserId must be a positive integer"}
    if not _valid_flag(request.get("ActiveFlag")) or not _valid_flag(request.get("SystemDeleteFlag")):
        return {"code": 50003, "message": "ActiveFlag and SystemDeleteFlag must be 0 or 1"}

    try:
        user = repo.find(user_id)
        user["ActiveFlag"] = request["ActiveFlag"]
        user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
        repo.save(user)
    except Exception as e:
        return {"code": 50000, "message": str(e)}
    return {"code": 0, "message": "success"}
