ALLOWED_SORTS = ["name", "email", "created_at"]


def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    if sort not in ALLOWED_SORTS:
        raise ValueError("invalid sort")
    if str(direction).lower() not in ("asc", "desc"):
        raise ValueError("invalid direction")
    if type(limit) is not int or not (1 <= limit <= 100):
        raise ValueError("invalid limit")
    sql = "SELECT id, name, email FROM users"
    params = []
    if name_contains:
        sql += " WHERE name LIKE ?"
        params.append("%" + name_contains + "%")
    sql += " ORDER BY " + sort + " " + direction.upper() + ", id LIMIT ?"
    params.append(limit)
    rows = conn.execute(sql, params).fetchall()
    return [{"id": row[0], "name": row[1], "email": row[2]} for row in rows]
