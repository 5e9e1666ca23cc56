CURRENCIES = ("USD", "EUR", "GBP")


def create_payment(request: dict, store, gateway) -> dict:
    key = request.get("idempotency_key")
    if not isinstance(key, str) or not key.strip():
        return {"code": 41001, "message": "idempotency_key is required"}
    amount = request.get("amount_cents")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        return {"code": 41002, "message": "amount_cents must be a positive integer"}
    currency = request.get("currency")
    if currency not in CURRENCIES or not isinstance(currency, str):
        return {"code": 41003, "message": "currency must be USD, EUR or GBP"}

    saved = store.get(key)
    if saved is not None:
        if saved["amount_cents"] != amount or saved["currency"] != currency:
            return {"code": 41004, "message": "idempotency_key was used with a different request"}
        return saved["result"]

    try:
        charge_id = gateway.charge(amount, currency)
    except Exception as error:
        return {"code": 50200, "message": str(error)}
    result = {"code": 0, "charge_id": charge_id}
    store.save(key, {"amount_cents": amount, "currency": currency, "result": result})
    return result
