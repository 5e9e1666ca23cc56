"""Hidden tests for tasks/normalize-username/python.yaml. The code under test is solution.py."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solution import normalize_username

FAST = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
ALLOWED = set("abcdefghijklmnopqrstuvwxyz0123456789_")


@pytest.mark.parametrize("raw", [None, 42, b"alice", ["alice"], 3.5])
def test_not_a_string_returns_43001(raw):
    assert normalize_username(raw).get("code") == 43001


@pytest.mark.parametrize("raw,expected", [("Alice", "alice"), ("  bob_99  ", "bob_99"), ("\tCAROL\n", "carol"), ("x_Y_z", "x_y_z")])
def test_normalizes_whitespace_and_case(raw, expected):
    assert normalize_username(raw) == {"code": 0, "username": expected}


@pytest.mark.parametrize("raw", ["ab c", "alice!", "bob-smith", "a.b.c", "dave@x", "eve\nmallory", "<script>", "abc$"])
def test_rejects_characters_outside_allowed_set(raw):
    assert normalize_username(raw).get("code") == 43002


@pytest.mark.parametrize("raw", ["josé", "ünal", "ｂｏｂｂｙ", "名前名前", "abc٣"])
def test_rejects_non_ascii_letters_and_digits(raw):
    assert normalize_username(raw).get("code") == 43002


@pytest.mark.parametrize("raw,ok", [("ab", False), ("abc", True), ("a" * 20, True), ("a" * 21, False), ("   ", False), ("", False), ("  ab  ", False)])
def test_length_bounds(raw, ok):
    assert normalize_username(raw).get("code") == (0 if ok else 43002)


@pytest.mark.parametrize("raw", ["admin", "ADMIN", " Root ", "System", "support"])
def test_reserved_names_return_43003(raw):
    assert normalize_username(raw).get("code") == 43003


@FAST
@given(st.text(max_size=25))
def test_rejects_characters_property_only_clean_names_accepted(raw):
    result = normalize_username(raw)
    name = raw.strip().lower()
    if result.get("code") == 0:
        assert result["username"] == name
        assert 3 <= len(name) <= 20 and set(name) <= ALLOWED
    else:
        assert result.get("code") in (43002, 43003)
