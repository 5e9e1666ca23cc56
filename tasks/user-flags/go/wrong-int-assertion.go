package solution

// Asserts UserId and the flags to int, but JSON numbers decode as float64: every valid request
// is rejected with 50002.
func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	if request["UserId"] == nil || request["UserId"] == "" {
		return ApiResult{Code: 50001, Message: "UserId is required"}
	}
	userID, ok := request["UserId"].(int)
	if !ok || userID <= 0 {
		return ApiResult{Code: 50002, Message: "UserId must be a positive integer"}
	}
	active, ok1 := request["ActiveFlag"].(int)
	deleted, ok2 := request["SystemDeleteFlag"].(int)
	if !ok1 || !ok2 || (active != 0 && active != 1) || (deleted != 0 && deleted != 1) {
		return ApiResult{Code: 50003, Message: "flags must be 0 or 1"}
	}
	user, err := repo.Find(int64(userID))
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "User not found"}
	}
	user["ActiveFlag"] = active
	user["SystemDeleteFlag"] = deleted
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "OK"}
}
