// Hidden tests for tasks/split-bill/go.yaml. The code under test is solution.go.
package solution

import (
	"errors"
	"reflect"
	"testing"
)

func TestInvalidSharesReturnsErrInvalidShares(t *testing.T) {
	for _, shares := range []int{0, -1, 51, 1000} {
		parts, err := SplitBill(1000, shares)
		if !errors.Is(err, ErrInvalidShares) || parts != nil {
			t.Errorf("shares=%d: got %v, %v; want nil, ErrInvalidShares", shares, parts, err)
		}
	}
	if _, err := SplitBill(-5, 0); !errors.Is(err, ErrInvalidShares) {
		t.Errorf("shares are checked first: got %v", err)
	}
}

func TestNegativeTotalReturnsErrNegativeTotal(t *testing.T) {
	parts, err := SplitBill(-1, 3)
	if !errors.Is(err, ErrNegativeTotal) || parts != nil {
		t.Errorf("got %v, %v; want nil, ErrNegativeTotal", parts, err)
	}
}

func TestRemainderFirst(t *testing.T) {
	cases := []struct {
		total  int64
		shares int
		want   []int64
	}{
		{1000, 3, []int64{334, 333, 333}},
		{5, 3, []int64{2, 2, 1}},
		{2, 4, []int64{1, 1, 0, 0}},
		{101, 2, []int64{51, 50}},
	}
	for _, c := range cases {
		got, err := SplitBill(c.total, c.shares)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitBill(%d, %d) = %v, %v; want %v", c.total, c.shares, got, err, c.want)
		}
	}
}

func TestEvenSplit(t *testing.T) {
	got, err := SplitBill(1200, 4)
	if err != nil || !reflect.DeepEqual(got, []int64{300, 300, 300, 300}) {
		t.Errorf("got %v, %v", got, err)
	}
	got, err = SplitBill(0, 2)
	if err != nil || !reflect.DeepEqual(got, []int64{0, 0}) {
		t.Errorf("zero total: got %v, %v", got, err)
	}
}

func TestAddsUpExactly(t *testing.T) {
	for _, total := range []int64{0, 1, 99, 1000, 123457, 9999999999} {
		for shares := 1; shares <= 50; shares++ {
			parts, err := SplitBill(total, shares)
			if err != nil || len(parts) != shares {
				t.Fatalf("SplitBill(%d, %d) = %v, %v", total, shares, parts, err)
			}
			var sum int64
			for _, p := range parts {
				sum += p
			}
			if sum != total {
				t.Fatalf("SplitBill(%d, %d) = %v adds up to %d", total, shares, parts, sum)
			}
		}
	}
}

func TestRemainderFirstForEveryShareCount(t *testing.T) {
	for _, total := range []int64{1, 99, 1000, 123457} {
		for shares := 1; shares <= 50; shares++ {
			parts, err := SplitBill(total, shares)
			if err != nil || len(parts) != shares {
				t.Fatalf("SplitBill(%d, %d) = %v, %v", total, shares, parts, err)
			}
			for i, p := range parts {
				if p-parts[len(parts)-1] > 1 || (i > 0 && p > parts[i-1]) {
					t.Fatalf("SplitBill(%d, %d) = %v: uneven or not larger-first", total, shares, parts)
				}
			}
		}
	}
}
