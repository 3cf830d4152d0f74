package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	// Registers the "sqlite3" driver.
	_ "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open Spotter database.
type Store struct {
	db  *sql.DB
	now func() time.Time
}

// Option changes how Open sets up the store.
type Option func(*Store)

// WithClock makes the store stamp rows with now instead of the wall clock.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// Open opens (creating if needed) the database file at path and applies any
// pending migrations. The path ":memory:" gives a private in-memory database.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if path != ":memory:" {
		if err := checkWritable(path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if path == ":memory:" {
		// Each connection to :memory: is a separate database.
		db.SetMaxOpenConns(1)
	}
	s := &Store{db: db, now: time.Now}
	for _, opt := range opts {
		opt(s)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := migrate(ctx, db, migrationFiles, s.now); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	return s, nil
}

func dsn(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "NORMAL")
	// Deleted rows are overwritten with zeros, so health data a member or
	// the retention purge deleted does not linger in free pages.
	q.Set("_secure_delete", "on")
	// Take the write lock at BEGIN so two writers queue on the busy timeout
	// instead of failing when one upgrades a read lock.
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// checkWritable turns SQLite's vague "unable to open database file" into an
// error that says which directory or file the admin must fix.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("database directory %s: %w (create it, or set database.path)", dir, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("database directory %s is not a directory (set database.path)", dir)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("database file %s is not writable: %w (fix its permissions or set database.path)", path, err)
	}
	return f.Close()
}

// scrubAttempts and scrubPause bound how long scrub waits for readers.
const (
	scrubAttempts = 20
	scrubPause    = 25 * time.Millisecond
)

// scrub copies the write-ahead log into the database file and truncates
// it, after a deletion: with secure_delete the copied pages carry zeros
// where the deleted rows were, and the truncated log keeps no older copy
// of them. A reader in the middle of a query holds the log, so scrub
// retries for a short while.
func (s *Store) scrub(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		var busy, logFrames, checkpointed int
		err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &checkpointed)
		if err != nil {
			return fmt.Errorf("truncate the write-ahead log: %w", err)
		}
		if busy == 0 {
			return nil
		}
		if attempt == scrubAttempts {
			return fmt.Errorf("truncate the write-ahead log: still in use after %d attempts", scrubAttempts)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("truncate the write-ahead log: %w", ctx.Err())
		case <-time.After(scrubPause):
		}
	}
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.db.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

// inTx runs fn in a transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, rollback(tx))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func rollback(tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("rollback: %w", err)
	}
	return nil
}
