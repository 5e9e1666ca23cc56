package solution

import (
	"errors"
	"math"
)

var (
	errUserIDMissing = errors.New("UserId is required")
	errUserIDInvalid = errors.New("UserId must be a positive whole number")
	errFlagInvalid   = errors.New("ActiveFlag and SystemDeleteFlag must be 0 or 1")
	errUserNotFound  = errors.New("user not found")
)

var codeFor = map[error]int{
	errUserIDMissing: 50001,
	errUserIDInvalid: 50002,
	errFlagInvalid:   50003,
	errUserNotFound:  50004,
}

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	if err := validate(request); err != nil {
		return ApiResult{Code: codeFor[err], Message: err.Error()}
	}
	userID := int64(request["UserId"].(float64))

	user, err := repo.Find(userID)
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: codeFor[errUserNotFound], Message: errUserNotFound.Error()}
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "OK"}
}

func validate(request map[string]any) error {
	v, ok := request["UserId"]
	if !ok || v == nil {
		return errUserIDMissing
	}
	if s, isStr := v.(string); isStr && s == "" {
		return errUserIDMissing
	}
	id, isNum := v.(float64)
	if !isNum || id <= 0 || id != math.Trunc(id) || id >= math.MaxInt64 {
		return errUserIDInvalid
	}
	if !isZeroOrOne(request["ActiveFlag"]) || !isZeroOrOne(request["SystemDeleteFlag"]) {
		return errFlagInvalid
	}
	return nil
}

func isZeroOrOne(v any) bool {
	f, ok := v.(float64)
	return ok && (f == 0 || f == 1)
}
