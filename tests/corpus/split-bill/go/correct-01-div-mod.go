package solution

import "errors"

var ErrInvalidShares = errors.New("shares must be between 1 and 50")
var ErrNegativeTotal = errors.New("total must not be negative")

func SplitBill(totalCents int64, shares int) ([]int64, error) {
	if shares < 1 || shares > 50 {
		return nil, ErrInvalidShares
	}
	if totalCents < 0 {
		return nil, ErrNegativeTotal
	}

	n := int64(shares)
	base := totalCents / n
	extra := totalCents % n

	result := make([]int64, shares)
	for i := range result {
		result[i] = base
		if int64(i) < extra {
			result[i]++
		}
	}
	return result, nil
}
