package solution

import (
	"fmt"
	"math"
)

var flagNames = []string{"ActiveFlag", "SystemDeleteFlag"}

func UpdateUserFlags(request map[string]any, repo UserRepository) ApiResult {
	rawID, found := request["UserId"]
	if !found || rawID == nil || rawID == "" {
		return ApiResult{Code: 50001, Message: "UserId is required"}
	}

	var userID int64
	switch {
	case isWholePositive(rawID):
		userID = int64(rawID.(float64))
	default:
		return ApiResult{Code: 50002, Message: fmt.Sprintf("invalid UserId: %v", rawID)}
	}

	flags := make(map[string]any, len(flagNames))
	for _, name := range flagNames {
		v, exists := request[name]
		if !exists {
			return ApiResult{Code: 50003, Message: name + " is required"}
		}
		f, isFloat := v.(float64)
		if !isFloat || (f != 0 && f != 1) {
			return ApiResult{Code: 50003, Message: name + " must be 0 or 1"}
		}
		flags[name] = v
	}

	user, err := repo.Find(userID)
	if err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	if user == nil {
		return ApiResult{Code: 50004, Message: fmt.Sprintf("user %d not found", userID)}
	}
	for _, name := range flagNames {
		user[name] = flags[name]
	}
	if err := repo.Save(user); err != nil {
		return ApiResult{Code: 50000, Message: err.Error()}
	}
	return ApiResult{Code: 0, Message: "flags updated"}
}

func isWholePositive(v any) bool {
	f, ok := v.(float64)
	return ok && f > 0 && f == math.Trunc(f) && f < math.MaxInt64
}
