package solution

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

type Config struct {
	Port    int
	Timeout time.Duration
	Debug   bool
}

const maxTimeout = 5 * time.Minute

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func LoadConfig(env map[string]string) (Config, error) {
	raw, ok := env["PORT"]
	if !ok || raw == "" {
		return Config{}, errors.New("PORT: required")
	}
	if !isDigits(raw) {
		return Config{}, fmt.Errorf("PORT: %q is not a decimal number", raw)
	}
	port, err := strconv.Atoi(raw)
	if err != nil {
		return Config{}, fmt.Errorf("PORT: %w", err)
	}
	if port < 1 || port > 65535 {
		return Config{}, fmt.Errorf("PORT: %d is out of range", port)
	}

	timeout := 30 * time.Second
	if raw := env["TIMEOUT"]; raw != "" {
		d, err := time.ParseDuration(raw)
		if err != nil {
			return Config{}, fmt.Errorf("TIMEOUT: %v", err)
		}
		if d <= 0 || d > maxTimeout {
			return Config{}, fmt.Errorf("TIMEOUT: %s must be in (0, 5m]", d)
		}
		timeout = d
	}

	debug := false
	if raw := env["DEBUG"]; raw != "" {
		switch raw {
		case "true", "1":
			debug = true
		case "false", "0":
			debug = false
		default:
			return Config{}, fmt.Errorf("DEBUG: %q must be true, false, 1 or 0", raw)
		}
	}

	return Config{Port: port, Timeout: timeout, Debug: debug}, nil
}
