package solution

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

type Config struct {
	Port    int
	Timeout time.Duration
	Debug   bool
}

func LoadConfig(env map[string]string) (Config, error) {
	cfg := Config{Timeout: 30 * time.Second}
	p := strings.TrimSpace(env["PORT"])
	if p == "" {
		return cfg, fmt.Errorf("PORT is required")
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		return cfg, fmt.Errorf("PORT: %w", err)
	}
	if port < 1 || port > 65535 {
		return cfg, fmt.Errorf("PORT must be between 1 and 65535")
	}
	cfg.Port = port
	if t := env["TIMEOUT"]; t != "" {
		d, err := time.ParseDuration(t)
		if err != nil {
			return cfg, fmt.Errorf("TIMEOUT: %w", err)
		}
		if d <= 0 || d > 5*time.Minute {
			return cfg, fmt.Errorf("TIMEOUT must be in (0, 5m]")
		}
		cfg.Timeout = d
	}
	switch env["DEBUG"] {
	case "":
	case "true", "1":
		cfg.Debug = true
	case "false", "0":
		cfg.Debug = false
	default:
		return cfg, fmt.Errorf("DEBUG must be true/false/1/0")
	}
	return cfg, nil
}
