# mistake: the except block logs the exception and returns code 0 instead of 50000 with the error text.
import logging

logger = logging.getLogger(__name__)


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return {"code": 50001, "message": "UserId is missing"}
    if isinstance(user_id, bool) or not isinstance(user_id, int) or user_id <= 0:
        return {"code": 50002, "message": "UserId is not a positive integer"}

    flags = {}
    for name in ("ActiveFlag", "SystemDeleteFlag"):
        value = request.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value not in (0, 1):
            return {"code": 50003, "message": f"{name} must be 0 or 1"}
        flags[name] = value

    try:
        user = repo.find(user_id)
        if user is None:
            return {"code": 50004, "message": "User not found"}
        user.update(flags)
        repo.save(user)
    except Exception:
        logger.exception("failed to update flags for user %s", user_id)

    return {"code": 0, "message": "success"}
