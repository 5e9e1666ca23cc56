# mistake: the flags are copied into a new dict that is never saved, so the user is saved without the new flag values.
from dataclasses import dataclass, asdict


@dataclass
class Result:
    code: int
    message: str


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def update_user_flags(request: dict, repo) -> dict:
    user_id = request.get("UserId")
    if user_id is None or user_id == "":
        return asdict(Result(50001, "UserId is missing or empty"))
    if not _is_int(user_id) or user_id <= 0:
        return asdict(Result(50002, "UserId must be a positive integer"))

    active_flag = request.get("ActiveFlag")
    system_delete_flag = request.get("SystemDeleteFlag")
    for flag in (active_flag, system_delete_flag):
        if not _is_int(flag) or flag not in (0, 1):
            return asdict(Result(50003, "ActiveFlag and SystemDeleteFlag must be 0 or 1"))

    try:
        user = repo.find(user_id)
        if user is None:
            return asdict(Result(50004, "User not found"))
        updated = {**user, "ActiveFlag": active_flag, "SystemDeleteFlag": system_delete_flag}
        repo.save(user)
    except Exception as e:
        return asdict(Result(50000, str(e)))
    return asdict(Result(0, "success"))
