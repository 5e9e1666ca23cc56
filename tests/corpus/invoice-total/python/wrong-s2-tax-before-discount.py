from decimal import Decimal, InvalidOperation, ROUND_HALF_UP


def _cents(amount):
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def invoice_total(lines: list, discount_percent: int = 0) -> dict:
    if not isinstance(lines, list) or len(lines) == 0:
        return {"code": 60001, "message": "invoice needs at least one line"}

    subtotal = Decimal(0)
    for line in lines:
        qty = line.get("quantity") if isinstance(line, dict) else None
        if type(qty) is not int or qty < 1:
            return {"code": 60002, "message": "quantity must be a positive integer"}

        price_text = line.get("unit_price")
        if not isinstance(price_text, str):
            return {"code": 60003, "message": "unit_price must be a string"}
        try:
            price = Decimal(price_text)
        except InvalidOperation:
            return {"code": 60003, "message": "unit_price is not a decimal number"}
        if not price.is_finite() or price < 0:
            return {"code": 60003, "message": "unit_price must not be negative"}

        subtotal += price * qty

    if type(discount_percent) is not int or discount_percent < 0 or discount_percent > 100:
        return {"code": 60004, "message": "discount_percent must be an integer from 0 to 100"}

    discount = _cents(subtotal * discount_percent / 100)
    tax = _cents(subtotal * Decimal("8.25") / 100)
    total = subtotal - discount + tax

    return {
        "code": 0,
        "subtotal": str(_cents(subtotal)),
        "discount": str(discount),
        "tax": str(tax),
        "total": str(_cents(total)),
    }
