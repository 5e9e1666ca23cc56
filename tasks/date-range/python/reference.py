import re
from datetime import date

DATE_FORM = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date_range(params: dict) -> dict:
    raw = {}
    for key in ("from", "to"):
        value = params.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return {"code": 42001, "message": f"{key} is required"}
        raw[key] = value
    parsed = {}
    for key, value in raw.items():
        if not isinstance(value, str) or not DATE_FORM.fullmatch(value):
            return {"code": 42002, "message": f"{key} must be a date in the form YYYY-MM-DD"}
        try:
            parsed[key] = date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            return {"code": 42002, "message": f"{key} is not a real date"}
    start, end = parsed["from"], parsed["to"]
    if start > end:
        return {"code": 42003, "message": "from must not be after to"}
    days = (end - start).days + 1
    if days > 31:
        return {"code": 42004, "message": "the range may span at most 31 days"}
    return {"code": 0, "from": start, "to": end, "days": days}
