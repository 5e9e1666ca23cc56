import sqlite3

_SORT_COLUMNS = ("name", "email", "created_at")


def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    if not isinstance(sort, str) or sort.lower() not in _SORT_COLUMNS:
        raise ValueError(f"invalid sort column: {sort!r}")
    if not isinstance(direction, str) or direction.lower() not in ("asc", "desc"):
        raise ValueError(f"invalid sort direction: {direction!r}")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ValueError("limit must be an integer")
    if limit < 1 or limit > 100:
        raise ValueError("limit must be between 1 and 100")

    column = _SORT_COLUMNS[_SORT_COLUMNS.index(sort.lower())]
    order = "DESC" if direction.lower() == "desc" else "ASC"

    sql = "SELECT id, name, email FROM users"
    params = []
    if name_contains:
        sql += " WHERE instr(lower(name), lower(?)) > 0"
        params.append(name_contains)
    sql += f" ORDER BY {column} {order}, id ASC LIMIT ?"
    params.append(limit)

    rows = conn.execute(sql, params).fetchall()
    return [{"id": row[0], "name": row[1], "email": row[2]} for row in rows]
