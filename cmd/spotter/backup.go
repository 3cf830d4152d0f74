package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	// The "sqlite3" driver; the store registers it too.
	_ "github.com/mattn/go-sqlite3"
)

// runBackup writes a consistent copy of the database with SQLite's
// VACUUM INTO: it reads one snapshot in a read transaction, so the bot may
// keep writing meanwhile (WAL mode lets readers and the writer run side by
// side), and the copy holds no free pages, so rows deleted before it was
// taken are not in it.
func runBackup(ctx context.Context, args []string, env environment) error {
	flags := flag.NewFlagSet("spotter backup", flag.ContinueOnError)
	configPath := flags.String("config", "config.toml", "path to the TOML configuration file (for database.path)")
	if err := parseFlags(flags, "backup", args, env); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return &usageError{msg: "usage: " + subcommands()["backup"].usage}
	}
	if err := requireCgo(); err != nil {
		return err
	}
	cfg, err := loadDatabaseConfig(*configPath, env.getenv)
	if err != nil {
		return err
	}
	if cfg.Database.Driver == DriverPostgres {
		return configErrorf("spotter backup copies the SQLite file; with database.driver = \"postgres\" back up with PostgreSQL's own tools (pg_dump, or your host's backups)")
	}
	src, err := requireDatabase(*configPath, cfg)
	if err != nil {
		return err
	}
	out, err := filepath.Abs(flags.Arg(0))
	if err != nil {
		return fmt.Errorf("backup path %s: %w", flags.Arg(0), err)
	}
	start := time.Now()
	if err := backupDatabase(ctx, src, out); err != nil {
		return err
	}
	version, err := checkBackup(ctx, out)
	if err != nil {
		return fmt.Errorf("the backup %s failed its check, keep your older backups: %w", out, err)
	}
	info, err := os.Stat(out)
	if err != nil {
		return fmt.Errorf("backup %s: %w", out, err)
	}
	fmt.Fprintf(env.stdout, "backed up %s to %s (%d bytes, schema version %d, checked) in %s\n",
		src, out, info.Size(), version, time.Since(start).Round(time.Millisecond))
	return nil
}

// backupDatabase copies the database at src to out, which must not exist.
func backupDatabase(ctx context.Context, src, out string) (err error) {
	// Creating out first, exclusively and private, is what refuses to
	// overwrite; VACUUM INTO then fills the empty file.
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return &usageError{msg: fmt.Sprintf("%s already exists: a backup never overwrites; choose a new name (e.g. with the date) or remove it first", out)}
	}
	if err != nil {
		return fmt.Errorf("create backup file: %w", err)
	}
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(out)
		}
	}()
	// mode=rw: open the existing file, never create one.
	db, err := sql.Open("sqlite3", "file:"+sqliteURIPath(src)+"?mode=rw&_busy_timeout=5000")
	if err != nil {
		return fmt.Errorf("open database %s: %w", src, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", out); err != nil {
		return fmt.Errorf("back up %s to %s: %w", src, out, err)
	}
	return nil
}

// checkBackup runs SQLite's integrity check on the copy and returns its
// schema version.
func checkBackup(ctx context.Context, path string) (int, error) {
	db, err := sql.Open("sqlite3", "file:"+sqliteURIPath(path)+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&result); err != nil {
		return 0, fmt.Errorf("integrity check: %w", err)
	}
	if result != "ok" {
		return 0, fmt.Errorf("integrity check: %s", result)
	}
	var version int
	if err := db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&version); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return version, nil
}

// sqliteURIPath escapes what SQLite's URI filenames give a meaning, so a
// path is taken literally (as the store does for database.path).
func sqliteURIPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}
