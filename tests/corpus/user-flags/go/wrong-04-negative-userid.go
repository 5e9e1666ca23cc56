// mistake: the UserId check only rejects zero, so a negative whole number such as -3 is accepted.
package solution

import "math"

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	switch v := request["UserId"].(type) {
	case nil:
		return ApiResult{Code: 50001, Message: "UserId is required"}
	case string:
		if v == "" {
			return ApiResult{Code: 50001, Message: "UserId is required"}
		}
		return ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}
	case float64:
		if v == 0 || v != math.Trunc(v) {
			return ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}
		}
	default:
		return ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}
	}

	if !validFlag(request["ActiveFlag"]) || !validFlag(request["SystemDeleteFlag"]) {
		return ApiResult{Code: 50003, Message: "flags must be 0 or 1"}
	}

	user, err := repo.Find(int64(request["UserId"].(float64)))
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "user not found"}
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "OK"}
}

func validFlag(v any) bool {
	switch f := v.(type) {
	case float64:
		return f == 0 || f == 1
	default:
		return false
	}
}
