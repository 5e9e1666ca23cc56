def invoice_total(lines: list, discount_percent: int = 0) -> dict:
    if not isinstance(lines, list) or len(lines) == 0:
        return {"code": 60001, "message": "No invoice lines"}
    subtotal = 0.0
    for line in lines:
        qty = line.get("quantity")
        if not isinstance(qty, int) or qty <= 0:
            return {"code": 60002, "message": "Invalid quantity"}
        try:
            price = float(line.get("unit_price"))
        except (TypeError, ValueError):
            return {"code": 60003, "message": "Invalid unit price"}
        if price < 0:
            return {"code": 60003, "message": "Invalid unit price"}
        subtotal += price * qty
    if not isinstance(discount_percent, int) or discount_percent < 0 or discount_percent > 100:
        return {"code": 60004, "message": "Invalid discount"}
    discount = round(subtotal * discount_percent / 100, 2)
    tax = round((subtotal - discount) * 0.0825, 2)
    total = subtotal - discount + tax
    return {
        "code": 0,
        "subtotal": f"{subtotal:.2f}",
        "discount": f"{discount:.2f}",
        "tax": f"{tax:.2f}",
        "total": f"{total:.2f}",
    }
