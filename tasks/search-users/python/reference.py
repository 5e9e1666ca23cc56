SORT_COLUMNS = {"name": "name", "email": "email", "created_at": "created_at"}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    if not isinstance(sort, str) or sort not in SORT_COLUMNS:
        raise ValueError(f"sort must be one of {sorted(SORT_COLUMNS)}")
    if not isinstance(direction, str) or direction.lower() not in DIRECTIONS:
        raise ValueError("direction must be asc or desc")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100:
        raise ValueError("limit must be an integer from 1 to 100")

    sql = "SELECT id, name, email FROM users"
    params = []
    if name_contains:
        escaped = name_contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql += " WHERE name LIKE ? ESCAPE '\\'"
        params.append(f"%{escaped}%")
    sql += f" ORDER BY {SORT_COLUMNS[sort]} {DIRECTIONS[direction.lower()]}, id ASC LIMIT ?"
    params.append(limit)
    rows = conn.execute(sql, params).fetchall()
    return [{"id": row[0], "name": row[1], "email": row[2]} for row in rows]
