VALID_STATUSES = ("PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED")

ALLOWED_TRANSITIONS = {
    ("PENDING", "PAID"),
    ("PENDING", "CANCELLED"),
    ("PAID", "SHIPPED"),
    ("PAID", "CANCELLED"),
    ("SHIPPED", "DELIVERED"),
}


def change_order_status(order: dict, new_status) -> dict:
    if not isinstance(new_status, str) or new_status not in VALID_STATUSES:
        return {"code": 44001, "message": f"unknown status: {new_status!r}"}

    current = order.get("status")
    if not isinstance(current, str) or (current, new_status) not in ALLOWED_TRANSITIONS:
        return {
            "code": 44002,
            "message": f"cannot change status from {current!r} to {new_status!r}",
        }

    if order.get("history") is None:
        order["history"] = []
    order["history"].append(new_status)
    order["status"] = new_status
    return {"code": 0, "status": new_status}
