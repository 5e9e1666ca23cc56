package solution

// UserRepository is provided to the solution: the user store.
type UserRepository interface {
	// Find returns the user, or nil (and a nil error) when there is no such user.
	Find(userID int64) (map[string]any, error)
	// Save stores the user.
	Save(user map[string]any) error
}

// ApiResult is what the handler returns.
type ApiResult struct {
	Code    int
	Message string
}
