package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	// Registers the "sqlite3" driver.
	_ "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open Spotter database.
type Store struct {
	db      *sql.DB
	now     func() time.Time
	dialect dialect
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
	} else {
		// Writers take turns on SQLite's one write lock anyway: a burst of
		// handlers must queue for a connection, not open a file each.
		db.SetMaxOpenConns(maxOpenConns)
		db.SetMaxIdleConns(maxIdleConns)
		db.SetConnMaxIdleTime(time.Minute)
	}
	s := &Store{db: db, now: time.Now}
	for _, opt := range opts {
		opt(s)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, corrupted(path, fmt.Errorf("open database %s: %w", path, err))
	}
	if err := quickCheck(ctx, db); err != nil {
		db.Close()
		return nil, corrupted(path, fmt.Errorf("database %s: %w", path, err))
	}
	if err := migrate(ctx, db, migrationFiles, s.now); err != nil {
		db.Close()
		return nil, corrupted(path, fmt.Errorf("database %s: %w", path, err))
	}
	return s, nil
}

// ErrUnusablePath means the database's directory or file is missing or not
// writable: a configuration problem that restarting does not fix.
var ErrUnusablePath = errors.New("database path unusable")

// ErrCorrupt means the database file is damaged: restarting does not fix
// it, restoring a backup does.
var ErrCorrupt = errors.New("database corrupted")

// quickCheck runs SQLite's quick integrity check, so a damaged file stops
// the start instead of failing on some later write.
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check(5)")
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: integrity check found: %s", ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// corrupted adds the way out to an error that shows a damaged file.
func corrupted(path string, err error) error {
	if errors.Is(err, ErrCorrupt) || isDamagedFile(err) {
		if !errors.Is(err, ErrCorrupt) {
			err = fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		return fmt.Errorf("%w: stop Spotter and restore %s from your latest backup (keep the damaged copy aside)", err, path)
	}
	return err
}

// uriPath escapes the characters SQLite's URI filenames give a meaning
// (and the driver splits options on), so a path is taken literally.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// stmtCacheSize is how many prepared statements each SQLite connection
// keeps; the store runs a few dozen distinct queries.
const stmtCacheSize = 64

func dsn(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", strconv.FormatInt(busyTimeout.Milliseconds(), 10))
	q.Set("_synchronous", "NORMAL")
	// Deleted rows are overwritten with zeros, so health data a member or
	// the retention purge deleted does not linger in free pages.
	q.Set("_secure_delete", "on")
	// Take the write lock at BEGIN so two writers queue on the busy timeout
	// instead of failing when one upgrades a read lock.
	q.Set("_txlock", "immediate")
	// Keep each connection's recent statements compiled: preparing was a
	// third of the cost of a one-row read on the hot path of /sore-back.
	q.Set("_stmt_cache_size", strconv.Itoa(stmtCacheSize))
	if path == ":memory:" {
		return "file:" + path + "?" + q.Encode()
	}
	return "file:" + uriPath.Replace(path) + "?" + q.Encode()
}

// checkWritable turns SQLite's vague "unable to open database file" into an
// error that says which directory or file the admin must fix.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("%w: database directory %s: %w (create it, or set database.path)", ErrUnusablePath, dir, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("%w: database directory %s is not a directory (set database.path)", ErrUnusablePath, dir)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("%w: database file %s is not writable: %w (fix its permissions or set database.path)", ErrUnusablePath, path, err)
	}
	return f.Close()
}

// Connection pool limits and lock waits.
const (
	maxOpenConns = 8
	maxIdleConns = 2
	// busyTimeout is how long a statement waits for another's lock.
	busyTimeout = 5 * time.Second
	// writeCheckWait is how long PingWrite waits for the write lock.
	writeCheckWait = 500 * time.Millisecond
)

// querier is what reads need: a transaction or a connection.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readTx runs fn in a read transaction: one consistent snapshot, without
// the write lock inTx takes at BEGIN (the DSN makes every BEGIN
// IMMEDIATE), so reads never queue behind writers.
func (s *Store) readTx(ctx context.Context, fn func(querier) error) (err error) {
	if s.dialect == postgresDialect {
		// One snapshot for every query; PostgreSQL reads never wait for writers.
		tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
		if err != nil {
			return fmt.Errorf("begin read transaction: %w", err)
		}
		defer func() { err = errors.Join(err, rollback(tx)) }()
		return fn(tx)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("read transaction: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return fmt.Errorf("begin read transaction: %w", err)
	}
	defer func() {
		// A read has nothing to commit; a connection that cannot end its
		// transaction must not go back to the pool.
		if _, rbErr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rbErr != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			err = errors.Join(err, fmt.Errorf("end read transaction: %w", rbErr))
		}
	}()
	return fn(conn)
}

// PingWrite reports whether the database takes writes: a locked database
// or a full disk still answers Ping. It waits for the write lock for at
// most writeCheckWait, not the full busy timeout, so /healthz answers fast.
func (s *Store) PingWrite(ctx context.Context) (err error) {
	if s.dialect == postgresDialect {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("SET LOCAL lock_timeout = %d", writeCheckWait.Milliseconds())); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at", s.now().Unix())
			return err
		})
		if err != nil {
			return fmt.Errorf("database write check: %w", err)
		}
		return nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("database write check: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", writeCheckWait.Milliseconds())); err != nil {
		return fmt.Errorf("database write check: %w", err)
	}
	defer func() {
		if _, resetErr := conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeout.Milliseconds())); resetErr != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	_, err = conn.ExecContext(ctx, "INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at", s.now().Unix())
	if err != nil {
		return fmt.Errorf("database write check: %w", err)
	}
	return nil
}

// scrubAttempts and scrubPause bound how long scrub waits for readers.
const (
	scrubAttempts = 20
	scrubPause    = 25 * time.Millisecond
)

// scrub runs after a deletion of member or health data from tables. On
// PostgreSQL it vacuums those tables (see vacuum). On SQLite it copies the
// write-ahead log into the database file and truncates it: with secure_delete the copied pages carry zeros
// where the deleted rows were, and the truncated log keeps no older copy
// of them. A reader in the middle of a query holds the log, so scrub
// retries for a short while.
func (s *Store) scrub(ctx context.Context, tables ...string) error {
	if s.dialect == postgresDialect {
		return s.vacuum(ctx, tables)
	}
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
