package solution

import "math"

type flagsRequest struct {
	userID  int64
	active  any
	deleted any
}

type requestValidator struct {
	raw map[string]any
}

func (v requestValidator) validate() (flagsRequest, *ApiResult) {
	id, ok := v.raw["UserId"]
	if !ok || id == nil || id == "" {
		return flagsRequest{}, &ApiResult{Code: 50001, Message: "UserId is required"}
	}
	num, ok := id.(float64)
	if !ok || !(num > 0) || math.Mod(num, 1) != 0 || num >= math.MaxInt64 {
		return flagsRequest{}, &ApiResult{Code: 50002, Message: "UserId must be a positive whole number"}
	}
	active, okA := v.flag("ActiveFlag")
	deleted, okD := v.flag("SystemDeleteFlag")
	if !okA || !okD {
		return flagsRequest{}, &ApiResult{Code: 50003, Message: "ActiveFlag and SystemDeleteFlag must be 0 or 1"}
	}
	return flagsRequest{userID: int64(num), active: active, deleted: deleted}, nil
}

func (v requestValidator) flag(name string) (any, bool) {
	val, ok := v.raw[name]
	if !ok {
		return nil, false
	}
	f, isNum := val.(float64)
	if !isNum || (f != 0 && f != 1) {
		return nil, false
	}
	return val, true
}

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	req, bad := requestValidator{raw: request}.validate()
	if bad != nil {
		return *bad
	}

	user, err := repo.Find(req.userID)
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: "user not found"}
	}
	user["ActiveFlag"] = req.active
	user["SystemDeleteFlag"] = req.deleted
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "success"}
}
