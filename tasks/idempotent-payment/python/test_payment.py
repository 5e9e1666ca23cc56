"""Hidden tests for tasks/idempotent-payment/python.yaml. The code under test is solution.py."""

import copy

import pytest

from solution import create_payment


class Store:
    def __init__(self):
        self.records = {}
        self.calls = []

    def get(self, key):
        self.calls.append(("get", key))
        record = self.records.get(key)
        return copy.deepcopy(record)

    def save(self, key, record):
        self.calls.append(("save", key))
        self.records[key] = copy.deepcopy(record)


class Gateway:
    def __init__(self, fail_with=None):
        self.fail_with = fail_with
        self.charges = []

    def charge(self, amount_cents, currency):
        self.charges.append((amount_cents, currency))
        if self.fail_with is not None:
            raise self.fail_with
        return f"ch_{len(self.charges)}"


def req(**changes):
    data = {"idempotency_key": "k-1", "amount_cents": 1250, "currency": "EUR"}
    for key, value in changes.items():
        if value is ...:
            data.pop(key)
        else:
            data[key] = value
    return data


@pytest.mark.parametrize("key", [..., None, "", "   "])
def test_missing_key_returns_41001(key):
    assert create_payment(req(idempotency_key=key), Store(), Gateway()).get("code") == 41001


@pytest.mark.parametrize("amount", [..., 0, -5, 12.5, "1250", None, True])
def test_invalid_amount_returns_41002(amount):
    assert create_payment(req(amount_cents=amount), Store(), Gateway()).get("code") == 41002


@pytest.mark.parametrize("currency", [..., "usd", "JPY", "", None, 1])
def test_invalid_currency_returns_41003(currency):
    assert create_payment(req(currency=currency), Store(), Gateway()).get("code") == 41003


@pytest.mark.parametrize("bad", [req(idempotency_key=""), req(amount_cents=0), req(currency="XXX")])
def test_validation_before_store_and_gateway(bad):
    store, gateway = Store(), Gateway()
    create_payment(bad, store, gateway)
    assert store.calls == [], f"the store was called ({store.calls}) before the request was validated"
    assert gateway.charges == [], "the gateway charged before the request was validated"


def test_first_request_charges_once_and_saves():
    store, gateway = Store(), Gateway()
    result = create_payment(req(), store, gateway)
    assert result == {"code": 0, "charge_id": "ch_1"}
    assert gateway.charges == [(1250, "EUR")]
    assert store.records["k-1"]["result"] == {"code": 0, "charge_id": "ch_1"}
    assert store.records["k-1"]["amount_cents"] == 1250 and store.records["k-1"]["currency"] == "EUR"


def test_retry_returns_saved_result_without_charging():
    store, gateway = Store(), Gateway()
    first = create_payment(req(), store, gateway)
    second = create_payment(req(), store, gateway)
    third = create_payment(req(), store, gateway)
    assert first == second == third == {"code": 0, "charge_id": "ch_1"}
    assert gateway.charges == [(1250, "EUR")], "a retry charged the card again"


def test_retry_returns_saved_result_from_earlier_process():
    store, gateway = Store(), Gateway()
    store.records["k-1"] = {"amount_cents": 1250, "currency": "EUR", "result": {"code": 0, "charge_id": "ch_old"}}
    assert create_payment(req(), store, gateway) == {"code": 0, "charge_id": "ch_old"}
    assert gateway.charges == []


@pytest.mark.parametrize("changes", [{"amount_cents": 999}, {"currency": "USD"}])
def test_key_reused_with_different_request_returns_41004(changes):
    store, gateway = Store(), Gateway()
    create_payment(req(), store, gateway)
    assert create_payment(req(**changes), store, gateway).get("code") == 41004
    assert len(gateway.charges) == 1


def test_charge_failure_returns_50200_and_saves_nothing():
    store, gateway = Store(), Gateway(fail_with=RuntimeError("card declined"))
    result = create_payment(req(), store, gateway)
    assert result.get("code") == 50200
    assert "card declined" in str(result.get("message"))
    assert store.records == {}, "a failed charge was saved, so a retry can never succeed"


def test_charge_failure_then_retry_charges_again():
    store, gateway = Store(), Gateway(fail_with=TimeoutError("gateway timeout"))
    assert create_payment(req(), store, gateway).get("code") == 50200
    gateway.fail_with = None
    assert create_payment(req(), store, gateway) == {"code": 0, "charge_id": "ch_2"}
