def create_payment(request: dict, store, gateway) -> dict:
    key = request.get("idempotency_key")
    if key is None or key.strip() == "":
        return {"code": 41001, "message": "idempotency_key is required"}
    amount = request.get("amount_cents")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
        return {"code": 41002, "message": "amount_cents must be a positive integer"}
    currency = request.get("currency")
    if currency not in {"USD", "EUR", "GBP"}:
        return {"code": 41003, "message": "currency not supported"}
    previous = store.get(key)
    if previous is not None:
        return previous["result"]
    try:
        charge_id = gateway.charge(amount, currency)
    except Exception as exc:
        return {"code": 50200, "message": str(exc)}
    result = {"code": 0, "charge_id": charge_id}
    store.save(key, {"amount_cents": amount, "currency": currency, "result": result})
    return result
