from dataclasses import dataclass
from typing import Optional

CURRENCIES = ("USD", "EUR", "GBP")


@dataclass(frozen=True)
class _PaymentRequest:
    key: object
    amount_cents: object
    currency: object

    def validation_error(self) -> Optional[dict]:
        checks = (
            (isinstance(self.key, str) and self.key.strip() != "",
             41001, "missing idempotency_key"),
            (type(self.amount_cents) is not bool and isinstance(self.amount_cents, int)
             and self.amount_cents > 0,
             41002, "amount_cents must be a positive integer"),
            (isinstance(self.currency, str) and self.currency in CURRENCIES,
             41003, "unsupported currency"),
        )
        for passed, code, message in checks:
            if not passed:
                return {"code": code, "message": message}
        return None

    def matches(self, record: dict) -> bool:
        return (record.get("amount_cents"), record.get("currency")) == (self.amount_cents, self.currency)


def create_payment(request: dict, store, gateway) -> dict:
    request = request if isinstance(request, dict) else {}
    req = _PaymentRequest(
        key=request.get("idempotency_key"),
        amount_cents=request.get("amount_cents"),
        currency=request.get("currency"),
    )
    if (error := req.validation_error()) is not None:
        return error

    if (saved := store.get(req.key)) is not None:
        if req.matches(saved):
            return saved["result"]
        return {"code": 41004, "message": "idempotency key reused with different parameters"}

    try:
        charge_id = gateway.charge(req.amount_cents, req.currency)
    except Exception as exc:
        return {"code": 50200, "message": str(exc)}

    record = {
        "amount_cents": req.amount_cents,
        "currency": req.currency,
        "result": {"code": 0, "charge_id": charge_id},
    }
    store.save(req.key, record)
    return record["result"]
