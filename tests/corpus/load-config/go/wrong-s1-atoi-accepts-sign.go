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

func LoadConfig(env map[string]string) (Config, error) {
	cfg := Config{Timeout: 30 * time.Second}

	portStr := env["PORT"]
	if portStr == "" {
		return Config{}, errors.New("PORT is required")
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return Config{}, fmt.Errorf("invalid PORT %q: %w", portStr, err)
	}
	if port < 1 || port > 65535 {
		return Config{}, fmt.Errorf("PORT %d out of range 1-65535", port)
	}
	cfg.Port = port

	if t := env["TIMEOUT"]; t != "" {
		d, err := time.ParseDuration(t)
		if err != nil {
			return Config{}, fmt.Errorf("invalid TIMEOUT %q: %w", t, err)
		}
		if d <= 0 || d > 5*time.Minute {
			return Config{}, fmt.Errorf("TIMEOUT %s must be above 0 and at most 5m", d)
		}
		cfg.Timeout = d
	}

	if v := env["DEBUG"]; v != "" {
		switch v {
		case "true", "1":
			cfg.Debug = true
		case "false", "0":
			cfg.Debug = false
		default:
			return Config{}, fmt.Errorf("invalid DEBUG %q: want true, false, 1 or 0", v)
		}
	}

	return cfg, nil
}
