import sqlite3

ORDER_COLUMNS = {
    "name": "name",
    "email": "email",
    "created_at": "created_at",
}
DIRECTIONS = {"asc": "ASC", "desc": "DESC"}


def _escape_like(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _lookup(table, value, what):
    key = value.lower() if isinstance(value, str) else None
    try:
        return table[key]
    except KeyError:
        raise ValueError(f"unsupported {what}: {value!r}") from None


def search_users(conn, name_contains=None, sort="name", direction="asc", limit=20) -> list:
    column = _lookup(ORDER_COLUMNS, sort, "sort")
    order = _lookup(DIRECTIONS, direction, "direction")
    match limit:
        case bool():
            raise ValueError("limit must be an integer, not a bool")
        case int() if 1 <= limit <= 100:
            pass
        case _:
            raise ValueError(f"limit must be an integer from 1 to 100, got {limit!r}")

    where = ""
    params = []
    if name_contains is not None and name_contains != "":
        where = " WHERE lower(name) LIKE lower(?) ESCAPE '\\'"
        params.append(f"%{_escape_like(name_contains)}%")

    query = (
        "SELECT id, name, email FROM users"
        f"{where} ORDER BY {column} {order}, id ASC LIMIT ?"
    )
    params.append(limit)

    cursor = conn.execute(query, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]
