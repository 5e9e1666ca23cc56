import re
from datetime import date


def parse_date_range(params: dict) -> dict:
    start_text = params.get("from")
    end_text = params.get("to")
    if start_text is None or end_text is None or str(start_text).strip() == "" or str(end_text).strip() == "":
        return {"code": 42001, "message": "from and to are required"}
    pattern = r"^\d{4}-\d{2}-\d{2}$"
    if not re.match(pattern, str(start_text)) or not re.match(pattern, str(end_text)):
        return {"code": 42002, "message": "dates must be YYYY-MM-DD"}
    try:
        start = date.fromisoformat(start_text)
        end = date.fromisoformat(end_text)
    except ValueError:
        return {"code": 42002, "message": "invalid date"}
    if start > end:
        return {"code": 42003, "message": "from is after to"}
    days = (end - start).days
    if days > 31:
        return {"code": 42004, "message": "range exceeds 31 days"}
    return {"code": 0, "from": start, "to": end, "days": days}
