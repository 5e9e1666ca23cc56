# A stranger's almost-right solution (written blind from the prompt), one planted bug:
# Line 16 escapes '%' and '_' but not the escape character backslash itself, so a backslash in name_contains is treated as an escape and not matched literally.
_SORT_COLUMNS = {"name": "name", "email": "email", "created_at": "created_at"}
_DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    if not isinstance(sort, str) or sort not in _SORT_COLUMNS:
        raise ValueError(f"invalid sort: {sort!r}")
    if not isinstance(direction, str) or direction.lower() not in _DIRECTIONS:
        raise ValueError(f"invalid direction: {direction!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100:
        raise ValueError(f"invalid limit: {limit!r}")

    sql = "SELECT id, name, email FROM users"
    params = []
    if name_contains is not None and name_contains != "":
        pattern = name_contains.replace("%", "\\%").replace("_", "\\_")
        sql += " WHERE name LIKE ? ESCAPE '\\'"
        params.append(f"%{pattern}%")

    column = _SORT_COLUMNS[sort]
    order = _DIRECTIONS[direction.lower()]
    sql += f" ORDER BY {column} {order}, id ASC LIMIT ?"
    params.append(limit)

    rows = conn.execute(sql, params).fetchall()
    return [{"id": row[0], "name": row[1], "email": row[2]} for row in rows]
