// Package gradertrust is the grader's trusted reporter inside a Go test binary. As an
// imported package it is initialised before the package under test, so it reads and
// deletes the run's nonce before any sample code (an init() included) runs. Only the first
// Take() gets a working writer; a second Take() voids the whole run.
package gradertrust

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"time"
)

var (
	mu       sync.Mutex
	nonce    string
	out      *os.File
	taken    bool
	tampered bool
)

func init() {
	path := os.Getenv("GRADER_SECRET")
	if data, err := os.ReadFile(path); err == nil {
		nonce = strings.TrimSpace(string(data))
	}
	os.Remove(path)
	os.Unsetenv("GRADER_SECRET")
	out, _ = os.OpenFile(os.Getenv("GRADER_RESULTS"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
}

// Writer records test outcomes; only the one Take() handed out first works.
type Writer struct{ ok bool }

func write(record map[string]interface{}) {
	if out == nil || nonce == "" {
		return
	}
	data, _ := json.Marshal(record)
	out.Write([]byte(nonce + "\t" + string(data) + "\n"))
}

// Take hands out the run's writer once.
func Take() *Writer {
	mu.Lock()
	defer mu.Unlock()
	if taken {
		tampered = true
		write(map[string]interface{}{"tampered": "the reporter was taken twice"})
		return &Writer{}
	}
	taken = true
	return &Writer{ok: true}
}

// Case records one test's outcome.
func (w *Writer) Case(name string, failed, skipped bool, elapsed time.Duration) {
	mu.Lock()
	defer mu.Unlock()
	if w == nil || !w.ok || tampered {
		return
	}
	outcome := "passed"
	if failed {
		outcome = "failed"
	} else if skipped {
		outcome = "skipped"
	}
	write(map[string]interface{}{"name": name, "outcome": outcome, "duration_s": elapsed.Seconds()})
}

// Done records that every test has reported.
func (w *Writer) Done() {
	mu.Lock()
	defer mu.Unlock()
	if w != nil && w.ok && !tampered {
		write(map[string]interface{}{"done": true})
	}
}
