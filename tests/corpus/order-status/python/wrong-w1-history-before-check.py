# A stranger's almost-right solution (written blind from the prompt), one planted bug:
# Line 14 calls order.setdefault('history', []) before the transition is validated, so a rejected transition still adds an empty history list to the order.
STATUSES = ("PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED")

ALLOWED_TRANSITIONS = {
    "PENDING": {"PAID", "CANCELLED"},
    "PAID": {"SHIPPED", "CANCELLED"},
    "SHIPPED": {"DELIVERED"},
}


def change_order_status(order: dict, new_status) -> dict:
    if not isinstance(new_status, str) or new_status not in STATUSES:
        return {"code": 44001, "message": f"unknown status: {new_status!r}"}

    history = order.setdefault("history", [])
    current = order.get("status")
    allowed = ALLOWED_TRANSITIONS.get(current, set()) if isinstance(current, str) else set()
    if new_status not in allowed:
        return {
            "code": 44002,
            "message": f"cannot move an order from {current!r} to {new_status!r}",
        }

    order["status"] = new_status
    history.append(new_status)
    return {"code": 0, "status": new_status}
