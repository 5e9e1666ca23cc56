package solution

import (
	"errors"
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

var (
	ErrMissing    = errors.New("missing required value")
	ErrInvalid    = errors.New("invalid value")
	ErrOutOfRange = errors.New("value out of range")
)

const (
	defaultTimeout = 30 * time.Second
	maxTimeout     = 5 * time.Minute
)

func LoadConfig(env map[string]string) (Config, error) {
	port, err := parsePort(env["PORT"])
	if err != nil {
		return Config{}, fmt.Errorf("PORT: %w", err)
	}
	timeout, err := parseTimeout(env["TIMEOUT"])
	if err != nil {
		return Config{}, fmt.Errorf("TIMEOUT: %w", err)
	}
	debug, err := parseDebug(env["DEBUG"])
	if err != nil {
		return Config{}, fmt.Errorf("DEBUG: %w", err)
	}
	return Config{Port: port, Timeout: timeout, Debug: debug}, nil
}

func parsePort(s string) (int, error) {
	if s == "" {
		return 0, ErrMissing
	}
	if strings.TrimLeft(s, "0123456789") != "" {
		return 0, fmt.Errorf("%w: %q is not a plain decimal number", ErrInvalid, s)
	}
	n, err := strconv.ParseUint(s, 10, 16)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, err)
	}
	if n == 0 {
		return 0, fmt.Errorf("%w: %d (want 1-65535)", ErrOutOfRange, n)
	}
	return int(n), nil
}

func parseTimeout(s string) (time.Duration, error) {
	if s == "" {
		return defaultTimeout, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 || d > maxTimeout {
		return 0, fmt.Errorf("%w: %s (want >0 and <=%s)", ErrOutOfRange, d, maxTimeout)
	}
	return d, nil
}

func parseDebug(s string) (bool, error) {
	switch s {
	case "":
		return false, nil
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("%w: %q", ErrInvalid, s)
}
