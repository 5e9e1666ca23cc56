def paginate(items: list, page=1, page_size=20) -> dict:
    if not isinstance(page, int) or page < 1:
        return {"code": 40001, "message": "Invalid page number"}
    if not isinstance(page_size, int) or page_size < 1 or page_size > 100:
        return {"code": 40002, "message": "page_size must be between 1 and 100"}
    start = (page - 1) * page_size
    end = start + page_size
    total = len(items)
    return {
        "code": 0,
        "items": items[start:end],
        "page": page,
        "page_size": page_size,
        "total": total,
        "total_pages": total // page_size,
    }
