package solution

import "fmt"

type Item struct {
	ID   string
	Name string
}

func FetchAll(ids []string, fetch func(id string) (Item, error)) ([]Item, error) {
	result := []Item{}
	for _, id := range ids {
		item, err := fetch(id)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", id, err)
		}
		result = append(result, item)
	}
	return result, nil
}
