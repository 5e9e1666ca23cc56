package solution

import "math"

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	userID, res, ok := parseUserID(request)
	if !ok {
		return res
	}
	active, ok := flagValue(request, "ActiveFlag")
	if !ok {
		return ApiResult{Code: 50003, Message: "ActiveFlag must be 0 or 1"}
	}
	deleted, ok := flagValue(request, "SystemDeleteFlag")
	if !ok {
		return ApiResult{Code: 50003, Message: "SystemDeleteFlag must be 0 or 1"}
	}

	user, err := repo.Find(userID)
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "user not found"}
	}
	user["ActiveFlag"] = active
	user["SystemDeleteFlag"] = deleted
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "OK"}
}

func parseUserID(request map[string]any) (int64, ApiResult, bool) {
	raw, exists := request["UserId"]
	if !exists || raw == nil {
		return 0, ApiResult{Code: 50001, Message: "UserId is required"}, false
	}
	if s, isStr := raw.(string); isStr && s == "" {
		return 0, ApiResult{Code: 50001, Message: "UserId is required"}, false
	}
	f, isNum := raw.(float64)
	if !isNum || f <= 0 || f != math.Trunc(f) || f >= math.MaxInt64 {
		return 0, ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}, false
	}
	return int64(f), ApiResult{}, true
}

func flagValue(request map[string]any, key string) (any, bool) {
	v, exists := request[key]
	if !exists {
		return nil, false
	}
	f, isNum := v.(float64)
	if !isNum || (f != 0 && f != 1) {
		return nil, false
	}
	return v, true
}
