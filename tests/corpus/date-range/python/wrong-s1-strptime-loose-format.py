from datetime import datetime


def parse_date_range(params: dict) -> dict:
    params = params or {}
    raw_from = params.get("from")
    raw_to = params.get("to")

    for value in (raw_from, raw_to):
        if value is None or (isinstance(value, str) and not value.strip()):
            return {"code": 42001, "message": "from and to are required"}

    parsed = []
    for value in (raw_from, raw_to):
        if not isinstance(value, str):
            return {"code": 42002, "message": "dates must be in YYYY-MM-DD format"}
        try:
            parsed.append(datetime.strptime(value, "%Y-%m-%d").date())
        except ValueError:
            return {"code": 42002, "message": "dates must be valid dates in YYYY-MM-DD format"}
    start, end = parsed

    if start > end:
        return {"code": 42003, "message": "from must not be after to"}

    days = (end - start).days + 1
    if days > 31:
        return {"code": 42004, "message": "date range must not exceed 31 days"}

    return {"code": 0, "from": start, "to": end, "days": days}
