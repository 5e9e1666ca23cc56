# A stranger's almost-right solution (written blind from the prompt), one planted bug:
# Line 47 rounds the tax with the built-in round(), which on a Decimal rounds half to even instead of half up.
from decimal import Decimal, InvalidOperation, ROUND_HALF_UP

CENT = Decimal("0.01")
TAX_RATE = Decimal("0.0825")


def _error(code, message):
    return {"code": code, "message": message}


def _cents(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def invoice_total(lines: list, discount_percent: int = 0) -> dict:
    if not isinstance(lines, list) or not lines:
        return _error(60001, "lines must be a non-empty list")

    subtotal = Decimal("0")
    for index, line in enumerate(lines):
        if not isinstance(line, dict):
            line = {}
        quantity = line.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            return _error(60002, f"line {index}: quantity must be a positive integer")

        raw_price = line.get("unit_price")
        if not isinstance(raw_price, str):
            return _error(60003, f"line {index}: unit_price must be a decimal string")
        try:
            price = Decimal(raw_price)
        except InvalidOperation:
            return _error(60003, f"line {index}: unit_price is not a number")
        if not price.is_finite() or price < 0:
            return _error(60003, f"line {index}: unit_price must be a non-negative number")

        subtotal += price * quantity

    if (
        isinstance(discount_percent, bool)
        or not isinstance(discount_percent, int)
        or not 0 <= discount_percent <= 100
    ):
        return _error(60004, "discount_percent must be an integer from 0 to 100")

    discount = _cents(subtotal * discount_percent / 100)
    tax = round((subtotal - discount) * TAX_RATE, 2)
    total = subtotal - discount + tax

    return {
        "code": 0,
        "subtotal": f"{_cents(subtotal):.2f}",
        "discount": f"{discount:.2f}",
        "tax": f"{tax:.2f}",
        "total": f"{_cents(total):.2f}",
    }
