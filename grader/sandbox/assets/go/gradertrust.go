// Package gradertrust is the grader's trusted reporter inside a Go test binary. As an
// imported package it is initialised before the package under test, so it reads and
// deletes the run's nonce before any sample code (an init() included) runs. Run records
// each test under the name of the function that actually ran (from the runtime, which a
// solution cannot forge: a second sandbox.TestX would not compile), so calling Run with
// stand-in tests reports nothing the host counts. It also deletes the test sources
// (GRADER_HIDE) before the solution's code runs.
package gradertrust

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

const pkgPrefix = "sandbox." // the generated module's root package

var (
	mu     sync.Mutex
	pad    []byte // the nonce, XOR-masked: a memory scan does not find it whole
	masked []byte
	out    *os.File
)

func init() {
	path := os.Getenv("GRADER_SECRET")
	if data, err := os.ReadFile(path); err == nil {
		raw := bytes.TrimSpace(data)
		pad = make([]byte, len(raw))
		// Not a secret of its own (it sits next to the masked bytes): math/rand is enough.
		if _, err := rand.New(rand.NewSource(time.Now().UnixNano())).Read(pad); err == nil {
			masked = make([]byte, len(raw))
			for i := range raw {
				masked[i] = raw[i] ^ pad[i]
			}
		}
		for i := range data {
			data[i] = 0
		}
	}
	os.Remove(path)
	os.Unsetenv("GRADER_SECRET")
	// The test sources are compiled in by now: delete them before the solution's init runs.
	for _, name := range strings.Split(os.Getenv("GRADER_HIDE"), "\n") {
		if name != "" {
			os.Remove(name)
		}
	}
	out, _ = os.OpenFile(os.Getenv("GRADER_RESULTS"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
}

func write(record map[string]interface{}) {
	mu.Lock()
	defer mu.Unlock()
	if out == nil || len(masked) == 0 {
		return
	}
	data, _ := json.Marshal(record)
	line := make([]byte, 0, len(masked)+len(data)+2)
	for i := range masked {
		line = append(line, masked[i]^pad[i])
	}
	line = append(append(append(line, '\t'), data...), '\n')
	out.Write(line)
	for i := range line {
		line[i] = 0
	}
}

func nameOf(fn func(*testing.T)) string {
	full := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()).Name()
	if rest := strings.TrimPrefix(full, pkgPrefix); rest != full && !strings.Contains(rest, ".") {
		return rest
	}
	return full
}

// Run runs each test as a subtest of t and records its outcome; "done" once all finished.
func Run(t *testing.T, tests ...func(*testing.T)) {
	t.Cleanup(func() { write(map[string]interface{}{"done": true}) })
	for _, fn := range tests {
		fn, name := fn, nameOf(fn)
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			record := func(failed bool) {
				outcome := "passed"
				if failed {
					outcome = "failed"
				} else if t.Skipped() {
					outcome = "skipped"
				}
				write(map[string]interface{}{
					"name": name, "outcome": outcome, "duration_s": time.Since(start).Seconds(),
				})
			}
			defer func() {
				if r := recover(); r != nil {
					record(true)
					panic(r)
				}
				record(t.Failed())
			}()
			fn(t)
		})
	}
}
