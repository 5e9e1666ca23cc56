package solution

import "fmt"

// The seed's observed mistakes: no parameter validation, and 50003 for repository errors.
func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	id, _ := request["UserId"].(float64)
	user, err := repo.Find(int64(id))
	if err != nil {
		return ApiResult{Code: 50003, Message: fmt.Sprint(err)}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "User not found"}
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50003, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "OK"}
}
