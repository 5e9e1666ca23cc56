package solution

import "math"

type fieldCheck struct {
	field string
	code  int
	msg   string
	ok    func(v any, present bool) bool
}

func isBinaryNumber(v any, present bool) bool {
	f, isNum := v.(float64)
	return present && isNum && (f == 0 || f == 1)
}

var checks = []fieldCheck{
	{"UserId", 50001, "UserId is required", func(v any, present bool) bool {
		return present && v != nil && v != ""
	}},
	{"UserId", 50002, "UserId must be a positive whole number", func(v any, _ bool) bool {
		f, isNum := v.(float64)
		return isNum && f > 0 && f == math.Trunc(f) && f < math.MaxInt64
	}},
	{"ActiveFlag", 50003, "ActiveFlag must be 0 or 1", isBinaryNumber},
	{"SystemDeleteFlag", 50003, "SystemDeleteFlag must be 0 or 1", isBinaryNumber},
}

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	for _, c := range checks {
		v, present := request[c.field]
		if !c.ok(v, present) {
			return ApiResult{Code: c.code, Message: c.msg}
		}
	}

	user, err := repo.Find(int64(request["UserId"].(float64)))
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "user not found"}
	}
	for _, key := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		user[key] = request[key]
	}
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "OK"}
}
