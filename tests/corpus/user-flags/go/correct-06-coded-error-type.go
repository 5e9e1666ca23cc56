package solution

import (
	"errors"
	"math"
)

type codedError struct {
	code int
	msg  string
}

func (e *codedError) Error() string { return e.msg }

func fail(code int, msg string) error { return &codedError{code: code, msg: msg} }

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	if err := run(request, repo); err != nil {
		var ce *codedError
		if errors.As(err, &ce) {
			return ApiResult{Code: ce.code, Message: ce.msg}
		}
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "OK"}
}

func run(request map[string]any, repo UserRepository) error {
	userID, err := validateRequest(request)
	if err != nil {
		return err
	}
	user, err := repo.Find(userID)
	if err != nil {
		return fail(50000, err.Error())
	}
	if user == nil {
		return fail(50004, "user not found")
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return fail(50000, err.Error())
	}
	return nil
}

func validateRequest(request map[string]any) (int64, error) {
	raw, ok := request["UserId"]
	if !ok || raw == nil || raw == "" {
		return 0, fail(50001, "UserId is required")
	}
	id, ok := raw.(float64)
	if !ok || id <= 0 || id != math.Trunc(id) || math.IsInf(id, 1) {
		return 0, fail(50002, "UserId must be a positive whole number")
	}
	for _, name := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		f, ok := request[name].(float64)
		if !ok || (f != 0 && f != 1) {
			return 0, fail(50003, name+" must be 0 or 1")
		}
	}
	return int64(id), nil
}
