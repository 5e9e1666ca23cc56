def create_payment(request: dict, store, gateway) -> dict:
    key = request.get("idempotency_key")
    if not key or not str(key).strip():
        return {"code": 41001, "message": "idempotency_key is required"}
    amount = request.get("amount_cents")
    if type(amount) is not int or amount <= 0:
        return {"code": 41002, "message": "amount_cents must be a positive integer"}
    currency = request.get("currency")
    if currency not in ("USD", "EUR", "GBP"):
        return {"code": 41003, "message": "invalid currency"}
    existing = store.get(key)
    if existing:
        if existing["amount_cents"] != amount or existing["currency"] != currency:
            return {"code": 41004, "message": "idempotency key reused with different parameters"}
        return existing["result"]
    try:
        charge_id = gateway.charge(amount, currency)
        result = {"code": 0, "charge_id": charge_id}
    except Exception as e:
        result = {"code": 50200, "message": str(e)}
    store.save(key, {"amount_cents": amount, "currency": currency, "result": result})
    return result
