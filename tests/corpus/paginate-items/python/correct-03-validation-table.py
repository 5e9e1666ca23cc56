def _valid_int(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def paginate(items: list, page=1, page_size=20) -> dict:
    checks = (
        (page, 40001, "page must be a positive integer"),
        (page_size, 40002, "page_size must be a positive integer"),
    )
    for value, code, message in checks:
        if not _valid_int(value):
            return {"code": code, "message": message}

    size = min(page_size, 100)
    total = len(items)
    full_pages, remainder = divmod(total, size)
    total_pages = full_pages + (1 if remainder else 0)

    if page > total_pages:
        page_items = []
    else:
        start = (page - 1) * size
        end = min(start + size, total)
        page_items = [items[i] for i in range(start, end)]

    return {
        "code": 0,
        "items": page_items,
        "page": page,
        "page_size": size,
        "total": total,
        "total_pages": total_pages,
    }
