from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
TAX_RATE = Decimal("0.0825")


def invoice_total(lines: list, discount_percent: int = 0) -> dict:
    if not isinstance(lines, list) or not lines:
        return {"code": 60001, "message": "lines must be a non-empty list"}
    subtotal = Decimal("0")
    for line in lines:
        quantity = line.get("quantity") if isinstance(line, dict) else None
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            return {"code": 60002, "message": "quantity must be a positive integer"}
        price_text = line.get("unit_price")
        if not isinstance(price_text, str):
            return {"code": 60003, "message": "unit_price must be a decimal string"}
        try:
            price = Decimal(price_text.strip())
        except InvalidOperation:
            return {"code": 60003, "message": "unit_price must be a decimal string"}
        if not price.is_finite() or price < 0:
            return {"code": 60003, "message": "unit_price must be a non-negative amount"}
        subtotal += price * quantity
    if isinstance(discount_percent, bool) or not isinstance(discount_percent, int) or not 0 <= discount_percent <= 100:
        return {"code": 60004, "message": "discount_percent must be an integer from 0 to 100"}

    discount = (subtotal * discount_percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    tax = ((subtotal - discount) * TAX_RATE).quantize(CENT, rounding=ROUND_HALF_UP)
    total = subtotal - discount + tax
    return {
        "code": 0,
        "subtotal": f"{subtotal.quantize(CENT, rounding=ROUND_HALF_UP):.2f}",
        "discount": f"{discount:.2f}",
        "tax": f"{tax:.2f}",
        "total": f"{total.quantize(CENT, rounding=ROUND_HALF_UP):.2f}",
    }
