from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")
TAX_RATE = Decimal("0.0825")


def _error(code, message):
    return {"code": code, "message": message}


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def invoice_total(lines: list, discount_percent: int = 0) -> dict:
    if not isinstance(lines, list) or not lines:
        return _error(60001, "lines must be a non-empty list")

    subtotal = Decimal("0")
    for line in lines:
        if not isinstance(line, dict):
            return _error(60002, "each line needs a positive integer quantity")
        quantity = line.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            return _error(60002, "quantity must be a positive integer")

        raw_price = line.get("unit_price")
        if not isinstance(raw_price, str):
            return _error(60003, "unit_price must be a decimal string")
        try:
            price = Decimal(raw_price)
        except InvalidOperation:
            return _error(60003, "unit_price must be a decimal string")
        if not price.is_finite() or price < 0:
            return _error(60003, "unit_price must be a non-negative decimal")

        subtotal += price * quantity

    if isinstance(discount_percent, bool) or not isinstance(discount_percent, int) \
            or not 0 <= discount_percent <= 100:
        return _error(60004, "discount_percent must be an integer from 0 to 100")

    discount = _money(subtotal * discount_percent / Decimal(100))
    tax = _money((subtotal - discount) * TAX_RATE)
    total = subtotal - discount + tax

    return {
        "code": 0,
        "subtotal": str(_money(subtotal)),
        "discount": str(discount),
        "tax": str(tax),
        "total": str(_money(total)),
    }
