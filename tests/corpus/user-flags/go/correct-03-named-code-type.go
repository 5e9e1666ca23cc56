package solution

import "math"

type resultCode int

const (
	codeOK           resultCode = 0
	codeInternal     resultCode = 50000
	codeUserIDEmpty  resultCode = 50001
	codeUserIDBad    resultCode = 50002
	codeFlagBad      resultCode = 50003
	codeUserNotFound resultCode = 50004
)

func result(code resultCode, msg string) ApiResult {
	return ApiResult{Code: int(code), Message: msg}
}

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	id, present := request["UserId"]
	if !present || id == nil {
		return result(codeUserIDEmpty, "UserId is required")
	}
	if str, ok := id.(string); ok && str == "" {
		return result(codeUserIDEmpty, "UserId is required")
	}

	num, ok := id.(float64)
	if !ok {
		return result(codeUserIDBad, "UserId must be a number")
	}
	if num <= 0 || num != math.Floor(num) || num >= math.MaxInt64 {
		return result(codeUserIDBad, "UserId must be a positive whole number")
	}

	for _, key := range [...]string{"ActiveFlag", "SystemDeleteFlag"} {
		if v, ok := request[key].(float64); !ok || (v != 0 && v != 1) {
			return result(codeFlagBad, key+" must be 0 or 1")
		}
	}

	user, err := repo.Find(int64(num))
	if err != nil {
		return result(codeInternal, err.Error())
	}
	if user == nil {
		return result(codeUserNotFound, "user does not exist")
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return result(codeInternal, err.Error())
	}
	return result(codeOK, "ok")
}
