STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"]


def change_order_status(order: dict, new_status) -> dict:
    if new_status not in STATUSES:
        return {"code": 44001, "message": "Invalid status"}
    current = order["status"]
    if new_status == "CANCELLED":
        if current in ("DELIVERED", "CANCELLED"):
            return {"code": 44002, "message": "Order cannot be cancelled"}
    elif STATUSES.index(new_status) <= STATUSES.index(current):
        return {"code": 44002, "message": "Invalid status transition"}
    order["status"] = new_status
    order.setdefault("history", []).append(new_status)
    return {"code": 0, "status": new_status}
