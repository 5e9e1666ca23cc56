package solution

import "math"

const (
	CodeUpdateFailed = 50000 + iota
	CodeMissingUserID
	CodeInvalidUserID
	CodeInvalidFlag
	CodeUserNotFound
)

const CodeSuccess = 0

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	rawID, ok := request["UserId"]
	if !ok || rawID == nil || rawID == "" {
		return ApiResult{Code: CodeMissingUserID, Message: "UserId is required"}
	}
	idNum, ok := rawID.(float64)
	if !ok || idNum < 1 || math.Trunc(idNum) != idNum || math.IsInf(idNum, 0) {
		return ApiResult{Code: CodeInvalidUserID, Message: "UserId must be a positive whole number"}
	}

	active, activeOK := request["ActiveFlag"].(float64)
	deleted, deletedOK := request["SystemDeleteFlag"].(float64)
	if !activeOK || !isBit(active) || !deletedOK || !isBit(deleted) {
		return ApiResult{Code: CodeInvalidFlag, Message: "ActiveFlag and SystemDeleteFlag must be 0 or 1"}
	}

	user, err := repo.Find(int64(idNum))
	if err != nil {
		return ApiResult{Code: CodeUpdateFailed, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: CodeUserNotFound, Message: "user not found"}
	}
	user["ActiveFlag"] = request["ActiveFlag"]
	user["SystemDeleteFlag"] = request["SystemDeleteFlag"]
	if err = repo.Save(user); err != nil {
		return ApiResult{Code: CodeUpdateFailed, Message: err.Error()}
	}
	return ApiResult{Code: CodeSuccess, Message: "success"}
}

func isBit(f float64) bool {
	return f == 0 || f == 1
}
