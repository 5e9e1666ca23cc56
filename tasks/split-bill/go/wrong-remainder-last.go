package solution

import "errors"

var (
	ErrInvalidShares = errors.New("shares must be between 1 and 50")
	ErrNegativeTotal = errors.New("total must not be negative")
)

func SplitBill(totalCents int64, shares int) ([]int64, error) {
	if totalCents < 0 {
		return nil, ErrNegativeTotal
	}
	if shares < 1 || shares > 50 {
		return nil, ErrInvalidShares
	}
	parts := make([]int64, shares)
	var sum int64
	for i := 0; i < shares-1; i++ {
		parts[i] = totalCents / int64(shares)
		sum += parts[i]
	}
	parts[shares-1] = totalCents - sum
	return parts, nil
}
