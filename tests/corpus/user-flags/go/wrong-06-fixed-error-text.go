// mistake: when Find or Save fails it returns 50000 with a fixed "internal error" message instead of the error's text.
package solution

import "math"

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	userID, res, ok := parseUserID(request)
	if !ok {
		return res
	}
	if !flagOK(request["ActiveFlag"]) || !flagOK(request["SystemDeleteFlag"]) {
		return ApiResult{Code: 50003, Message: "ActiveFlag and SystemDeleteFlag must be 0 or 1"}
	}

	user, err := repo.Find(userID)
	if err != nil {
		return ApiResult{Code: 50000, Message: "internal error"}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "user not found"}
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: "internal error"}
	}
	return ApiResult{Code: 0, Message: "OK"}
}

func parseUserID(request map[string]any) (int64, ApiResult, bool) {
	raw, exists := request["UserId"]
	if !exists || raw == nil || raw == "" {
		return 0, ApiResult{Code: 50001, Message: "UserId is required"}, false
	}
	f, isNum := raw.(float64)
	if !isNum || f <= 0 || f != math.Trunc(f) {
		return 0, ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}, false
	}
	return int64(f), ApiResult{}, true
}

func flagOK(v any) bool {
	f, ok := v.(float64)
	return ok && (f == 0 || f == 1)
}
