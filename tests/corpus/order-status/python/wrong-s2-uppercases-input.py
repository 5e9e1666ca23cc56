VALID_STATUSES = ("PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED")

TRANSITIONS = {
    ("PENDING", "PAID"),
    ("PENDING", "CANCELLED"),
    ("PAID", "SHIPPED"),
    ("PAID", "CANCELLED"),
    ("SHIPPED", "DELIVERED"),
}


def change_order_status(order: dict, new_status) -> dict:
    if isinstance(new_status, str):
        new_status = new_status.strip().upper()
    if not isinstance(new_status, str) or new_status not in VALID_STATUSES:
        return {"code": 44001, "message": f"invalid status: {new_status!r}"}

    current = order.get("status")
    if (current, new_status) not in TRANSITIONS:
        return {
            "code": 44002,
            "message": f"transition {current} -> {new_status} is not allowed",
        }

    order["status"] = new_status
    if "history" not in order or order["history"] is None:
        order["history"] = []
    order["history"].append(new_status)
    return {"code": 0, "status": new_status}
