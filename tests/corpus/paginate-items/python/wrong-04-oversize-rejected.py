# mistake: treats a page_size above 100 as an error (40002) instead of clamping it to 100.
def paginate(items: list, page=1, page_size=20) -> dict:
    if isinstance(page, bool) or not isinstance(page, int) or page < 1:
        return {"code": 40001, "message": "page must be an integer >= 1"}
    if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= 100:
        return {"code": 40002, "message": "page_size must be an integer between 1 and 100"}

    total = len(items)
    total_pages = (total + page_size - 1) // page_size
    start = (page - 1) * page_size
    return {
        "code": 0,
        "items": items[start : start + page_size],
        "page": page,
        "page_size": page_size,
        "total": total,
        "total_pages": total_pages,
    }
