from datetime import date


def parse_date_range(params: dict) -> dict:
    try:
        start = date.fromisoformat(params["from"])
        end = date.fromisoformat(params["to"])
    except Exception:
        return {"code": 42001, "message": "from and to are required"}
    if start > end:
        return {"code": 42003, "message": "from must be before to"}
    days = (end - start).days + 1
    if days > 31:
        return {"code": 42004, "message": "range too long"}
    return {"code": 0, "from": start, "to": end, "days": days}
