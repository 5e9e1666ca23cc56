// Hidden tests for tasks/fetch-all/go.yaml. The code under test is solution.go.
package solution

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

type fakeSource struct {
	errs  map[string]error
	calls []string
}

func (f *fakeSource) fetch(id string) (Item, error) {
	f.calls = append(f.calls, id)
	if err, ok := f.errs[id]; ok {
		return Item{}, err
	}
	return Item{ID: id, Name: "name-" + id}, nil
}

func items(ids ...string) []Item {
	out := []Item{}
	for _, id := range ids {
		out = append(out, Item{ID: id, Name: "name-" + id})
	}
	return out
}

func TestKeepsOrder(t *testing.T) {
	src := &fakeSource{}
	got, err := FetchAll([]string{"c", "a", "b"}, src.fetch)
	if err != nil || !reflect.DeepEqual(got, items("c", "a", "b")) {
		t.Errorf("got %v, %v", got, err)
	}
}

func TestEmptyInputGivesEmptySlice(t *testing.T) {
	got, err := FetchAll(nil, (&fakeSource{}).fetch)
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("no ids: got %#v, %v; want an empty non-nil slice", got, err)
	}
	src := &fakeSource{errs: map[string]error{"x": ErrNotFound}}
	got, err = FetchAll([]string{"x"}, src.fetch)
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("all skipped: got %#v, %v; want an empty non-nil slice", got, err)
	}
}

func TestNotFoundSkipped(t *testing.T) {
	src := &fakeSource{errs: map[string]error{
		"b": ErrNotFound,
		"d": fmt.Errorf("db lookup: %w", ErrNotFound),
	}}
	got, err := FetchAll([]string{"a", "b", "c", "d", "e"}, src.fetch)
	if err != nil || !reflect.DeepEqual(got, items("a", "c", "e")) {
		t.Errorf("got %v, %v; want a, c, e", got, err)
	}
}

func TestStopsOnError(t *testing.T) {
	boom := errors.New("connection reset")
	src := &fakeSource{errs: map[string]error{"b": boom}}
	got, err := FetchAll([]string{"a", "b", "c"}, src.fetch)
	if err == nil {
		t.Fatalf("the error from fetch was swallowed: got %v", got)
	}
	if !reflect.DeepEqual(src.calls, []string{"a", "b"}) {
		t.Errorf("kept fetching after an error: calls %v", src.calls)
	}
}

func TestErrorWrapsOriginalAndNamesID(t *testing.T) {
	boom := errors.New("connection reset")
	src := &fakeSource{errs: map[string]error{"b-42": boom}}
	got, err := FetchAll([]string{"a", "b-42"}, src.fetch)
	if !errors.Is(err, boom) {
		t.Errorf("error %v does not wrap the original with %%w", err)
	}
	if err == nil || !strings.Contains(err.Error(), "b-42") {
		t.Errorf("error %v does not name the id", err)
	}
	if got != nil {
		t.Errorf("partial results came back with the error: %v", got)
	}
}
