package solution

import (
	"fmt"
	"strconv"
	"time"
)

type Config struct {
	Port    int
	Timeout time.Duration
	Debug   bool
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func LoadConfig(env map[string]string) (Config, error) {
	cfg := Config{Timeout: 30 * time.Second}

	raw := env["PORT"]
	if raw == "" {
		return Config{}, fmt.Errorf("PORT is required")
	}
	if !allDigits(raw) {
		return Config{}, fmt.Errorf("PORT must be digits only, got %q", raw)
	}
	port, err := strconv.Atoi(raw)
	if err != nil {
		return Config{}, fmt.Errorf("PORT: %w", err)
	}
	if port < 1 || port > 65535 {
		return Config{}, fmt.Errorf("PORT must be from 1 to 65535, got %d", port)
	}
	cfg.Port = port

	if raw := env["TIMEOUT"]; raw != "" {
		timeout, err := time.ParseDuration(raw)
		if err != nil {
			return Config{}, fmt.Errorf("TIMEOUT: %w", err)
		}
		if timeout <= 0 || timeout > 5*time.Minute {
			return Config{}, fmt.Errorf("TIMEOUT must be above 0 and at most 5m, got %s", timeout)
		}
		cfg.Timeout = timeout
	}

	switch env["DEBUG"] {
	case "", "false", "0":
	case "true", "1":
		cfg.Debug = true
	default:
		return Config{}, fmt.Errorf("DEBUG must be true, false, 1 or 0, got %q", env["DEBUG"])
	}
	return cfg, nil
}
