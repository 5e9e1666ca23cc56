"""Hidden tests for tasks/search-users/python.yaml. The code under test is solution.py."""

import sqlite3

import pytest

from solution import search_users

ROWS = [
    (1, "Ada Lovelace", "ada@example.com", "2024-01-05"),
    (2, "Grace Hopper", "grace@navy.mil", "2023-11-30"),
    (3, "Alan Turing", "alan@bletchley.uk", "2024-02-10"),
    (4, "100% Cotton", "cotton@shop.test", "2022-06-01"),
    (5, "100 Percent", "percent@shop.test", "2022-06-02"),
    (6, "under_score", "u1@x.test", "2021-01-01"),
    (7, "underXscore", "u2@x.test", "2021-01-02"),
    (8, "Miles O'Brien", "obrien@ds9.test", "2020-05-05"),
    (9, "ada twin", "ada2@example.com", "2024-01-05"),
]


@pytest.fixture
def conn():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, created_at TEXT)")
    connection.executemany("INSERT INTO users VALUES (?, ?, ?, ?)", ROWS)
    yield connection
    connection.close()


def ids(result):
    return [row["id"] for row in result]


def test_no_filter_returns_all_sorted_by_name(conn):
    result = search_users(conn)
    assert ids(result) == [row[0] for row in sorted(ROWS, key=lambda r: (r[1], r[0]))]
    assert ids(result)[:2] == [5, 4]
    assert result[2] == {"id": 1, "name": "Ada Lovelace", "email": "ada@example.com"}


def test_finds_substring_ignoring_case(conn):
    assert ids(search_users(conn, "ADA")) == [1, 9]
    assert ids(search_users(conn, "hop")) == [2]


def test_quote_in_name(conn):
    assert ids(search_users(conn, "O'Brien")) == [8]


@pytest.mark.parametrize("attack", ["' OR '1'='1", "%' OR 1=1 --", "x'; DROP TABLE users; --"])
def test_injection_in_name_is_harmless(conn, attack):
    try:
        result = search_users(conn, attack)
    except sqlite3.Error as error:  # a broken query is an injection hole too
        pytest.fail(f"search text reached the SQL: {error}")
    assert result == []
    assert conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == len(ROWS)


def test_literal_wildcards(conn):
    assert ids(search_users(conn, "100%")) == [4]
    assert ids(search_users(conn, "under_")) == [6]
    assert ids(search_users(conn, "%")) == [4]
    # the escape character itself is matched literally too
    conn.execute("INSERT INTO users VALUES (10, 'a\\b', 'ab@x.test', '2020-01-01')")
    conn.execute("INSERT INTO users VALUES (11, 'Tab Kid', 'tab@x.test', '2020-01-02')")
    assert [user["name"] for user in search_users(conn, "a\\b")] == ["a\\b"]


# not "NAME": the prompt's "(any case)" may be read as applying to sort as well as direction
@pytest.mark.parametrize("sort", ["id", "password", "name; DROP TABLE users", "", None])
def test_invalid_sort_raises(conn, sort):
    with pytest.raises(ValueError):
        search_users(conn, sort=sort)
    assert conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == len(ROWS)


@pytest.mark.parametrize("direction", ["up", "", "asc; DROP TABLE users", None])
def test_invalid_direction_raises(conn, direction):
    with pytest.raises(ValueError):
        search_users(conn, direction=direction)


def test_sort_orders(conn):
    assert ids(search_users(conn, sort="created_at", direction="DESC", limit=3)) == [3, 1, 9]
    assert ids(search_users(conn, "a", sort="email", direction="Asc", limit=2)) == [9, 1]


@pytest.mark.parametrize("limit", [0, -1, 101, 2.5, "10", True, None])
def test_invalid_limit_raises(conn, limit):
    with pytest.raises(ValueError):
        search_users(conn, limit=limit)


def test_limit_applied(conn):
    assert len(search_users(conn, limit=1)) == 1
    assert len(search_users(conn, limit=100)) == len(ROWS)
