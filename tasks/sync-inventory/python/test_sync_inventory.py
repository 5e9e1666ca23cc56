"""Hidden tests for tasks/sync-inventory/python.yaml. The code under test is solution.py."""

import pytest

from solution import sync_inventory


class Api:
    """Raises the exception mapped to a SKU, records every call."""

    def __init__(self, errors=None):
        self.errors = errors or {}
        self.calls = []

    def set_stock(self, sku, quantity):
        self.calls.append((sku, quantity))
        if sku in self.errors:
            raise self.errors[sku]


def updates(*skus):
    return [{"sku": sku, "quantity": i + 1} for i, sku in enumerate(skus)]


def test_all_succeed():
    api = Api()
    result = sync_inventory(updates("a", "b", "c"), api)
    assert result == {"updated": ["a", "b", "c"], "unknown": [], "failed": []}
    assert api.calls == [("a", 1), ("b", 2), ("c", 3)]


def test_continues_after_failure():
    api = Api({"b": RuntimeError("timeout talking to warehouse")})
    result = sync_inventory(updates("a", "b", "c", "d"), api)
    assert [call[0] for call in api.calls] == ["a", "b", "c", "d"], "the batch stopped after a failure"
    assert result["updated"] == ["a", "c", "d"]


def test_unknown_sku_recorded():
    api = Api({"b": LookupError("no such sku"), "d": KeyError("d")})
    result = sync_inventory(updates("a", "b", "c", "d"), api)
    assert result == {"updated": ["a", "c"], "unknown": ["b", "d"], "failed": []}


def test_failure_recorded_with_message():
    api = Api({"a": ValueError("quantity rejected"), "c": ConnectionError("warehouse offline")})
    result = sync_inventory(updates("a", "b", "c"), api)
    assert result["failed"] == [
        {"sku": "a", "error": "quantity rejected"},
        {"sku": "c", "error": "warehouse offline"},
    ]
    assert result["unknown"] == [] and result["updated"] == ["b"]


def test_permission_error_propagates_and_stops():
    error = PermissionError("token expired")
    api = Api({"b": error})
    with pytest.raises(PermissionError) as raised:
        sync_inventory(updates("a", "b", "c"), api)
    assert raised.value is error
    assert [call[0] for call in api.calls] == ["a", "b"], "the batch went on after a PermissionError"


def test_keyboard_interrupt_propagates():
    api = Api({"a": KeyboardInterrupt()})
    with pytest.raises(KeyboardInterrupt):
        sync_inventory(updates("a", "b"), api)
