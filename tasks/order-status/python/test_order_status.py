"""Hidden tests for tasks/order-status/python.yaml. The code under test is solution.py."""

import copy

import pytest

from solution import change_order_status

STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"]
ALLOWED = {("PENDING", "PAID"), ("PENDING", "CANCELLED"), ("PAID", "SHIPPED"), ("PAID", "CANCELLED"), ("SHIPPED", "DELIVERED")}
FORBIDDEN = sorted((a, b) for a in STATUSES for b in STATUSES if (a, b) not in ALLOWED)


def order(status):
    return {"id": 17, "status": status, "history": [status]}


@pytest.mark.parametrize("value", ["paid", "Paid", "REFUNDED", "", None, 3, " PAID"])
def test_unknown_status_returns_44001(value):
    assert change_order_status(order("PENDING"), value).get("code") == 44001


@pytest.mark.parametrize("current,new", sorted(ALLOWED))
def test_allowed_transitions(current, new):
    o = order(current)
    assert change_order_status(o, new) == {"code": 0, "status": new}
    assert o["status"] == new


@pytest.mark.parametrize("current,new", FORBIDDEN)
def test_forbidden_transitions_return_44002(current, new):
    assert change_order_status(order(current), new).get("code") == 44002


@pytest.mark.parametrize("current,new", [("PENDING", "DELIVERED"), ("DELIVERED", "CANCELLED"), ("PAID", "paid"), ("SHIPPED", "SHIPPED")])
def test_order_unchanged_on_error(current, new):
    o = order(current)
    before = copy.deepcopy(o)
    change_order_status(o, new)
    assert o == before


@pytest.mark.parametrize("current,new", [("PENDING", "DELIVERED"), ("PAID", "paid")])
def test_order_unchanged_on_error_bare_order(current, new):
    o = {"id": 17, "status": current}
    change_order_status(o, new)
    assert o == {"id": 17, "status": current}, f"a failed change left the order as {o}"


def test_history_appended():
    o = order("PENDING")
    change_order_status(o, "PAID")
    change_order_status(o, "SHIPPED")
    assert o["history"] == ["PENDING", "PAID", "SHIPPED"]


def test_history_created_when_missing():
    o = {"id": 1, "status": "PAID"}
    assert change_order_status(o, "CANCELLED")["code"] == 0
    assert o["history"] == ["CANCELLED"]
