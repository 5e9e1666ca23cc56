// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 14 declares items as a nil slice, so when there are no ids or every id is skipped the function returns nil, not an empty slice.
package solution

import (
	"errors"
	"fmt"
)

type Item struct {
	ID   string
	Name string
}

func FetchAll(ids []string, fetch func(id string) (Item, error)) ([]Item, error) {
	var items []Item
	for _, id := range ids {
		item, err := fetch(id)
		if err != nil {
			if errors.Is(err, ErrNotFound) {
				continue
			}
			return nil, fmt.Errorf("fetch %q: %w", id, err)
		}
		items = append(items, item)
	}
	return items, nil
}
