STATUSES = {"PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"}

ALLOWED_TRANSITIONS = {
    "PENDING": {"PAID", "CANCELLED"},
    "PAID": {"SHIPPED", "CANCELLED"},
    "SHIPPED": {"DELIVERED"},
    "DELIVERED": set(),
    "CANCELLED": set(),
}


def change_order_status(order: dict, new_status) -> dict:
    history = order.setdefault("history", [])

    if not isinstance(new_status, str) or new_status not in STATUSES:
        return {"code": 44001, "message": f"unknown status: {new_status!r}"}

    current = order.get("status")
    if new_status not in ALLOWED_TRANSITIONS.get(current, set()):
        return {
            "code": 44002,
            "message": f"cannot change status from {current!r} to {new_status!r}",
        }

    order["status"] = new_status
    history.append(new_status)
    return {"code": 0, "status": new_status}
