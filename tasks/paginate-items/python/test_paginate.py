"""Hidden tests for tasks/paginate-items/python.yaml. The code under test is solution.py."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solution import paginate

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
ITEMS = list(range(1, 96))  # 95 items


@pytest.mark.parametrize("page", [0, -1, -50, 1.5, "2", None, True, [1]])
def test_invalid_page_returns_40001(page):
    assert paginate(ITEMS, page=page, page_size=10).get("code") == 40001


@pytest.mark.parametrize("size", [0, -1, 2.5, "10", None, False])
def test_invalid_page_size_returns_40002(size):
    assert paginate(ITEMS, page=1, page_size=size).get("code") == 40002


@pytest.mark.parametrize("size", [101, 250, 10_000])
def test_page_size_clamped_to_100(size):
    data = list(range(500))
    result = paginate(data, page=1, page_size=size)
    assert result.get("code") == 0, "a page_size above 100 must be clamped, not rejected"
    assert result["page_size"] == 100
    assert len(result["items"]) == 100  # the count only: which items is the page-slice tests' job


def test_first_page_starts_at_first_item():
    result = paginate(ITEMS, page=1, page_size=10)
    assert result["code"] == 0
    assert result["items"] == list(range(1, 11))
    assert (result["page"], result["page_size"]) == (1, 10)


def test_default_arguments_give_first_20():
    assert paginate(ITEMS)["items"] == list(range(1, 21))


def test_middle_page():
    assert paginate(ITEMS, page=3, page_size=10)["items"] == list(range(21, 31))


def test_last_partial_page():
    result = paginate(ITEMS, page=10, page_size=10)
    assert result["code"] == 0
    assert result["items"] == [91, 92, 93, 94, 95]


def test_page_past_end_is_empty_not_error():
    result = paginate(ITEMS, page=11, page_size=10)
    assert result["code"] == 0
    assert result["items"] == []


@pytest.mark.parametrize("n,size,pages", [(0, 10, 0), (1, 10, 1), (10, 10, 1), (11, 10, 2), (95, 10, 10), (95, 20, 5)])
def test_total_pages(n, size, pages):
    result = paginate(list(range(n)), page=1, page_size=size)
    assert result["total"] == n
    assert result["total_pages"] == pages


@FAST
@given(n=st.integers(0, 300), page=st.integers(1, 40), size=st.integers(1, 100))
def test_middle_page_property_slice_matches(n, page, size):
    data = list(range(n))
    result = paginate(data, page=page, page_size=size)
    used = min(size, 100)
    assert result["code"] == 0
    assert result["items"] == data[(page - 1) * used:page * used]


def test_does_not_modify_input():
    data = list(range(30))
    paginate(data, page=2, page_size=10)
    paginate(data, page=1, page_size=500)
    assert data == list(range(30))
