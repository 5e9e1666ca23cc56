import sqlite3

_SORT_COLUMNS = {"name": "name", "email": "email", "created_at": "created_at"}
_DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


def _escape_like(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    if not isinstance(sort, str) or sort.lower() not in _SORT_COLUMNS:
        raise ValueError(f"invalid sort: {sort!r}")
    if not isinstance(direction, str) or direction.lower() not in _DIRECTIONS:
        raise ValueError(f"invalid direction: {direction!r}")
    if not isinstance(limit, int) or limit < 1 or limit > 100:
        raise ValueError(f"invalid limit: {limit!r}")

    column = _SORT_COLUMNS[sort.lower()]
    order = _DIRECTIONS[direction.lower()]

    where = ""
    params = []
    if name_contains:
        where = " WHERE lower(name) LIKE lower(?) ESCAPE '\\'"
        params.append("%" + _escape_like(name_contains) + "%")

    sql = f"SELECT id, name, email FROM users{where} ORDER BY {column} {order}, id ASC LIMIT ?"
    params.append(limit)

    cur = conn.execute(sql, params)
    return [{"id": row[0], "name": row[1], "email": row[2]} for row in cur.fetchall()]
