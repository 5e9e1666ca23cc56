import numbers


def paginate(items: list, page=1, page_size=20) -> dict:
    def is_int(v):
        return isinstance(v, numbers.Integral) and not isinstance(v, bool)

    if not is_int(page) or page < 1:
        return {"code": 40001, "message": f"page must be an integer >= 1, got {page!r}"}
    if not is_int(page_size) or page_size < 1:
        return {"code": 40002, "message": f"page_size must be an integer >= 1, got {page_size!r}"}

    page = int(page)
    size = int(min(page_size, 100))
    n = len(items)
    p = -(-n // size)
    lo = (page - 1) * size
    hi = lo + size

    return dict(
        code=0,
        items=items[lo:hi],
        page=page,
        page_size=size,
        total=n,
        total_pages=p,
    )
