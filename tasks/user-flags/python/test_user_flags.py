"""Hidden tests for tasks/user-flags/python.yaml. The code under test is solution.py."""

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solution import update_user_flags

VALID = {"UserId": 7, "ActiveFlag": 1, "SystemDeleteFlag": 0}
FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


class Repo:
    """An in-memory repository that records every call."""

    def __init__(self, users=None, save_error=None, find_error=None):
        self.users = copy.deepcopy(users if users is not None else {7: {"UserId": 7, "ActiveFlag": 0, "SystemDeleteFlag": 1}})
        self.save_error = save_error
        self.find_error = find_error
        self.calls = []

    def find(self, user_id):
        self.calls.append(("find", user_id))
        if self.find_error:
            raise self.find_error
        user = self.users.get(user_id)
        return dict(user) if user is not None else None

    def save(self, user):
        self.calls.append(("save", dict(user)))
        if self.save_error:
            raise self.save_error
        self.users[user["UserId"]] = dict(user)


def request(**changes):
    data = dict(VALID)
    for key, value in changes.items():
        if value is ...:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def code_of(result):
    assert isinstance(result, dict), f"expected a dict, got {type(result).__name__}"
    return result.get("code")


@pytest.mark.parametrize("user_id", [..., None, ""])
def test_missing_user_id_returns_50001(user_id):
    repo = Repo()
    assert code_of(update_user_flags(request(UserId=user_id), repo)) == 50001


invalid_ids = st.one_of(
    st.integers(max_value=0),
    st.text(alphabet="abcxyz -_!", min_size=1, max_size=8),
    st.floats(allow_nan=True).filter(lambda f: f != int(f) if f == f and abs(f) != float("inf") else True),
    st.lists(st.integers(), max_size=2),
)


@FAST
@given(invalid_ids)
def test_invalid_user_id_returns_50002(user_id):
    repo = Repo()
    assert code_of(update_user_flags(request(UserId=user_id), repo)) == 50002


@pytest.mark.parametrize("user_id", [True, False])
def test_invalid_user_id_bool_returns_50002(user_id):
    # a bool is an int in Python, but True is not the user id 1
    assert code_of(update_user_flags(request(UserId=user_id), Repo())) == 50002


invalid_flags = st.one_of(
    st.just(...),
    st.none(),
    st.integers().filter(lambda n: n not in (0, 1)),
    st.text(alphabet="abyesno", max_size=4),
    st.floats(min_value=0.01, max_value=0.99),
)


@FAST
@given(flag=st.sampled_from(["ActiveFlag", "SystemDeleteFlag"]), value=invalid_flags)
def test_invalid_flag_returns_50003(flag, value):
    repo = Repo()
    assert code_of(update_user_flags(request(**{flag: value}), repo)) == 50003


@pytest.mark.parametrize("flag", ["ActiveFlag", "SystemDeleteFlag"])
def test_missing_flag_returns_50003(flag):
    assert code_of(update_user_flags(request(**{flag: ...}), Repo())) == 50003


@pytest.mark.parametrize(
    "bad",
    [request(UserId=...), request(UserId=-3), request(ActiveFlag=5), request(SystemDeleteFlag=...)],
)
def test_validation_before_repository_call(bad):
    repo = Repo()
    update_user_flags(bad, repo)
    assert repo.calls == [], "the repository was called before the parameters were validated"


def test_validation_order_user_id_before_flags():
    assert code_of(update_user_flags({"ActiveFlag": 9}, Repo())) == 50001
    assert code_of(update_user_flags({"UserId": -1, "ActiveFlag": 9}, Repo())) == 50002


def test_unknown_user_returns_50004():
    repo = Repo(users={})
    assert code_of(update_user_flags(request(), repo)) == 50004
    assert not any(call[0] == "save" for call in repo.calls)


def test_save_failure_returns_50000_with_message():
    repo = Repo(save_error=RuntimeError("disk full"))
    result = update_user_flags(request(), repo)
    assert code_of(result) == 50000
    assert "disk full" in str(result.get("message"))


def test_find_failure_returns_50000_with_message():
    repo = Repo(find_error=ConnectionError("database offline"))
    result = update_user_flags(request(), repo)
    assert code_of(result) == 50000
    assert "database offline" in str(result.get("message"))


@pytest.mark.parametrize("active,deleted", [(0, 0), (0, 1), (1, 0), (1, 1)])
def test_success_saves_both_flags_and_returns_0(active, deleted):
    repo = Repo()
    result = update_user_flags(request(ActiveFlag=active, SystemDeleteFlag=deleted), repo)
    assert code_of(result) == 0
    assert isinstance(result.get("message"), str)
    saved = repo.users[7]
    assert saved["ActiveFlag"] == active and saved["SystemDeleteFlag"] == deleted
