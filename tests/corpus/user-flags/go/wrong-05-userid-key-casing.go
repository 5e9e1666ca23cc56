// mistake: the user id is read from the key "UserID" instead of "UserId".
package solution

import "math"

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	rawID, ok := request["UserID"]
	if !ok || rawID == nil || rawID == "" {
		return ApiResult{Code: 50001, Message: "UserId is required"}
	}
	id, ok := rawID.(float64)
	if !ok || id <= 0 || id != math.Trunc(id) {
		return ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}
	}
	if !isFlag(request, "ActiveFlag") || !isFlag(request, "SystemDeleteFlag") {
		return ApiResult{Code: 50003, Message: "ActiveFlag and SystemDeleteFlag must be 0 or 1"}
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

func isFlag(request map[string]any, key string) bool {
	f, ok := request[key].(float64)
	return ok && (f == 0 || f == 1)
}
