from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def _money(value):
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def invoice_total(lines: list, discount_percent: int = 0) -> dict:
    if not isinstance(lines, list) or not lines:
        return {"code": 60001, "message": "lines must not be empty"}
    subtotal = Decimal("0")
    for line in lines:
        quantity = line.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            return {"code": 60002, "message": "invalid quantity"}
        try:
            price = Decimal(line.get("unit_price"))
        except (TypeError, InvalidOperation):
            return {"code": 60003, "message": "invalid unit_price"}
        if price < 0:
            return {"code": 60003, "message": "invalid unit_price"}
        subtotal += price * quantity
    if isinstance(discount_percent, bool) or not isinstance(discount_percent, int) or not 0 <= discount_percent <= 100:
        return {"code": 60004, "message": "invalid discount_percent"}
    tax = _money(subtotal * Decimal("0.0825"))
    discount = _money(subtotal * discount_percent / 100)
    total = subtotal + tax - discount
    return {"code": 0, "subtotal": f"{_money(subtotal)}", "discount": f"{discount}", "tax": f"{tax}", "total": f"{_money(total)}"}
