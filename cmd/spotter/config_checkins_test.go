package main

import (
	"strings"
	"testing"
	"time"
)

func TestCheckinsConfig(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		wantRate  int
		wantGrace time.Duration
		wantErr   string
	}{
		{"defaults", "", 50, 3 * time.Hour, ""},
		{"a bot granted more", "[checkins]\nglobal_rate_limit = 120\nlate_grace = \"90m\"\n", 120, 90 * time.Minute, ""},
		{"zero rate", "[checkins]\nglobal_rate_limit = 0\n", 0, 0, "checkins.global_rate_limit"},
		{"grace not a duration", "[checkins]\nlate_grace = \"soon\"\n", 0, 0, "soon"},
		{"grace of a week", "[checkins]\nlate_grace = \"168h\"\n", 0, 0, "checkins.late_grace"},
		{"grace of seconds", "[checkins]\nlate_grace = \"5s\"\n", 0, 0, "checkins.late_grace"},
		{"misspelt key", "[checkins]\nglobal_rate = 50\n", 0, 0, "checkins.global_rate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := LoadConfig(writeConfig(t, "[discord]\ntoken = \"t\"\n"+tt.text), noEnv)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("LoadConfig = %v, want an error naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Checkins.GlobalRateLimit != tt.wantRate || cfg.Checkins.LateGrace != tt.wantGrace {
				t.Errorf("checkins = %+v, want rate %d and grace %v", cfg.Checkins, tt.wantRate, tt.wantGrace)
			}
		})
	}
}
