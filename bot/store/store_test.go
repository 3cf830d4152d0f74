package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	return openTestStore(t)
}

func TestOpenSetsWALForeignKeysAndBusyTimeout(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	var timeout int
	if err := s.db.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout < 1000 {
		t.Errorf("busy_timeout = %d, %v; want at least 1000 ms", timeout, err)
	}
}

func TestOpenAppliesEveryMigrationOnceAcrossRestarts(t *testing.T) {
	s, path := openTemp(t)
	known, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	count := func(s *Store) int {
		var n int
		if err := s.db.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := count(s); got != len(known) {
		t.Fatalf("applied %d migrations, want %d", got, len(known))
	}
	if err := s.SetMemberRegion(context.Background(), "42", "GB"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	again, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer again.Close()
	if got := count(again); got != len(known) {
		t.Errorf("after reopen: %d migrations recorded, want %d", got, len(known))
	}
	if region, _ := again.MemberRegion(context.Background(), "42"); region != "GB" {
		t.Errorf("region after restart = %q, want GB", region)
	}
}

func TestOpenRefusesADatabaseFromANewerBuild(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 0)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(context.Background(), path)
	var newer *ErrNewerSchema
	if !errors.As(err, &newer) || newer.Database != 999 {
		t.Fatalf("Open = %v, want ErrNewerSchema for version 999", err)
	}
	if !strings.Contains(err.Error(), "newer Spotter") {
		t.Errorf("error does not tell the admin what to do: %v", err)
	}
}

func TestOpenExplainsAnUnwritableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores file permissions; use a path whose directory is a file.
		file := filepath.Join(t.TempDir(), "not-a-dir")
		if err := os.WriteFile(file, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(context.Background(), filepath.Join(file, "spotter.db"))
		if err == nil || !strings.Contains(err.Error(), "database.path") {
			t.Fatalf("Open under a file = %v, want an error naming database.path", err)
		}
		return
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), filepath.Join(dir, "spotter.db"))
	if err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("Open in a read-only dir = %v, want a not writable error", err)
	}
}

func TestOpenReportsAMissingDirectory(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "missing", "spotter.db"))
	if err == nil || !strings.Contains(err.Error(), "create it") {
		t.Fatalf("Open in a missing dir = %v, want advice to create it", err)
	}
}

func TestLoadMigrationsRejectsBadSets(t *testing.T) {
	cases := map[string]fstest.MapFS{
		"gap":        {"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		"duplicate":  {"migrations/0001_a.sql": {}, "migrations/1_b.sql": {}},
		"unnumbered": {"migrations/init.sql": {}},
	}
	for name, fsys := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := loadMigrations(fsys); err == nil {
				t.Error("loadMigrations accepted a bad set")
			}
		})
	}
}

func TestFailedMigrationLeavesNoHalfAppliedSchema(t *testing.T) {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	bad := fstest.MapFS{
		"migrations/0001_fine.sql":   {Data: []byte("CREATE TABLE fine (id INTEGER);")},
		"migrations/0002_broken.sql": {Data: []byte("CREATE TABLE half (id INTEGER); CREATE TABLE oops (;")},
	}
	if err := migrate(context.Background(), db, bad, time.Now); err == nil {
		t.Fatal("a broken migration was accepted")
	}
	var half, fine, version int
	if err := db.QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").Scan(&half); err != nil || half != 0 {
		t.Errorf("table from the failed migration exists (%d, %v): migrations must be atomic", half, err)
	}
	if err := db.QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE name = 'fine'").Scan(&fine); err != nil || fine != 1 {
		t.Errorf("the good migration before it was not kept (%d, %v)", fine, err)
	}
	if err := db.QueryRow("SELECT MAX(version) FROM schema_migrations").Scan(&version); err != nil || version != 1 {
		t.Errorf("recorded version = %d, %v; want 1", version, err)
	}
}

func TestMemberRegionDefaultsToEmptyAndCanBeCleared(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if r, err := s.MemberRegion(ctx, "7"); err != nil || r != "" {
		t.Fatalf("unknown member region = %q, %v", r, err)
	}
	if err := s.SetMemberRegion(ctx, "7", "AU"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMemberRegion(ctx, "7", ""); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.MemberRegion(ctx, "7"); r != "" {
		t.Errorf("cleared region = %q", r)
	}
}

func TestOpenTakesAPathWithURICharactersLiterally(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "odd?name#1 %41")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "spotter.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetMemberRegion(context.Background(), memberA, "GB"); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Size() == 0 {
		t.Errorf("the database is not at %s (%v)", path, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files were created outside the configured directory: %v", names)
	}
}
