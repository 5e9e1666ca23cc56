from enum import Enum


class OrderStatus(str, Enum):
    PENDING = "PENDING"
    PAID = "PAID"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    CANCELLED = "CANCELLED"


_NEXT = {
    OrderStatus.PENDING: frozenset({OrderStatus.PAID, OrderStatus.CANCELLED}),
    OrderStatus.PAID: frozenset({OrderStatus.SHIPPED, OrderStatus.CANCELLED}),
    OrderStatus.SHIPPED: frozenset({OrderStatus.DELIVERED}),
    OrderStatus.DELIVERED: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}


def _to_status(value):
    if not isinstance(value, str):
        return None
    try:
        return OrderStatus(value)
    except ValueError:
        return None


def change_order_status(order: dict, new_status) -> dict:
    target = _to_status(new_status)
    if target is None:
        return {"code": 44001, "message": "invalid status %r" % (new_status,)}

    current = _to_status(order.get("status"))
    if current is None or target not in _NEXT[current]:
        return {
            "code": 44002,
            "message": "transition %r -> %r is not allowed" % (order.get("status"), new_status),
        }

    history = order.get("history")
    if history is None:
        history = []
    history.append(target.value)
    order["history"] = history
    order["status"] = target.value
    return {"code": 0, "status": target.value}
