package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"
	"time"
)

// leadCheckTimeout bounds one look at the lead, so a database that stops
// answering costs the lead instead of hanging the scheduler.
const leadCheckTimeout = 5 * time.Second

// leadLockKey is the PostgreSQL advisory lock the lead is held by. It is
// derived from the schema, so two deployments sharing a database in
// different schemas each have their own lead.
const leadLockKey = `hashtextextended('spotter scheduler lead ' || current_schema(), 0)`

// Leadership is one process's claim to lead the replicas sharing the
// database: the leader alone claims due jobs, so the fleet sends scheduled
// messages from one paced sender and runs retention once.
//
// On PostgreSQL the lead is a session-level advisory lock held on a
// connection set aside from the pool. The server releases it the moment
// that session ends, so a leader killed with kill -9 frees the lead as soon
// as its socket closes, and another replica takes it at its next heartbeat.
// A SQLite database belongs to one process, which always leads.
type Leadership struct {
	store *Store

	mu   sync.Mutex
	conn *sql.Conn // the session holding the lock; nil while not leading
}

// Leadership returns this process's claim to the lead; it holds nothing
// until Lead is called.
func (s *Store) Leadership() *Leadership {
	return &Leadership{store: s}
}

// Lead reports whether this process leads now: it checks that the session
// holding the lead is alive, or tries to take the lead if nobody holds it.
// An error means this process does not lead.
func (l *Leadership) Lead(ctx context.Context) (bool, error) {
	if l.store.dialect == sqliteDialect {
		return true, nil
	}
	ctx, cancel := context.WithTimeout(ctx, leadCheckTimeout)
	defer cancel()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn != nil {
		if err := l.conn.PingContext(ctx); err != nil {
			l.discardLocked()
			return false, fmt.Errorf("check the scheduler lead: %w", err)
		}
		return true, nil
	}
	conn, err := l.store.db.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("try to take the scheduler lead: %w", err)
	}
	var taken bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock("+leadLockKey+")").Scan(&taken); err != nil {
		l.conn = conn
		l.discardLocked()
		return false, fmt.Errorf("try to take the scheduler lead: %w", err)
	}
	if !taken {
		if err := conn.Close(); err != nil {
			return false, fmt.Errorf("try to take the scheduler lead: %w", err)
		}
		return false, nil
	}
	l.conn = conn
	return true, nil
}

// Resign gives the lead up, if this process holds it, so another replica
// can take it at once instead of waiting for this one to exit.
func (l *Leadership) Resign(ctx context.Context) error {
	if l.store.dialect == sqliteDialect {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, leadCheckTimeout)
	defer cancel()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn == nil {
		return nil
	}
	_, err := l.conn.ExecContext(ctx, "SELECT pg_advisory_unlock("+leadLockKey+")")
	if err != nil {
		l.discardLocked()
		return fmt.Errorf("give up the scheduler lead: %w", err)
	}
	err = l.conn.Close()
	l.conn = nil
	if err != nil {
		return fmt.Errorf("give up the scheduler lead: %w", err)
	}
	return nil
}

// discardLocked closes the lead's session rather than return it to the
// pool: whatever state it is in, the server then releases the lock, and no
// pooled connection can hold the lead without this process knowing.
func (l *Leadership) discardLocked() {
	_ = l.conn.Raw(func(any) error { return driver.ErrBadConn }) // always "fails": that is what discards it.
	_ = l.conn.Close()                                           // already closed by the line above; nothing to report.
	l.conn = nil
}
