# A stranger's almost-right solution (written blind from the prompt), one planted bug:
# Line 33 compares the exclusive difference (end - start).days with 31, so a range of 32 inclusive days (difference 31) passes the limit check.
import re
from datetime import date

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _error(code, message):
    return {"code": code, "message": message}


def parse_date_range(params: dict) -> dict:
    raw_from = params.get("from")
    raw_to = params.get("to")

    for raw in (raw_from, raw_to):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return _error(42001, "from and to are required")

    parsed = []
    for raw in (raw_from, raw_to):
        if not isinstance(raw, str) or not _DATE_RE.fullmatch(raw):
            return _error(42002, f"invalid date: {raw!r}, expected YYYY-MM-DD")
        try:
            parsed.append(date.fromisoformat(raw))
        except ValueError:
            return _error(42002, f"invalid date: {raw!r}")

    start, end = parsed
    if start > end:
        return _error(42003, "from must not be after to")

    span = (end - start).days
    if span > 31:
        return _error(42004, "the range must not span more than 31 days")

    return {"code": 0, "from": start, "to": end, "days": span + 1}
