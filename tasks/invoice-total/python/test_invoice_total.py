"""Hidden tests for tasks/invoice-total/python.yaml. The code under test is solution.py."""

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solution import invoice_total

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def line(price="1.00", qty=1):
    return {"unit_price": price, "quantity": qty}


@pytest.mark.parametrize("lines", [[], None, "abc", {"unit_price": "1.00", "quantity": 1}])
def test_empty_lines_returns_60001(lines):
    assert invoice_total(lines).get("code") == 60001


@pytest.mark.parametrize("qty", [0, -2, 1.5, "3", None, True])
def test_invalid_quantity_returns_60002(qty):
    assert invoice_total([line(), line(qty=qty)]).get("code") == 60002


@pytest.mark.parametrize("price", ["abc", "", "-1.00", None, "1.2.3"])
def test_invalid_price_returns_60003(price):
    assert invoice_total([line(price=price)]).get("code") == 60003


def test_invalid_price_missing_returns_60003():
    assert invoice_total([{"quantity": 2}]).get("code") == 60003


@pytest.mark.parametrize("discount", [-1, 101, 12.5, "10", None])
def test_invalid_discount_returns_60004(discount):
    assert invoice_total([line()], discount).get("code") == 60004


def test_no_discount():
    result = invoice_total([line("19.99", 2), line("5.00", 1)])
    assert result == {"code": 0, "subtotal": "44.98", "discount": "0.00", "tax": "3.71", "total": "48.69"}


def test_tax_rounds_half_up():
    # 10.00 x 8.25 % = 0.825 exactly: half up gives 0.83 (float and half-even give 0.82)
    result = invoice_total([line("10.00", 1)])
    assert result["tax"] == "0.83"
    assert result["total"] == "10.83"


def test_discount_rounds_half_up():
    # 0.50 x 5 % = 0.025 -> 0.03; tax on 0.47 = 0.038775 -> 0.04
    result = invoice_total([line("0.50", 1)], 5)
    assert result["discount"] == "0.03"
    assert result["tax"] == "0.04"
    assert result["total"] == "0.51"


def test_tax_after_discount():
    # subtotal 200.00, discount 10 % = 20.00, tax on 180.00 = 14.85
    result = invoice_total([line("100.00", 2)], 10)
    assert result == {"code": 0, "subtotal": "200.00", "discount": "20.00", "tax": "14.85", "total": "194.85"}


def test_exact_cents_with_tenths():
    # 0.10 x 3 = 0.30 exactly; tax 0.02475 -> 0.02
    assert invoice_total([line("0.10", 3)])["total"] == "0.32"


def test_many_small_lines_exact_cents():
    # 24 lines of 0.25 add to exactly 6.00: tax 0.495 -> 0.50 (half up and half even agree;
    # a float sum is 5.9999... and its tax rounds to 0.49)
    result = invoice_total([line("0.25", 1)] * 24)
    assert result["subtotal"] == "6.00"
    assert result["tax"] == "0.50"
    assert result["total"] == "6.50"


def test_two_decimals_format():
    result = invoice_total([line("3", 1), line("2.5", 2)], 100)
    for key in ("subtotal", "discount", "tax", "total"):
        assert isinstance(result[key], str) and re.fullmatch(r"-?\d+\.\d\d", result[key]), f"{key}={result[key]!r}"
    assert result["total"] == "0.00"


CENT = Decimal("0.01")


@FAST
@given(
    items=st.lists(st.tuples(st.integers(0, 99_999), st.integers(1, 50)), min_size=1, max_size=6),
    discount=st.integers(0, 100),
)
def test_property_totals_match_decimal_model(items, discount):
    lines = [line(f"{cents // 100}.{cents % 100:02d}", qty) for cents, qty in items]
    subtotal = sum(Decimal(cents) / 100 * qty for cents, qty in items)
    d = (subtotal * discount / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    t = ((subtotal - d) * Decimal("0.0825")).quantize(CENT, rounding=ROUND_HALF_UP)
    result = invoice_total(lines, discount)
    assert result["discount"] == f"{d:.2f}"
    assert result["tax"] == f"{t:.2f}"
    assert result["total"] == f"{subtotal - d + t:.2f}"
