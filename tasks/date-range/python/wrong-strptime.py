from datetime import datetime


def parse_date_range(params: dict) -> dict:
    start_text = params.get("from")
    end_text = params.get("to")
    if not start_text or not end_text:
        return {"code": 42001, "message": "from and to are required"}
    try:
        start = datetime.strptime(start_text, "%Y-%m-%d").date()
        end = datetime.strptime(end_text, "%Y-%m-%d").date()
    except ValueError:
        return {"code": 42002, "message": "Invalid date format, expected YYYY-MM-DD"}
    if start > end:
        return {"code": 42003, "message": "from must be before to"}
    days = (end - start).days + 1
    if days > 31:
        return {"code": 42004, "message": "Date range too long"}
    return {"code": 0, "from": start, "to": end, "days": days}
