package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/spotter-bot/spotter"
)

// The PostgreSQL adapter is this same package, not a second one: the
// queries are written once, with ? placeholders, and a thin driver wrapper
// (rebindConn) turns them into PostgreSQL's $n. Only what the two
// databases do differently lives here: the connection, the schema (its own
// numbered migrations in postgres/migrations, since the DDL differs:
// identity columns, BIGINT times, no STRICT), claiming jobs under
// concurrency, scrubbing after deletions, and error classification.
//
// It goes through database/sql with pgx's stdlib driver rather than pgx's
// native interface so that every method keeps one body for both databases:
// the SQLite adapter is database/sql too, and a second copy of each query
// in pgx's API would drift from the first.

//go:embed postgres/migrations/*.sql
var postgresFiles embed.FS

// dialect says which database a Store talks to.
type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// Pool limits on PostgreSQL: unlike SQLite, writers do not share one lock,
// so more connections help; the server's max_connections (100 by default)
// is shared by every replica.
const (
	pgMaxOpenConns = 16
	pgMaxIdleConns = 4
)

// OpenPostgres connects to the PostgreSQL database at url (a postgres://
// URL or key=value connection string) and applies any pending migrations.
func OpenPostgres(ctx context.Context, url string, opts ...Option) (*Store, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		// The parse error may quote the URL, password included.
		return nil, errors.New("open PostgreSQL database: database.url is not a valid PostgreSQL URL")
	}
	db := sql.OpenDB(rebindConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(pgMaxOpenConns)
	db.SetMaxIdleConns(pgMaxIdleConns)
	db.SetConnMaxIdleTime(time.Minute)
	s := &Store{db: db, now: time.Now, dialect: postgresDialect}
	for _, opt := range opts {
		opt(s)
	}
	where := cfg.Host + ":" + strconv.Itoa(int(cfg.Port)) + "/" + cfg.Database
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open PostgreSQL database %s: %w", where, err)
	}
	sub, err := fs.Sub(postgresFiles, "postgres")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("PostgreSQL migrations: %w", err)
	}
	if err := migrate(ctx, db, sub, s.now); err != nil {
		db.Close()
		return nil, fmt.Errorf("PostgreSQL database %s: %w", where, err)
	}
	return s, nil
}

// rebindConnector hands out connections that accept the adapter's SQLite
// style SQL.
type rebindConnector struct{ driver.Connector }

func (c rebindConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, ok := conn.(*stdlib.Conn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("pgx stdlib returned a %T", conn)
	}
	return rebindConn{pc}, nil
}

// rebindConn is a pgx stdlib connection that rewrites ? and ?N
// placeholders to $N, and sends Go booleans as 0 and 1: both schemas store
// flags as integers, so one query text and one scan serve both databases.
type rebindConn struct{ *stdlib.Conn }

func (c rebindConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(rebind(query))
}

func (c rebindConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(query))
}

func (c rebindConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, rebind(query), args)
}

func (c rebindConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, rebind(query), args)
}

func (c rebindConn) CheckNamedValue(v *driver.NamedValue) error {
	if b, ok := v.Value.(bool); ok {
		v.Value = int64(0)
		if b {
			v.Value = int64(1)
		}
	}
	return c.Conn.CheckNamedValue(v)
}

// rebind rewrites SQLite placeholders for PostgreSQL: ?N becomes $N and a
// bare ? takes the number after the highest used so far, as in SQLite.
// Quoted strings, quoted identifiers and comments are left alone.
func rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	highest := 0
	for i := 0; i < len(query); i++ {
		ch := query[i]
		switch {
		case ch == '\'' || ch == '"':
			end := strings.IndexByte(query[i+1:], ch)
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+2])
			i += end + 1
		case ch == '-' && i+1 < len(query) && query[i+1] == '-':
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+1])
			i += end
		case ch == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			n := highest + 1
			if j > i+1 {
				n, _ = strconv.Atoi(query[i+1 : j])
			}
			highest = max(highest, n)
			b.WriteString("$" + strconv.Itoa(n))
			i = j - 1
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// claimLockSpace namespaces the advisory locks ClaimJobs takes per lane.
const claimLockSpace = 0x73707474 // "sptt"

// claimJobsPostgres is ClaimJobs for PostgreSQL, where several replicas
// claim at once and no lock serialises them as SQLite's write lock does.
// It chooses candidates (the first due job of each idle lane), then per
// candidate takes a transaction-scoped advisory lock on its lane (so two
// replicas never start two jobs of one lane) and locks the row with FOR
// UPDATE SKIP LOCKED, re-checking in that fresh statement that the job is
// still due and its lane still idle: a claim committed since the first
// query is seen there, because the lane lock was held until that commit.
func (s *Store) claimJobsPostgres(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]spotter.Job, error) {
	var jobs []spotter.Job
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", int64(claimLockSpace)); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, firstDueOfIdleLanes+
			`SELECT id, l FROM first WHERE rn = 1 AND l NOT IN (SELECT l FROM busy) ORDER BY run_at, id LIMIT ?2`, now.Unix(), limit)
		if err != nil {
			return err
		}
		type candidate struct {
			id   int64
			lane string
		}
		var candidates []candidate
		for rows.Next() {
			var c candidate
			if err := rows.Scan(&c.id, &c.lane); err != nil {
				rows.Close()
				return err
			}
			candidates = append(candidates, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range candidates {
			var locked bool
			if err := tx.QueryRowContext(ctx, "SELECT pg_try_advisory_xact_lock(?, hashtext(?))", claimLockSpace, c.lane).Scan(&locked); err != nil {
				return err
			}
			if !locked {
				continue // another replica is claiming in this lane right now
			}
			j, err := scanJob(tx.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM scheduled_jobs
				WHERE id = ?1 AND ((state = 'pending' AND run_at <= ?2) OR (state = 'claimed' AND lease_until <= ?2))
				AND NOT EXISTS (SELECT 1 FROM scheduled_jobs b WHERE b.state = 'claimed' AND b.lease_until > ?2
					AND COALESCE(NULLIF(b.lane, ''), b.job_key) = ?3)
				FOR UPDATE SKIP LOCKED`, c.id, now.Unix(), c.lane))
			if errors.Is(err, sql.ErrNoRows) {
				continue // claimed, finished or locked by someone else meanwhile
			}
			if err != nil {
				return err
			}
			claimed, err := s.markClaimedTx(ctx, tx, &j, owner, now, lease)
			if err != nil {
				return err
			}
			if claimed {
				jobs = append(jobs, j)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("claim due jobs: %w", err)
	}
	return jobs, nil
}

// vacuum is scrub for PostgreSQL: VACUUM removes the deleted rows' dead
// versions from the touched tables, so no query, snapshot or index scan
// can reach them again and their space is reused. It does not promise the
// bytes are overwritten on disk at once, and it cannot reach copies the
// server keeps elsewhere: WAL segments until recycled, base backups,
// streaming replicas. Encrypt the server's disk and its backups.
func (s *Store) vacuum(ctx context.Context, tables []string) error {
	seen := map[string]bool{}
	var list []string
	for _, t := range tables {
		if !seen[t] {
			seen[t] = true
			list = append(list, t)
		}
	}
	if len(list) == 0 {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM "+strings.Join(list, ", ")); err != nil {
		return fmt.Errorf("vacuum %s: %w", strings.Join(list, ", "), err)
	}
	return nil
}

// isPostgresFailure reports whether err is PostgreSQL (or the way to it)
// failing rather than a bad query: connection trouble, a full disk, too
// many connections, a shutdown, a lock or serialization conflict.
func isPostgresFailure(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"), // connection exception
			strings.HasPrefix(pe.Code, "53"),       // insufficient resources (disk full, out of memory, too many connections)
			strings.HasPrefix(pe.Code, "57"),       // operator intervention (shutdown, cancel)
			strings.HasPrefix(pe.Code, "58"),       // system error (I/O)
			pe.Code == "40001", pe.Code == "40P01", // serialization failure, deadlock
			pe.Code == "55P03", // lock not available
			pe.Code == "25006": // read-only transaction (a standby)
			return true
		}
		return false
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) || pgconn.Timeout(err)
}
