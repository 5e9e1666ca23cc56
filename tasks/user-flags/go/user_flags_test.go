// Hidden tests for tasks/user-flags/go.yaml. The code under test is solution.go.
package solution

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

type missingValue struct{}

var missing = missingValue{}

type fakeRepo struct {
	users     map[int64]map[string]any
	calls     []string
	saveError error
	findError error
}

func newRepo(ids ...int64) *fakeRepo {
	repo := &fakeRepo{users: map[int64]map[string]any{}}
	for _, id := range ids {
		repo.users[id] = map[string]any{"UserId": float64(id), "ActiveFlag": float64(0), "SystemDeleteFlag": float64(1)}
	}
	return repo
}

func (r *fakeRepo) Find(userID int64) (map[string]any, error) {
	r.calls = append(r.calls, fmt.Sprintf("find %d", userID))
	if r.findError != nil {
		return nil, r.findError
	}
	user, ok := r.users[userID]
	if !ok {
		return nil, nil
	}
	copied := map[string]any{}
	for k, v := range user {
		copied[k] = v
	}
	return copied, nil
}

func (r *fakeRepo) Save(user map[string]any) error {
	r.calls = append(r.calls, "save")
	if r.saveError != nil {
		return r.saveError
	}
	id, _ := user["UserId"].(float64)
	r.users[int64(id)] = user
	return nil
}

// request returns a valid JSON-decoded body (numbers are float64) with changes applied.
func request(changes ...any) map[string]any {
	data := map[string]any{"UserId": float64(7), "ActiveFlag": float64(1), "SystemDeleteFlag": float64(0)}
	for i := 0; i < len(changes); i += 2 {
		key := changes[i].(string)
		if changes[i+1] == missing {
			delete(data, key)
		} else {
			data[key] = changes[i+1]
		}
	}
	return data
}

func asNumber(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func TestMissingUserIdReturns50001(t *testing.T) {
	for _, value := range []any{missing, nil, ""} {
		if got := UpdateUserFlags(request("UserId", value), newRepo(7)).Code; got != 50001 {
			t.Errorf("UserId=%#v: got code %d, want 50001", value, got)
		}
	}
}

func TestInvalidUserIdReturns50002(t *testing.T) {
	for _, value := range []any{float64(0), float64(-1), 1.5, "abc", "7", true, []any{}} {
		if got := UpdateUserFlags(request("UserId", value), newRepo(7)).Code; got != 50002 {
			t.Errorf("UserId=%#v: got code %d, want 50002", value, got)
		}
	}
}

func TestInvalidFlagReturns50003(t *testing.T) {
	for _, flag := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		for _, value := range []any{float64(2), float64(-1), 0.5, "1", "yes", true, nil} {
			if got := UpdateUserFlags(request(flag, value), newRepo(7)).Code; got != 50003 {
				t.Errorf("%s=%#v: got code %d, want 50003", flag, value, got)
			}
		}
	}
}

func TestMissingFlagReturns50003(t *testing.T) {
	for _, flag := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		if got := UpdateUserFlags(request(flag, missing), newRepo(7)).Code; got != 50003 {
			t.Errorf("%s missing: got code %d, want 50003", flag, got)
		}
	}
}

func TestValidationBeforeRepositoryCall(t *testing.T) {
	bad := []map[string]any{request("UserId", missing), request("UserId", float64(-3)), request("ActiveFlag", float64(5)), request("SystemDeleteFlag", missing)}
	for i, req := range bad {
		repo := newRepo(7)
		UpdateUserFlags(req, repo)
		if len(repo.calls) != 0 {
			t.Errorf("case %d: the repository was called before the parameters were validated: %v", i, repo.calls)
		}
	}
}

func TestValidationOrderUserIdBeforeFlags(t *testing.T) {
	if got := UpdateUserFlags(map[string]any{"ActiveFlag": float64(9)}, newRepo()).Code; got != 50001 {
		t.Errorf("got code %d, want 50001", got)
	}
	if got := UpdateUserFlags(map[string]any{"UserId": float64(-1), "ActiveFlag": float64(9)}, newRepo()).Code; got != 50002 {
		t.Errorf("got code %d, want 50002", got)
	}
}

func TestUnknownUserReturns50004(t *testing.T) {
	repo := newRepo()
	if got := UpdateUserFlags(request(), repo).Code; got != 50004 {
		t.Errorf("got code %d, want 50004", got)
	}
	for _, call := range repo.calls {
		if call == "save" {
			t.Errorf("save was called for an unknown user")
		}
	}
}

func TestSaveFailureReturns50000WithMessage(t *testing.T) {
	repo := newRepo(7)
	repo.saveError = errors.New("disk full")
	result := UpdateUserFlags(request(), repo)
	if result.Code != 50000 || !strings.Contains(result.Message, "disk full") {
		t.Errorf("got %+v, want code 50000 with the error's text", result)
	}
}

func TestFindFailureReturns50000WithMessage(t *testing.T) {
	repo := newRepo(7)
	repo.findError = errors.New("database offline")
	result := UpdateUserFlags(request(), repo)
	if result.Code != 50000 || !strings.Contains(result.Message, "database offline") {
		t.Errorf("got %+v, want code 50000 with the error's text", result)
	}
}

func TestSuccessSavesBothFlagsAndReturns0(t *testing.T) {
	for _, c := range [][2]float64{{0, 0}, {0, 1}, {1, 0}, {1, 1}} {
		repo := newRepo(7)
		result := UpdateUserFlags(request("ActiveFlag", c[0], "SystemDeleteFlag", c[1]), repo)
		if result.Code != 0 {
			t.Errorf("flags %v: got code %d, want 0", c, result.Code)
			continue
		}
		saved := repo.users[7]
		active, ok1 := asNumber(saved["ActiveFlag"])
		deleted, ok2 := asNumber(saved["SystemDeleteFlag"])
		if !ok1 || !ok2 || active != c[0] || deleted != c[1] {
			t.Errorf("flags %v: saved %v", c, saved)
		}
	}
}
