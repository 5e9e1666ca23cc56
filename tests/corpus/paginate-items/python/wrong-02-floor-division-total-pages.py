# mistake: computes total_pages with floor division, so a partial last page is not counted.
def paginate(items: list, page=1, page_size=20) -> dict:
    if isinstance(page, bool) or not isinstance(page, int) or page < 1:
        return {"code": 40001, "message": "page must be an integer >= 1"}
    if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
        return {"code": 40002, "message": "page_size must be an integer >= 1"}

    size = min(page_size, 100)
    total = len(items)
    total_pages = total // size
    start = (page - 1) * size
    return {
        "code": 0,
        "items": items[start : start + size],
        "page": page,
        "page_size": size,
        "total": total,
        "total_pages": total_pages,
    }
