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

func LoadConfig(env map[string]string) (Config, error) {
	cfg := Config{Timeout: 30 * time.Second}

	rawPort := env["PORT"]
	if rawPort == "" {
		return Config{}, fmt.Errorf("PORT is required")
	}
	for _, r := range rawPort {
		if r < '0' || r > '9' {
			return Config{}, fmt.Errorf("PORT must contain only decimal digits, got %q", rawPort)
		}
	}
	port, err := strconv.Atoi(rawPort)
	if err != nil {
		return Config{}, fmt.Errorf("invalid PORT %q: %w", rawPort, err)
	}
	if port < 1 || port > 65535 {
		return Config{}, fmt.Errorf("PORT must be between 1 and 65535, got %d", port)
	}
	cfg.Port = port

	if rawTimeout := env["TIMEOUT"]; rawTimeout != "" {
		d, err := time.ParseDuration(rawTimeout)
		if err != nil {
			return Config{}, fmt.Errorf("invalid TIMEOUT %q: %w", rawTimeout, err)
		}
		if d <= 0 || d > 5*time.Minute {
			return Config{}, fmt.Errorf("TIMEOUT must be above 0 and at most 5m, got %s", d)
		}
		cfg.Timeout = d
	}

	switch rawDebug := env["DEBUG"]; rawDebug {
	case "", "false", "0":
		cfg.Debug = false
	case "true", "1":
		cfg.Debug = true
	default:
		return Config{}, fmt.Errorf("DEBUG must be one of true, false, 1, 0, got %q", rawDebug)
	}

	return cfg, nil
}
