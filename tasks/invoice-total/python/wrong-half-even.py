from decimal import Decimal, InvalidOperation


def invoice_total(lines: list, discount_percent: int = 0) -> dict:
    if not isinstance(lines, list) or not lines:
        return {"code": 60001, "message": "lines must not be empty"}
    subtotal = Decimal("0.00")
    for line in lines:
        quantity = line.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            return {"code": 60002, "message": "invalid quantity"}
        try:
            price = Decimal(str(line["unit_price"]))
        except (KeyError, InvalidOperation):
            return {"code": 60003, "message": "invalid unit_price"}
        if price < 0:
            return {"code": 60003, "message": "invalid unit_price"}
        subtotal += price * quantity
    if isinstance(discount_percent, bool) or not isinstance(discount_percent, int) or not 0 <= discount_percent <= 100:
        return {"code": 60004, "message": "invalid discount_percent"}
    discount = (subtotal * Decimal(discount_percent) / Decimal(100)).quantize(Decimal("0.01"))
    tax = ((subtotal - discount) * Decimal("0.0825")).quantize(Decimal("0.01"))
    total = subtotal - discount + tax
    return {"code": 0, "subtotal": str(subtotal), "discount": str(discount), "tax": str(tax), "total": str(total)}
