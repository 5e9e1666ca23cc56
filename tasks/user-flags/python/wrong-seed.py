# The seed's observed mistakes: no parameter validation, and 50003 returned from the except.
def update_user_flags(request: dict, repo) -> dict:
    try:
        user = repo.find(request["UserId"])
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user["ActiveFlag"] = request["ActiveFlag"]
        user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
        repo.save(user)
        return {"code": 0, "message": "OK"}
    except Exception as e:
        return {"code": 50003, "message": str(e)}
