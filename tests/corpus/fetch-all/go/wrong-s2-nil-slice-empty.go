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
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("fetch %q: %w", id, err)
		}
		items = append(items, item)
	}
	return items, nil
}
