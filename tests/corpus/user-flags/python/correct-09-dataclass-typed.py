from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class ApiResult:
    code: int
    message: str


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _validate(request: dict) -> ApiResult | None:
    user_id: Any = request.get("UserId")
    if user_id is None or user_id == "":
        return ApiResult(50001, "UserId is missing or empty")
    if not _is_int(user_id) or user_id <= 0:
        return ApiResult(50002, "UserId must be a positive integer")
    for key in ("ActiveFlag", "SystemDeleteFlag"):
        flag: Any = request.get(key)
        if not _is_int(flag) or flag not in (0, 1):
            return ApiResult(50003, f"{key} must be 0 or 1")
    return None


def update_user_flags(request: dict, repo) -> dict:
    invalid = _validate(request)
    if invalid:
        return asdict(invalid)

    user_id: int = request["UserId"]
    try:
        user: dict | None = repo.find(user_id)
        if user is None:
            return asdict(ApiResult(50004, "User not found"))
        user["ActiveFlag"] = request["ActiveFlag"]
        user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
        repo.save(user)
    except Exception as exc:
        return asdict(ApiResult(50000, str(exc)))
    return asdict(ApiResult(0, "success"))
