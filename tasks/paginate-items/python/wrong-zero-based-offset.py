import math


def paginate(items: list, page=1, page_size=20) -> dict:
    if not isinstance(page, int) or page < 1:
        return {"code": 40001, "message": "Invalid page"}
    if not isinstance(page_size, int) or page_size < 1:
        return {"code": 40002, "message": "Invalid page size"}
    page_size = min(page_size, 100)
    start = page * page_size
    end = start + page_size
    return {
        "code": 0,
        "items": items[start:end],
        "page": page,
        "page_size": page_size,
        "total": len(items),
        "total_pages": math.ceil(len(items) / page_size),
    }
