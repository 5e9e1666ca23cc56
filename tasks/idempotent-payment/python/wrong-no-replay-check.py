def create_payment(request: dict, store, gateway) -> dict:
    key = request.get("idempotency_key")
    amount = request.get("amount_cents")
    currency = request.get("currency")
    if not key:
        return {"code": 41001, "message": "Missing idempotency key"}
    if not isinstance(amount, int) or amount <= 0:
        return {"code": 41002, "message": "Invalid amount"}
    if currency not in ["USD", "EUR", "GBP"]:
        return {"code": 41003, "message": "Unsupported currency"}
    try:
        charge_id = gateway.charge(amount, currency)
        result = {"code": 0, "charge_id": charge_id}
        store.save(key, {"amount_cents": amount, "currency": currency, "result": result})
        return result
    except Exception as e:
        return {"code": 50200, "message": str(e)}
