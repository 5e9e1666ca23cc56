from datetime import date, datetime


class _RangeError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def _is_blank(value):
    return value is None or (isinstance(value, str) and value.strip() == "")


def _to_date(text):
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise _RangeError(42002, f"invalid date: {text!r}, expected YYYY-MM-DD")
    digits = text[:4] + text[5:7] + text[8:]
    if not all(ch in "0123456789" for ch in digits):
        raise _RangeError(42002, f"invalid date: {text!r}, expected YYYY-MM-DD")
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise _RangeError(42002, f"not a calendar date: {text!r}") from None


def parse_date_range(params: dict) -> dict:
    params = params if isinstance(params, dict) else {}
    try:
        if any(_is_blank(params.get(name)) for name in ("from", "to")):
            raise _RangeError(42001, "both 'from' and 'to' are required")

        start, end = _to_date(params["from"]), _to_date(params["to"])
        if start > end:
            raise _RangeError(42003, "'from' is after 'to'")

        span = (end - start).days + 1
        if span > 31:
            raise _RangeError(42004, f"range of {span} days exceeds the 31-day limit")
    except _RangeError as err:
        return {"code": err.code, "message": err.message}

    return {"code": 0, "from": start, "to": end, "days": span}
