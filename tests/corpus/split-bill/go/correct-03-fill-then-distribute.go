package solution

import (
	"errors"
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

	amounts := make([]int64, shares)
	each := totalCents / int64(shares)
	for i := 0; i < shares; i++ {
		amounts[i] = each
	}

	leftover := totalCents - each*int64(shares)
	for i := 0; leftover > 0; i++ {
		amounts[i] += 1
		leftover--
	}

	return amounts, nil
}
