package solution

import (
	"errors"
	"fmt"
)

var ErrInvalidShares = errors.New("shares must be between 1 and 50")
var ErrNegativeTotal = errors.New("total must not be negative")

func SplitBill(totalCents int64, shares int) ([]int64, error) {
	if shares <= 0 || shares > 50 {
		return nil, fmt.Errorf("invalid shares: %d", shares)
	}
	if totalCents < 0 {
		return nil, fmt.Errorf("negative total: %d", totalCents)
	}
	result := make([]int64, shares)
	remaining := totalCents
	for i := 0; i < shares; i++ {
		part := remaining / int64(shares-i)
		if remaining%int64(shares-i) != 0 {
			part++
		}
		result[i] = part
		remaining -= part
	}
	return result, nil
}
