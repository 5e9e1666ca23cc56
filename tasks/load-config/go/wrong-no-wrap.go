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
	var cfg Config
	portStr, ok := env["PORT"]
	if !ok || portStr == "" {
		return Config{}, fmt.Errorf("missing PORT")
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return Config{}, fmt.Errorf("invalid PORT: %v", err)
	}
	if port < 1 || port > 65535 {
		return Config{}, fmt.Errorf("PORT out of range: %d", port)
	}
	cfg.Port = port
	cfg.Timeout = 30 * time.Second
	if v := env["TIMEOUT"]; v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return Config{}, fmt.Errorf("invalid TIMEOUT: %v", err)
		}
		if d <= 0 || d > 5*time.Minute {
			return Config{}, fmt.Errorf("TIMEOUT out of range: %v", d)
		}
		cfg.Timeout = d
	}
	if v := env["DEBUG"]; v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return Config{}, fmt.Errorf("invalid DEBUG: %v", err)
		}
		cfg.Debug = b
	}
	return cfg, nil
}
