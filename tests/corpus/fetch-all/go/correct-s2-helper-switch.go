package solution

import (
	"errors"
	"fmt"
)

type Item struct {
	ID   string
	Name string
}

func fetchOne(id string, fetch func(string) (Item, error)) (item Item, found bool, err error) {
	item, err = fetch(id)
	switch {
	case err == nil:
		return item, true, nil
	case errors.Is(err, ErrNotFound):
		return Item{}, false, nil
	default:
		return Item{}, false, fmt.Errorf("fetch %q: %w", id, err)
	}
}

func FetchAll(ids []string, fetch func(id string) (Item, error)) ([]Item, error) {
	result := []Item{}
	for _, id := range ids {
		item, found, err := fetchOne(id, fetch)
		if err != nil {
			return nil, err
		}
		if found {
			result = append(result, item)
		}
	}
	return result, nil
}
