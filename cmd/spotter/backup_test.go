package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/spotter-bot/spotter/bot/store"
)

// seedDatabase creates a database with n members who chose a region and a
// config file naming it by a path relative to the config's folder.
func seedDatabase(t *testing.T, n int) (configPath, dbPath string) {
	t.Helper()
	dir := t.TempDir()
	dbPath = filepath.Join(dir, "data", "spotter.db")
	if err := os.Mkdir(filepath.Dir(dbPath), 0o700); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := range n {
		if err := db.SetMemberRegion(context.Background(), fmt.Sprintf("1800000000000%05d", i), "GB"); err != nil {
			t.Fatal(err)
		}
	}
	configPath = filepath.Join(dir, "config.toml")
	if err := os.WriteFile(configPath, []byte("[database]\npath = \"data/spotter.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return configPath, dbPath
}

func TestBackupWhileTheBotWritesIsAConsistentCheckedCopy(t *testing.T) {
	configPath, dbPath := seedDatabase(t, 50)
	// The bot keeps writing while the backup runs.
	live, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	var stop atomic.Bool
	var wg sync.WaitGroup
	writing := make(chan struct{})
	var once sync.Once
	wg.Go(func() {
		defer once.Do(func() { close(writing) })
		for i := 0; !stop.Load(); i++ {
			if err := live.SetMemberRegion(context.Background(), fmt.Sprintf("1900000000000%05d", i), "NZ"); err != nil {
				t.Errorf("the bot's write failed during the backup: %v", err)
				return
			}
			if i == 5 {
				once.Do(func() { close(writing) })
			}
		}
	})
	<-writing
	out := filepath.Join(t.TempDir(), "spotter-backup.db")
	var stdout, stderr strings.Builder
	err = run(context.Background(), []string{"backup", "-config", configPath, out}, noEnv, &stdout, &stderr)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "checked") || !strings.Contains(stdout.String(), out) {
		t.Errorf("backup output: %q", stdout.String())
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v: it holds health data and should be 0600", info.Mode().Perm())
	}
	// Restoring is opening the copy: it passes the start-up checks and has
	// the members written before the backup.
	restored, err := store.Open(context.Background(), out)
	if err != nil {
		t.Fatalf("the backup does not open as a Spotter database: %v", err)
	}
	defer restored.Close()
	region, err := restored.MemberRegion(context.Background(), "180000000000000049")
	if err != nil || region != "GB" {
		t.Errorf("member from before the backup: region %q, %v", region, err)
	}
}

func TestBackupNeverOverwrites(t *testing.T) {
	configPath, _ := seedDatabase(t, 1)
	out := filepath.Join(t.TempDir(), "precious.db")
	if err := os.WriteFile(out, []byte("last week's backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout strings.Builder
	err := run(context.Background(), []string{"backup", "-config", configPath, out}, noEnv, &stdout, &stdout)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("backup over an existing file: %v, want a refusal", err)
	}
	if data, _ := os.ReadFile(out); string(data) != "last week's backup" {
		t.Errorf("the existing file was changed: %q", data)
	}
}

func TestBackupOfAMissingDatabaseCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	configPath := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(configPath, []byte("[database]\npath = \"spotter.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "backup.db")
	var stdout strings.Builder
	err := run(context.Background(), []string{"backup", "-config", configPath, out}, noEnv, &stdout, &stdout)
	if code := exitCode(err, &stdout); code != 2 || !strings.Contains(err.Error(), filepath.Join(dir, "spotter.db")) {
		t.Errorf("exit %d (%v), want 2 naming the missing database", code, err)
	}
	for _, p := range []string{filepath.Join(dir, "spotter.db"), out} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was created", p)
		}
	}
}
