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
	items := []Item{}
	for _, id := range ids {
		item, err := fetch(id)
		if err != nil {
			if errors.Is(err, ErrNotFound) {
				continue
			}
			return items, fmt.Errorf("failed to fetch %s: %v", id, err)
		}
		items = append(items, item)
	}
	return items, nil
}
