import re
from datetime import date

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _parse(value):
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        return None
    year, month, day = (int(part) for part in value.split("-"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_range(params: dict) -> dict:
    params = params or {}
    raw_from = params.get("from")
    raw_to = params.get("to")

    for value in (raw_from, raw_to):
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return {"code": 42001, "message": "from and to are required"}

    start = _parse(raw_from)
    end = _parse(raw_to)
    if start is None or end is None:
        return {"code": 42002, "message": "dates must be real dates in YYYY-MM-DD format"}

    if start > end:
        return {"code": 42003, "message": "from must not be after to"}

    if (end - start).days > 31:
        return {"code": 42004, "message": "date range must not exceed 31 days"}

    return {"code": 0, "from": start, "to": end, "days": (end - start).days + 1}
