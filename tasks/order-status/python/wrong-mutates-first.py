VALID = {"PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"}
TRANSITIONS = {
    ("PENDING", "PAID"), ("PENDING", "CANCELLED"), ("PAID", "SHIPPED"),
    ("PAID", "CANCELLED"), ("SHIPPED", "DELIVERED"),
}


def change_order_status(order: dict, new_status) -> dict:
    if new_status not in VALID:
        return {"code": 44001, "message": "unknown status"}
    old_status = order["status"]
    order["status"] = new_status
    order["history"] = order.get("history", []) + [new_status]
    if (old_status, new_status) not in TRANSITIONS:
        return {"code": 44002, "message": f"cannot change status from {old_status} to {new_status}"}
    return {"code": 0, "status": new_status}
