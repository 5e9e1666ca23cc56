package solution

import "math"

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	id, ok := request["UserId"]
	if !ok || id == nil || id == "" {
		return ApiResult{50001, "missing UserId"}
	}
	n, ok := id.(float64)
	if !ok || n <= 0 || n != math.Trunc(n) || n >= 1<<63 {
		return ApiResult{50002, "invalid UserId"}
	}
	a, okA := request["ActiveFlag"].(float64)
	d, okD := request["SystemDeleteFlag"].(float64)
	if !okA || !okD || (a != 0 && a != 1) || (d != 0 && d != 1) {
		return ApiResult{50003, "invalid flag"}
	}

	user, err := repo.Find(int64(n))
	if err != nil {
		return ApiResult{50000, err.Error()}
	}
	if user == nil {
		return ApiResult{50004, "user not found"}
	}
	user["ActiveFlag"] = a
	user["SystemDeleteFlag"] = d
	if err := repo.Save(user); err != nil {
		return ApiResult{50000, err.Error()}
	}
	return ApiResult{0, "ok"}
}
