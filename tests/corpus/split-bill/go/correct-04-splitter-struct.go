package solution

import "errors"

var ErrInvalidShares = errors.New("shares must be between 1 and 50")
var ErrNegativeTotal = errors.New("total must not be negative")

type splitter struct {
	total  int64
	shares int
}

func (s splitter) check() error {
	if s.shares < 1 || s.shares > 50 {
		return ErrInvalidShares
	}
	if s.total < 0 {
		return ErrNegativeTotal
	}
	return nil
}

func (s splitter) amountAt(i int) int64 {
	q := s.total / int64(s.shares)
	r := int(s.total % int64(s.shares))
	if i < r {
		return q + 1
	}
	return q
}

func (s splitter) split() []int64 {
	out := make([]int64, s.shares)
	for i := 0; i < s.shares; i++ {
		out[i] = s.amountAt(i)
	}
	return out
}

func SplitBill(totalCents int64, shares int) ([]int64, error) {
	s := splitter{total: totalCents, shares: shares}
	if err := s.check(); err != nil {
		return nil, err
	}
	return s.split(), nil
}
