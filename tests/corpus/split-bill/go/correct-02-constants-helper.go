package solution

import "errors"

const (
	minShares = 1
	maxShares = 50
)

var ErrInvalidShares = errors.New("shares must be between 1 and 50")
var ErrNegativeTotal = errors.New("total must not be negative")

func validate(totalCents int64, shares int) error {
	switch {
	case shares < minShares || shares > maxShares:
		return ErrInvalidShares
	case totalCents < 0:
		return ErrNegativeTotal
	default:
		return nil
	}
}

// SplitBill divides totalCents into shares parts that differ by at most one
// cent, larger parts first.
func SplitBill(totalCents int64, shares int) ([]int64, error) {
	if err := validate(totalCents, shares); err != nil {
		return nil, err
	}
	parts := make([]int64, 0, shares)
	remaining := totalCents
	for left := int64(shares); left > 0; left-- {
		// ceiling of remaining / left keeps larger amounts first
		part := (remaining + left - 1) / left
		parts = append(parts, part)
		remaining -= part
	}
	return parts, nil
}
