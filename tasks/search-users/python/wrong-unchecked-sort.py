def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1 or limit > 100:
        raise ValueError("limit must be between 1 and 100")
    params = []
    where = ""
    if name_contains:
        pattern = name_contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where = " WHERE name LIKE ? ESCAPE '\\'"
        params.append("%" + pattern + "%")
    sql = f"SELECT id, name, email FROM users{where} ORDER BY {sort} {direction}, id LIMIT ?"
    params.append(limit)
    return [dict(zip(("id", "name", "email"), row)) for row in conn.execute(sql, params)]
