// mistake: adds the whole remainder to the last share, so amounts can differ by more than one cent and the larger one is last.
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

	base := totalCents / int64(shares)
	result := make([]int64, shares)
	for i := range result {
		result[i] = base
	}
	result[shares-1] += totalCents - base*int64(shares)
	return result, nil
}
