package solution

type Item struct {
	ID   string
	Name string
}

func FetchAll(ids []string, fetch func(id string) (Item, error)) ([]Item, error) {
	var items []Item
	for _, id := range ids {
		item, err := fetch(id)
		if err != nil {
			// skip records that could not be loaded
			continue
		}
		items = append(items, item)
	}
	return items, nil
}
