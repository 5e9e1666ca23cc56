package solution

import "math"

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	rawID, ok := request["UserId"]
	if !ok || rawID == nil || rawID == "" {
		return ApiResult{Code: 50001, Message: "UserId is required"}
	}
	userID, ok := positiveInteger(rawID)
	if !ok {
		return ApiResult{Code: 50002, Message: "UserId must be a positive integer"}
	}
	flags := map[string]int{}
	for _, name := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		value, ok := zeroOrOne(request[name])
		if !ok {
			return ApiResult{Code: 50003, Message: name + " must be 0 or 1"}
		}
		flags[name] = value
	}

	user, err := repo.Find(userID)
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "User not found"}
	}
	user["ActiveFlag"] = flags["ActiveFlag"]
	user["SystemDeleteFlag"] = flags["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "OK"}
}

func positiveInteger(value any) (int64, bool) {
	switch v := value.(type) {
	case int:
		return int64(v), v > 0
	case int64:
		return v, v > 0
	case float64:
		if v > 0 && v == math.Trunc(v) && v <= 1<<53 {
			return int64(v), true
		}
	}
	return 0, false
}

func zeroOrOne(value any) (int, bool) {
	switch v := value.(type) {
	case int:
		return v, v == 0 || v == 1
	case int64:
		return int(v), v == 0 || v == 1
	case float64:
		return int(v), v == 0 || v == 1
	}
	return 0, false
}
