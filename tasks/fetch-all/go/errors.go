package solution

import "errors"

// ErrNotFound is provided to the solution: fetch returns it (possibly wrapped) for a missing id.
var ErrNotFound = errors.New("not found")
