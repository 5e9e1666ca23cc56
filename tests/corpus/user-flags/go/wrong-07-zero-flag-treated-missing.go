// mistake: a flag value of 0 is treated as empty by the isEmpty helper, so a valid 0 flag is rejected with 50003.
package solution

import "math"

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case float64:
		return x == 0
	}
	return false
}

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	rawID, present := request["UserId"]
	if !present || rawID == nil || rawID == "" {
		return ApiResult{Code: 50001, Message: "UserId is required"}
	}
	id, ok := rawID.(float64)
	if !ok || id <= 0 || id != math.Trunc(id) {
		return ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}
	}
	for _, name := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		v := request[name]
		if isEmpty(v) {
			return ApiResult{Code: 50003, Message: name + " is required"}
		}
		if f, ok := v.(float64); !ok || (f != 0 && f != 1) {
			return ApiResult{Code: 50003, Message: name + " must be 0 or 1"}
		}
	}

	user, err := repo.Find(int64(id))
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
