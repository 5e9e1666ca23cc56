def paginate(items: list, page=1, page_size=20) -> dict:
    try:
        page = int(page)
        page_size = int(page_size)
    except (TypeError, ValueError):
        return {"code": 40001, "message": "page and page_size must be integers"}
    if page < 1:
        return {"code": 40001, "message": "page must be >= 1"}
    if page_size < 1:
        return {"code": 40002, "message": "page_size must be >= 1"}
    if page_size > 100:
        page_size = 100
    offset = (page - 1) * page_size
    total = len(items)
    return {
        "code": 0,
        "items": items[offset:offset + page_size],
        "page": page,
        "page_size": page_size,
        "total": total,
        "total_pages": -(-total // page_size),
    }
