ALLOWED = {
    "PENDING": ["PAID", "CANCELLED"],
    "PAID": ["SHIPPED", "CANCELLED"],
    "SHIPPED": ["DELIVERED"],
}


def change_order_status(order: dict, new_status) -> dict:
    status = str(new_status).upper()
    if status not in ("PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"):
        return {"code": 44001, "message": "Unknown status"}
    if status not in ALLOWED.get(order["status"], []):
        return {"code": 44002, "message": "Transition not allowed"}
    order["status"] = status
    if "history" not in order:
        order["history"] = []
    order["history"].append(status)
    return {"code": 0, "status": status}
