"""Hidden tests for tasks/display-name/python.yaml. The code under test is solution.py."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solution import display_name

FAST = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


def test_none_user_is_unknown():
    assert display_name(None) == "Unknown user"


def test_nickname_first():
    assert display_name({"nickname": "  Ace ", "first_name": "Ada", "last_name": "Lovelace"}) == "Ace"


@pytest.mark.parametrize("nickname", [None, "", "   ", "\t"])
def test_blank_nickname_falls_through(nickname):
    assert display_name({"nickname": nickname, "first_name": "Ada", "last_name": "Lovelace"}) == "Ada Lovelace"


def test_full_name_is_stripped_and_joined():
    assert display_name({"first_name": " Ada ", "last_name": " Lovelace"}) == "Ada Lovelace"


@pytest.mark.parametrize(
    "user,expected",
    [
        ({"first_name": "Ada"}, "Ada"),
        ({"first_name": "Ada", "last_name": None}, "Ada"),
        ({"first_name": None, "last_name": "Lovelace"}, "Lovelace"),
        ({"first_name": "  ", "last_name": "Lovelace"}, "Lovelace"),
        ({"first_name": 42, "last_name": "Lovelace"}, "Lovelace"),
    ],
)
def test_missing_parts_skipped(user, expected):
    assert display_name(user) == expected


@pytest.mark.parametrize("email,expected", [("ada@example.com", "ada"), (" grace@navy.mil ", "grace")])
def test_email_fallback(email, expected):
    assert display_name({"first_name": None, "last_name": "", "email": email}) == expected


@pytest.mark.parametrize("email", ["@example.com", "no-at-sign", "   ", None])
def test_id_fallback_when_email_unusable(email):
    assert display_name({"email": email, "id": 31}) == "User #31"


def test_id_fallback_with_zero_id():
    assert display_name({"id": 0}) == "User #0"


@pytest.mark.parametrize("user", [{}, {"id": None}, {"nickname": " ", "email": "@x"}])
def test_unknown_fallback(user):
    assert display_name(user) == "Unknown user"


def test_no_none_in_output():
    user = {"nickname": None, "first_name": "Ada", "last_name": None, "email": None, "id": 5}
    assert "None" not in display_name(user)


odd = st.one_of(st.none(), st.text(max_size=6), st.integers(), st.just("  "), st.just("a@b"))


@FAST
@given(
    st.fixed_dictionaries(
        {},
        optional={**{k: odd for k in ("nickname", "first_name", "last_name", "email")}, "id": st.one_of(st.none(), st.integers(0, 999))},
    )
)
def test_never_raises_and_returns_text(user):
    name = display_name(user)
    assert isinstance(name, str), f"expected a str, got {type(name).__name__}"
    assert name.strip() == name and name, f"expected a non-empty stripped str, got {name!r}"
