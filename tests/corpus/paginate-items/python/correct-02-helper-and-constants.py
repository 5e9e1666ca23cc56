import math

MAX_PAGE_SIZE = 100
ERR_PAGE = 40001
ERR_PAGE_SIZE = 40002


def _is_positive_int(value):
    return type(value) is int and value >= 1


def paginate(items: list, page=1, page_size=20) -> dict:
    if not _is_positive_int(page):
        return {"code": ERR_PAGE, "message": "invalid page: expected an integer of at least 1"}
    if not _is_positive_int(page_size):
        return {
            "code": ERR_PAGE_SIZE,
            "message": "invalid page_size: expected an integer of at least 1",
        }

    size = page_size if page_size <= MAX_PAGE_SIZE else MAX_PAGE_SIZE
    total = len(items)
    total_pages = math.ceil(total / size) if total else 0
    offset = (page - 1) * size
    page_items = list(items[offset : offset + size])

    return {
        "code": 0,
        "items": page_items,
        "page": page,
        "page_size": size,
        "total": total,
        "total_pages": total_pages,
    }
