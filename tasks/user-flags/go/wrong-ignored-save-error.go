package solution

import "math"

// Validates correctly but ignores the error from Save and reports success.
func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	raw, ok := request["UserId"]
	if !ok || raw == nil || raw == "" {
		return ApiResult{Code: 50001, Message: "UserId is required"}
	}
	id, isNum := raw.(float64)
	if !isNum || id <= 0 || id != math.Floor(id) {
		return ApiResult{Code: 50002, Message: "UserId must be a positive integer"}
	}
	for _, name := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		v, isNum := request[name].(float64)
		if !isNum || (v != 0 && v != 1) {
			return ApiResult{Code: 50003, Message: name + " must be 0 or 1"}
		}
	}
	user, err := repo.Find(int64(id))
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "User not found"}
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	repo.Save(user)
	return ApiResult{Code: 0, Message: "OK"}
}
