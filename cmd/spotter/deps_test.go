package main

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestCryptoIsNotPinnedToItsOld2021Version guards the require line that
// raises golang.org/x/crypto above the 2021 version discordgo v0.29.0 asks
// for: many vulnerabilities were fixed since.
func TestCryptoIsNotPinnedToItsOld2021Version(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	var version string
	for _, line := range strings.Split(string(mod), "\n") {
		fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(fields) >= 2 && fields[0] == "golang.org/x/crypto" {
			version = fields[1]
		}
	}
	minor := -1
	if parts := strings.Split(strings.TrimPrefix(version, "v"), "."); len(parts) == 3 && parts[0] == "0" {
		minor, _ = strconv.Atoi(parts[1])
	}
	if minor < 57 {
		t.Errorf("go.mod requires golang.org/x/crypto %s; want v0.57.0 or newer", version)
	}
}
