TRANSITIONS = {
    "PENDING": {"PAID", "CANCELLED"},
    "PAID": {"SHIPPED", "CANCELLED"},
    "SHIPPED": {"DELIVERED"},
    "DELIVERED": set(),
    "CANCELLED": set(),
}


def change_order_status(order: dict, new_status) -> dict:
    if not isinstance(new_status, str) or new_status not in TRANSITIONS:
        return {"code": 44001, "message": f"unknown status {new_status!r}"}
    current = order.get("status")
    if new_status not in TRANSITIONS.get(current, set()):
        return {"code": 44002, "message": f"cannot move an order from {current} to {new_status}"}
    order["status"] = new_status
    order.setdefault("history", []).append(new_status)
    return {"code": 0, "status": new_status}
