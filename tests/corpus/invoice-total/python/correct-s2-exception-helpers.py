import decimal
from decimal import Decimal


class _InvoiceError(ValueError):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _round_cents(amount):
    return amount.quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)


def _parse_price(raw):
    if not isinstance(raw, str):
        raise _InvoiceError(60003, "unit_price must be a string")
    try:
        price = Decimal(raw)
    except decimal.InvalidOperation:
        raise _InvoiceError(60003, f"unit_price {raw!r} is not a number") from None
    if price.is_nan() or price.is_infinite() or price.is_signed() and price != 0:
        raise _InvoiceError(60003, f"unit_price {raw!r} must be a finite, non-negative number")
    return price


def _line_amount(line):
    line = line if isinstance(line, dict) else {}
    qty = line.get("quantity")
    if not _is_int(qty) or qty < 1:
        raise _InvoiceError(60002, "quantity must be a positive integer")
    return _parse_price(line.get("unit_price")) * qty


def invoice_total(lines: list, discount_percent: int = 0) -> dict:
    try:
        if not isinstance(lines, list) or len(lines) == 0:
            raise _InvoiceError(60001, "invoice needs at least one line")
        subtotal = sum((_line_amount(line) for line in lines), Decimal(0))
        if not _is_int(discount_percent) or discount_percent not in range(101):
            raise _InvoiceError(60004, "discount_percent must be between 0 and 100")
    except _InvoiceError as err:
        return {"code": err.code, "message": str(err)}

    discount = _round_cents(subtotal * Decimal(discount_percent) / Decimal(100))
    taxable = subtotal - discount
    tax = _round_cents(taxable * Decimal("8.25") / Decimal(100))
    total = taxable + tax

    amounts = {"subtotal": subtotal, "discount": discount, "tax": tax, "total": total}
    return {"code": 0, **{name: f"{_round_cents(value):f}" for name, value in amounts.items()}}
