package commands

import (
	"archive/zip"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// zoneAreas are the tz database areas members pick from; the rest are
// legacy aliases, still accepted when typed in full.
var zoneAreas = []string{"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}

// TestZoneListMatchesTheGoRuntime regenerates checkin_zones.txt with -update
// from the tz database the Go toolchain ships, and otherwise checks that the
// embedded list is that database's current list.
func TestZoneListMatchesTheGoRuntime(t *testing.T) {
	t.Parallel()
	r, err := zip.OpenReader(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Fatalf("the Go toolchain's tz database: %v", err)
	}
	defer r.Close()
	var want []string
	for _, f := range r.File {
		area, _, ok := strings.Cut(f.Name, "/")
		if (ok && slices.Contains(zoneAreas, area)) || f.Name == "UTC" {
			want = append(want, f.Name)
		}
	}
	slices.Sort(want)
	if *update {
		if err := os.WriteFile("checkin_zones.txt", []byte(strings.Join(want, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !slices.Equal(tzNames, want) {
		t.Errorf("checkin_zones.txt (%d zones) differs from the Go runtime's tz database (%d): run go test ./commands -run ZoneList -update", len(tzNames), len(want))
	}
}

func TestEveryListedZoneLoads(t *testing.T) {
	t.Parallel()
	if len(tzNames) < 300 {
		t.Fatalf("only %d zones listed", len(tzNames))
	}
	for _, z := range tzNames {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("listed zone %s does not load: %v", z, err)
		}
	}
}

func TestResolveZone(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typed, want, message string
	}{
		{"Europe/London", "Europe/London", ""},
		{"  europe/london ", "Europe/London", ""},
		{"America/New York", "America/New_York", ""},
		{"america/port-au-prince", "America/Port-au-Prince", ""},
		{"US/Eastern", "US/Eastern", ""},
		{"UTC", "UTC", ""},
		{"Europe/Londn", "", "`Europe/London`"},
		{"Austrlia/Sydney", "", "`Australia/Sydney`"},
		{"Sydney", "", "`Australia/Sydney`"},
		{"", "", "I don't know the time zone"},
		{"../../etc/passwd", "", "I don't know the time zone"},
		{strings.Repeat("Europe/", 40), "", "I don't know the time zone"},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			got, err := resolveZone(tt.typed)
			if tt.message == "" {
				if err != nil || got != tt.want {
					t.Errorf("resolveZone(%q) = %q, %v; want %q", tt.typed, got, err, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("resolveZone(%q) = %q, %v; want a message with %q", tt.typed, got, err, tt.message)
			}
		})
	}
}
