# Written by the embedded model (Qwen2.5-Coder 0.5B, greedy): the slice end drops the page's
# last item, and total/total_pages describe the page instead of the whole list.
def paginate(items: list, page=1, page_size=20) -> dict:
    if not isinstance(page, int) or page < 1:
        return {"code": 40001, "message": "Page must be an integer greater than or equal to 1."}
    if not isinstance(page_size, int) or page_size < 1:
        return {"code": 40002, "message": "Page size must be an integer greater than or equal to 1."}
    if page_size > 100:
        page_size = 100

    start_index = (page - 1) * page_size
    end_index = start_index + page_size - 1
    items = items[start_index:end_index]

    total_items = len(items)
    total_pages = total_items // page_size

    if total_items == 0:
        return {"code": 0, "items": [], "page": page, "page_size": page_size, "total": 0, "total_pages": 0}

    return {"code": 0, "items": items, "page": page, "page_size": page_size, "total": total_items, "total_pages": total_pages}
