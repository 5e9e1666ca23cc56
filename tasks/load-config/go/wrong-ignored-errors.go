package solution

import (
	"errors"
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
	if env["PORT"] == "" {
		return Config{}, errors.New("PORT is required")
	}
	port, _ := strconv.Atoi(env["PORT"])
	if port > 65535 {
		return Config{}, errors.New("PORT out of range")
	}
	cfg.Port = port
	if t, ok := env["TIMEOUT"]; ok && t != "" {
		d, err := time.ParseDuration(t)
		if err == nil {
			cfg.Timeout = d
		}
	}
	if d, ok := env["DEBUG"]; ok && d != "" {
		cfg.Debug, _ = strconv.ParseBool(d)
	}
	return cfg, nil
}
