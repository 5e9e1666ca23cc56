// mistake: flags are compared via fmt.Sprint, so the strings "0"/"1" are accepted as valid flags.
package solution

import (
	"fmt"
	"math"
)

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	id, ok := request["UserId"]
	if !ok || id == nil || id == "" {
		return ApiResult{50001, "missing UserId"}
	}
	n, ok := id.(float64)
	if !ok || n <= 0 || n != math.Trunc(n) {
		return ApiResult{50002, "invalid UserId"}
	}
	for _, key := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		v, present := request[key]
		s := fmt.Sprint(v)
		if !present || (s != "0" && s != "1") {
			return ApiResult{50003, "invalid " + key}
		}
	}

	user, err := repo.Find(int64(n))
	if err != nil {
		return ApiResult{50000, err.Error()}
	}
	if user == nil {
		return ApiResult{50004, "user not found"}
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return ApiResult{50000, err.Error()}
	}
	return ApiResult{0, "ok"}
}
