ALLOWED_CURRENCIES = ("USD", "EUR", "GBP")


def _error(code, message):
    return {"code": code, "message": message}


def create_payment(request: dict, store, gateway) -> dict:
    request = request or {}
    key = request.get("idempotency_key")
    amount = request.get("amount_cents")
    currency = request.get("currency")

    if not isinstance(key, str) or not key.strip():
        return _error(41001, "idempotency_key is required")
    if not isinstance(amount, int) or amount <= 0:
        return _error(41002, "amount_cents must be a positive integer")
    if currency not in ALLOWED_CURRENCIES:
        return _error(41003, "currency must be one of USD, EUR, GBP")

    existing = store.get(key)
    if existing is not None:
        if existing.get("amount_cents") == amount and existing.get("currency") == currency:
            return existing["result"]
        return _error(41004, "idempotency_key was already used with a different amount or currency")

    try:
        charge_id = gateway.charge(amount, currency)
    except Exception as exc:
        return _error(50200, str(exc))

    result = {"code": 0, "charge_id": charge_id}
    store.save(key, {"amount_cents": amount, "currency": currency, "result": result})
    return result
