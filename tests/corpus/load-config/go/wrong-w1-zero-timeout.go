// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 48 rejects only negative durations, so a zero TIMEOUT is accepted although it must be above 0.
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

const (
	defaultTimeout = 30 * time.Second
	maxTimeout     = 5 * time.Minute
)

func LoadConfig(env map[string]string) (Config, error) {
	var cfg Config

	rawPort := env["PORT"]
	if rawPort == "" {
		return Config{}, errors.New("PORT is required")
	}
	for _, r := range rawPort {
		if r < '0' || r > '9' {
			return Config{}, fmt.Errorf("PORT must contain only digits, got %q", rawPort)
		}
	}
	port, err := strconv.Atoi(rawPort)
	if err != nil {
		return Config{}, fmt.Errorf("PORT: %w", err)
	}
	if port < 1 || port > 65535 {
		return Config{}, fmt.Errorf("PORT must be from 1 to 65535, got %d", port)
	}
	cfg.Port = port

	cfg.Timeout = defaultTimeout
	if rawTimeout := env["TIMEOUT"]; rawTimeout != "" {
		d, err := time.ParseDuration(rawTimeout)
		if err != nil {
			return Config{}, fmt.Errorf("TIMEOUT: %w", err)
		}
		if d < 0 || d > maxTimeout {
			return Config{}, fmt.Errorf("TIMEOUT must be above 0 and at most %s, got %s", maxTimeout, d)
		}
		cfg.Timeout = d
	}

	switch rawDebug := env["DEBUG"]; rawDebug {
	case "", "false", "0":
		cfg.Debug = false
	case "true", "1":
		cfg.Debug = true
	default:
		return Config{}, fmt.Errorf("DEBUG must be true, false, 1 or 0, got %q", rawDebug)
	}

	return cfg, nil
}
