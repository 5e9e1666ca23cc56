// Hidden tests for tasks/load-config/go.yaml. The code under test is solution.go.
package solution

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

func env(pairs ...string) map[string]string {
	m := map[string]string{"PORT": "8080"}
	for i := 0; i < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

func expectError(t *testing.T, e map[string]string, variable string) {
	t.Helper()
	cfg, err := LoadConfig(e)
	if err == nil {
		t.Errorf("%v: got %+v and no error", e, cfg)
		return
	}
	if !strings.Contains(err.Error(), variable) {
		t.Errorf("%v: error %q does not name %s", e, err, variable)
	}
	if cfg != (Config{}) {
		t.Errorf("%v: got %+v with the error, want the zero Config", e, cfg)
	}
}

func TestValidEnvironment(t *testing.T) {
	cfg, err := LoadConfig(map[string]string{"PORT": "443", "TIMEOUT": "1m30s", "DEBUG": "1"})
	if err != nil || cfg != (Config{Port: 443, Timeout: 90 * time.Second, Debug: true}) {
		t.Errorf("got %+v, %v", cfg, err)
	}
	cfg, err = LoadConfig(map[string]string{"PORT": "65535", "TIMEOUT": "", "DEBUG": ""})
	if err != nil || cfg != (Config{Port: 65535, Timeout: 30 * time.Second}) {
		t.Errorf("defaults: got %+v, %v", cfg, err)
	}
}

func TestPortRequiredDigitsAndRange(t *testing.T) {
	for _, port := range []string{"", "0", "65536", "-1", "+80", " 80", "80 ", "8o8o", "1e3", "99999999999999999999"} {
		e := env()
		e["PORT"] = port
		expectError(t, e, "PORT")
	}
	expectError(t, map[string]string{}, "PORT")
}

func TestTimeoutBoundsAndDefault(t *testing.T) {
	for _, timeout := range []string{"0s", "-5s", "5m1s", "1h", "soon", "30"} {
		expectError(t, env("TIMEOUT", timeout), "TIMEOUT")
	}
	cfg, err := LoadConfig(env("TIMEOUT", "5m"))
	if err != nil || cfg.Timeout != 5*time.Minute {
		t.Errorf("TIMEOUT=5m: got %+v, %v", cfg, err)
	}
}

func TestDebugValues(t *testing.T) {
	for value, want := range map[string]bool{"true": true, "1": true, "false": false, "0": false} {
		cfg, err := LoadConfig(env("DEBUG", value))
		if err != nil || cfg.Debug != want {
			t.Errorf("DEBUG=%q: got %+v, %v", value, cfg, err)
		}
	}
	for _, value := range []string{"t", "TRUE", "yes", "on", "2"} {
		expectError(t, env("DEBUG", value), "DEBUG")
	}
}

func TestErrorNamesVariable(t *testing.T) {
	expectError(t, env("PORT", "abc"), "PORT")
	expectError(t, env("TIMEOUT", "abc"), "TIMEOUT")
	expectError(t, env("DEBUG", "abc"), "DEBUG")
}

func TestWrapsParseError(t *testing.T) {
	_, err := LoadConfig(env("PORT", "99999999999999999999"))
	var numErr *strconv.NumError
	if !errors.As(err, &numErr) && !strings.Contains(strings.ToLower(errString(err)), "digits") {
		t.Errorf("PORT overflow: error %v neither wraps the strconv error nor explains the digits rule", err)
	}
	_, err = LoadConfig(env("TIMEOUT", "soon"))
	if err == nil || errors.Unwrap(err) == nil {
		t.Errorf("TIMEOUT=soon: error %v does not wrap time.ParseDuration's error", err)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
