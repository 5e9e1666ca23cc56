def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    if sort not in ("name", "email", "created_at"):
        raise ValueError("Invalid sort column")
    if direction.lower() not in ("asc", "desc"):
        raise ValueError("Invalid sort direction")
    if not isinstance(limit, int) or limit < 1 or limit > 100:
        raise ValueError("Invalid limit")
    query = "SELECT id, name, email FROM users"
    if name_contains:
        query += f" WHERE name LIKE '%{name_contains}%'"
    query += f" ORDER BY {sort} {direction.upper()}, id LIMIT {limit}"
    cursor = conn.cursor()
    cursor.execute(query)
    return [{"id": r[0], "name": r[1], "email": r[2]} for r in cursor.fetchall()]
