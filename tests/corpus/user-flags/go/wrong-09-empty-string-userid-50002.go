// mistake: only a missing or nil UserId returns 50001; an empty string "" falls through to 50002.
package solution

import "math"

type validator struct {
	req map[string]any
}

func (v validator) check() *ApiResult {
	raw, ok := v.req["UserId"]
	if !ok || raw == nil {
		return &ApiResult{Code: 50001, Message: "UserId is required"}
	}
	id, isNum := raw.(float64)
	if !isNum || id <= 0 || id != math.Trunc(id) {
		return &ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}
	}
	for _, k := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		f, isNum := v.req[k].(float64)
		if !isNum || (f != 0 && f != 1) {
			return &ApiResult{Code: 50003, Message: k + " must be 0 or 1"}
		}
	}
	return nil
}

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	if bad := (validator{req: request}).check(); bad != nil {
		return *bad
	}

	user, err := repo.Find(int64(request["UserId"].(float64)))
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
	return ApiResult{Code: 0, Message: "success"}
}
