import re
from datetime import date

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_DAYS = 31


def _parse(value):
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        return None
    try:
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


def parse_date_range(params: dict) -> dict:
    params = params or {}
    raw_from = params.get("from")
    raw_to = params.get("to")

    for raw in (raw_from, raw_to):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return {"code": 42001, "message": "from and to are required"}

    start = _parse(raw_from)
    end = _parse(raw_to)
    if start is None or end is None:
        return {"code": 42002, "message": "dates must be real dates in YYYY-MM-DD format"}

    if start > end:
        return {"code": 42003, "message": "from must not be after to"}

    days = (end - start).days + 1
    if days > MAX_DAYS:
        return {"code": 42004, "message": f"date range must not exceed {MAX_DAYS} days"}

    return {"code": 0, "from": start, "to": end, "days": days}
