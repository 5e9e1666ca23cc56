import sqlite3

_SORT_COLUMNS = {"name": "name", "email": "email", "created_at": "created_at"}
_DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    if not isinstance(sort, str) or sort.lower() not in _SORT_COLUMNS:
        raise ValueError(f"invalid sort: {sort!r}")
    if not isinstance(direction, str) or direction.lower() not in _DIRECTIONS:
        raise ValueError(f"invalid direction: {direction!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100:
        raise ValueError(f"invalid limit: {limit!r}")

    column = _SORT_COLUMNS[sort.lower()]
    order = _DIRECTIONS[direction.lower()]

    sql = "SELECT id, name, email FROM users"
    params = []
    if name_contains:
        sql += " WHERE lower(name) LIKE lower(?)"
        params.append(f"%{name_contains}%")
    sql += f" ORDER BY {column} {order}, id ASC LIMIT ?"
    params.append(limit)

    rows = conn.execute(sql, params).fetchall()
    return [{"id": r[0], "name": r[1], "email": r[2]} for r in rows]
