VALID_CURRENCIES = {"USD", "EUR", "GBP"}


def create_payment(request: dict, store, gateway) -> dict:
    key = request.get("idempotency_key")
    if not isinstance(key, str) or key.strip() == "":
        return {"code": 41001, "message": "missing idempotency_key"}

    previous = store.get(key)
    amount = request.get("amount_cents")
    currency = request.get("currency")

    if previous is not None:
        if previous["amount_cents"] != amount or previous["currency"] != currency:
            return {"code": 41004, "message": "idempotency_key reused with different parameters"}
        return previous["result"]

    if type(amount) is not int or amount <= 0:
        return {"code": 41002, "message": "amount_cents must be a positive integer"}
    if not isinstance(currency, str) or currency not in VALID_CURRENCIES:
        return {"code": 41003, "message": "unsupported currency"}

    try:
        charge_id = gateway.charge(amount, currency)
    except Exception as e:
        return {"code": 50200, "message": str(e)}

    result = {"code": 0, "charge_id": charge_id}
    store.save(key, {"amount_cents": amount, "currency": currency, "result": result})
    return result
