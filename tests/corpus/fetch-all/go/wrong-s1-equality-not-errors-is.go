package solution

import (
	"fmt"
)

type Item struct {
	ID   string
	Name string
}

func FetchAll(ids []string, fetch func(id string) (Item, error)) ([]Item, error) {
	items := make([]Item, 0, len(ids))
	for _, id := range ids {
		item, err := fetch(id)
		if err != nil {
			if err == ErrNotFound {
				continue
			}
			return nil, fmt.Errorf("fetch %q: %w", id, err)
		}
		items = append(items, item)
	}
	return items, nil
}
