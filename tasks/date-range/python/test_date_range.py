"""Hidden tests for tasks/date-range/python.yaml. The code under test is solution.py."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solution import parse_date_range

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
OK = {"from": "2024-03-01", "to": "2024-03-10"}


def code(**changes):
    params = dict(OK)
    for key, value in changes.items():
        if value is ...:
            params.pop(key)
        else:
            params[key] = value
    return parse_date_range(params).get("code")


@pytest.mark.parametrize("key", ["from", "to"])
@pytest.mark.parametrize("value", [..., None, "", "   "])
def test_missing_date_returns_42001(key, value):
    assert code(**{key: value}) == 42001


@pytest.mark.parametrize("key", ["from", "to"])
@pytest.mark.parametrize("value", ["2024-3-05", "2024-03-5", "20240305", "2024/03/05", "05-03-2024", "2024-03-05T00:00", " 2024-03-05", "yesterday", 20240305])
def test_invalid_format_returns_42002(key, value):
    assert code(**{key: value}) == 42002


@pytest.mark.parametrize("value", ["2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "0000-01-01"])
def test_impossible_date_returns_42002(value):
    assert code(**{"from": value, "to": value}) == 42002


def test_from_after_to_returns_42003():
    assert code(**{"from": "2024-03-10", "to": "2024-03-09"}) == 42003


def test_single_day_range_is_valid():
    result = parse_date_range({"from": "2024-02-29", "to": "2024-02-29"})
    assert result == {"code": 0, "from": date(2024, 2, 29), "to": date(2024, 2, 29), "days": 1}


def test_span_limit_31_days_allowed():
    result = parse_date_range({"from": "2024-01-01", "to": "2024-01-31"})
    assert result.get("code") == 0
    assert result["days"] == 31


def test_span_limit_32_days_returns_42004():
    assert code(**{"from": "2024-01-01", "to": "2024-02-01"}) == 42004
    assert code(**{"from": "2023-12-15", "to": "2024-03-01"}) == 42004


def test_valid_range_returns_dates_and_inclusive_days():
    result = parse_date_range(dict(OK))
    assert result == {"code": 0, "from": date(2024, 3, 1), "to": date(2024, 3, 10), "days": 10}


@FAST
@given(start=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), span=st.integers(0, 60))
def test_span_limit_property(start, span):
    end = start + timedelta(days=span)
    result = parse_date_range({"from": start.isoformat(), "to": end.isoformat()})
    if span + 1 > 31:
        assert result.get("code") == 42004
    else:
        assert result == {"code": 0, "from": start, "to": end, "days": span + 1}
