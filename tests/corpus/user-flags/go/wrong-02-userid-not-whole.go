// mistake: UserId is only checked for being a positive float64, so a fractional id like 2.5 is accepted and truncated.
package solution

const (
	codeOK         = 0
	codeFailed     = 50000
	codeNoUserID   = 50001
	codeBadUserID  = 50002
	codeBadFlag    = 50003
	codeNoSuchUser = 50004
)

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	raw, present := request["UserId"]
	if !present || raw == nil || raw == "" {
		return ApiResult{Code: codeNoUserID, Message: "UserId is required"}
	}
	id, isNum := raw.(float64)
	if !isNum || id <= 0 {
		return ApiResult{Code: codeBadUserID, Message: "UserId must be a positive number"}
	}
	for _, name := range []string{"ActiveFlag", "SystemDeleteFlag"} {
		f, ok := request[name].(float64)
		if !ok || (f != 0 && f != 1) {
			return ApiResult{Code: codeBadFlag, Message: name + " must be 0 or 1"}
		}
	}

	user, err := repo.Find(int64(id))
	if err != nil {
		return ApiResult{Code: codeFailed, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: codeNoSuchUser, Message: "user not found"}
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: codeFailed, Message: err.Error()}
	}
	return ApiResult{Code: codeOK, Message: "OK"}
}
