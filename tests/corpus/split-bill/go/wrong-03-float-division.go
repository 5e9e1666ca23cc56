// mistake: computes the shares with float64 division and math.Round, so the amounts do not always add up to the total.
package solution

import (
	"errors"
	"math"
)

var ErrInvalidShares = errors.New("shares must be between 1 and 50")
var ErrNegativeTotal = errors.New("total must not be negative")

func SplitBill(totalCents int64, shares int) ([]int64, error) {
	if shares < 1 || shares > 50 {
		return nil, ErrInvalidShares
	}
	if totalCents < 0 {
		return nil, ErrNegativeTotal
	}

	each := float64(totalCents) / float64(shares)
	result := make([]int64, shares)
	for i := range result {
		result[i] = int64(math.Round(each))
	}
	return result, nil
}
