package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryBuiltWithoutCgoSaysInstallGcc builds spotter as a machine
// without a C compiler would (CGO_ENABLED=0) and runs it: it must say how
// to fix that, create no database, and still answer `spotter version`.
func TestBinaryBuiltWithoutCgoSaysInstallGcc(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a second binary")
	}
	t.Parallel()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool in PATH to build with")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "spotter")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("a build without cgo must compile, so the binary can say what is wrong: %v\n%s", err, out)
	}
	config := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(config, []byte("[database]\npath = \"spotter.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-config", config}, {"backup", "-config", config, filepath.Join(dir, "b.db")}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "DISCORD_TOKEN=t")
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 {
			t.Errorf("spotter %v: %v, want exit 2", args, err)
		}
		if !strings.Contains(string(out), "built without cgo: install gcc and rebuild") || strings.Contains(string(out), "This is a stub") {
			t.Errorf("spotter %v printed %q, want the fix, not go-sqlite3's stub error", args, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "spotter.db")); err == nil {
		t.Error("the binary without cgo created an empty database")
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "built without cgo") {
		t.Errorf("spotter version: %v\n%s", err, out)
	}
}
