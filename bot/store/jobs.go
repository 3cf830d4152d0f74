package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spotter-bot/spotter"
)

const jobColumns = `id, kind, job_key, payload, due_at, run_at, spec, zone, until_at,
	user_id, recipient_id, guild_id, state, attempts, claimed_at, late, last_error`

// EnqueueJob queues j unless its key already has a pending job; added
// reports which. The pending jobs j.Supersedes names are cancelled first.
func (s *Store) EnqueueJob(ctx context.Context, j spotter.NewJob) (id int64, added bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if j.Supersedes != "" {
			if _, err := s.cancelJobsTx(ctx, tx, j.Supersedes); err != nil {
				return err
			}
		}
		id, added, err = s.insertJobTx(ctx, tx, j)
		return err
	})
	if err != nil {
		return 0, false, fmt.Errorf("queue %s job: %w", j.Kind, err)
	}
	return id, added, nil
}

// ReplaceJob queues j in place of its key's pending job, if any.
func (s *Store) ReplaceJob(ctx context.Context, j spotter.NewJob) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.replaceJobTx(ctx, tx, j)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("requeue %s job: %w", j.Kind, err)
	}
	return id, nil
}

// CancelJobs cancels the pending jobs whose key starts with prefix and
// returns how many there were. Claimed jobs run to the end.
func (s *Store) CancelJobs(ctx context.Context, prefix string) (int, error) {
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = s.cancelJobsTx(ctx, tx, prefix)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("cancel jobs: %w", err)
	}
	return n, nil
}

// PendingJob returns the key's pending job, if any.
func (s *Store) PendingJob(ctx context.Context, key string) (spotter.Job, bool, error) {
	row := s.db.QueryRowContext(ctx, "SELECT "+jobColumns+" FROM scheduled_jobs WHERE job_key = ? AND state = 'pending'", key)
	j, err := scanJob(row)
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.Job{}, false, nil
	}
	if err != nil {
		return spotter.Job{}, false, fmt.Errorf("read pending job: %w", err)
	}
	return j, true, nil
}

// Jobs returns every job whose key starts with prefix, oldest first.
func (s *Store) Jobs(ctx context.Context, prefix string) ([]spotter.Job, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+jobColumns+" FROM scheduled_jobs WHERE substr(job_key, 1, length(CAST(?1 AS TEXT))) = ?1 ORDER BY due_at, id", prefix)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	jobs, err := scanJobs(rows)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	return jobs, nil
}

// firstDueOfIdleLanes starts a claim's query: "first" ranks the jobs due
// at ?1, or whose lease ran out by then, so that rn = 1 is the earliest of
// each lane, and "busy" lists the lanes with a job in progress. A lane runs
// one job at a time, so one busy member cannot take every slot.
const firstDueOfIdleLanes = `WITH due AS (
		SELECT id, run_at, COALESCE(NULLIF(lane, ''), job_key) AS l FROM scheduled_jobs
		WHERE (state = 'pending' AND run_at <= ?1) OR (state = 'claimed' AND lease_until <= ?1)
	), busy AS (
		SELECT COALESCE(NULLIF(lane, ''), job_key) AS l FROM scheduled_jobs WHERE state = 'claimed' AND lease_until > ?1
	), first AS (
		SELECT id, run_at, l, row_number() OVER (PARTITION BY l ORDER BY run_at, id) AS rn FROM due
	)
	`

// ClaimJobs claims up to limit jobs that are due at now, or whose previous
// claim's lease expired, for owner until now+lease, in one transaction, so
// two claimants never get the same job.
func (s *Store) ClaimJobs(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]spotter.Job, error) {
	var jobs []spotter.Job
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, firstDueOfIdleLanes+`SELECT `+jobColumns+` FROM scheduled_jobs WHERE id IN (
				SELECT id FROM first WHERE rn = 1 AND l NOT IN (SELECT l FROM busy) ORDER BY run_at, id LIMIT ?2)
			ORDER BY run_at, id`, now.Unix(), limit)
		if err != nil {
			return err
		}
		candidates, err := scanJobs(rows)
		if err != nil {
			return err
		}
		for i := range candidates {
			claimed, err := s.markClaimedTx(ctx, tx, &candidates[i], owner, now, lease)
			if err != nil {
				return err
			}
			if claimed {
				jobs = append(jobs, candidates[i])
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("claim due jobs: %w", err)
	}
	return jobs, nil
}

// markClaimedTx gives j to owner until now+lease, if it is still free to
// claim: on PostgreSQL another replica's claim may have committed since this
// transaction chose j, and the update then finds nothing (claimed false).
func (s *Store) markClaimedTx(ctx context.Context, tx *sql.Tx, j *spotter.Job, owner string, now time.Time, lease time.Duration) (claimed bool, err error) {
	res, err := tx.ExecContext(ctx, `UPDATE scheduled_jobs SET state = 'claimed', claimed_by = ?, claimed_at = ?,
		lease_until = ?, attempts = attempts + 1
		WHERE id = ? AND ((state = 'pending' AND run_at <= ?) OR (state = 'claimed' AND lease_until <= ?))`,
		owner, now.Unix(), now.Add(lease).Unix(), j.ID, now.Unix(), now.Unix())
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	j.Attempts++
	j.Abandoned = j.State == spotter.JobClaimed
	j.State = spotter.JobClaimed
	return true, nil
}

// ExtendLeases moves the lease of every job owner holds to until, so jobs
// still in progress are not claimed again.
func (s *Store) ExtendLeases(ctx context.Context, owner string, until time.Time) error {
	_, err := s.db.ExecContext(ctx, "UPDATE scheduled_jobs SET lease_until = ? WHERE state = 'claimed' AND claimed_by = ?", until.Unix(), owner)
	if err != nil {
		return fmt.Errorf("extend job leases: %w", err)
	}
	return nil
}

// TakeOverJobs ends the leases of every job claimed by an owner other than
// owner, so owner can claim them at once, and returns how many. A new
// leader calls it: the jobs were claimed by a replica that has lost the
// lead, which no longer sends. Each job keeps its earlier claim, so it is
// re-sent only within Discord's nonce memory (see ClaimJobs).
func (s *Store) TakeOverJobs(ctx context.Context, owner string, now time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, "UPDATE scheduled_jobs SET lease_until = ? WHERE state = 'claimed' AND claimed_by <> ? AND lease_until > ?",
		now.Unix(), owner, now.Unix())
	if err != nil {
		return 0, fmt.Errorf("take over claimed jobs: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("take over claimed jobs: %w", err)
	}
	return int(n), nil
}

// FinishJob records how a job owner claimed ended and queues the series'
// next occurrence in the same transaction. It returns ErrLeaseLost when the
// job is no longer owner's.
func (s *Store) FinishJob(ctx context.Context, id int64, owner string, r spotter.JobResult) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE scheduled_jobs SET state = ?, late = ?, last_error = ?, finished_at = ?, lease_until = 0
			WHERE id = ? AND state = 'claimed' AND claimed_by = ?`,
			string(r.State), r.Late, r.Error, s.now().Unix(), id, owner)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(spotter.ErrLeaseLost, err)
		}
		if r.Next != nil {
			_, _, err = s.insertJobTx(ctx, tx, *r.Next)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("finish job %d: %w", id, err)
	}
	return nil
}

// RetryJob puts a job owner claimed back in the queue, to be tried at at.
// If its key got a new pending job meanwhile, the new one wins and this one
// is cancelled.
func (s *Store) RetryJob(ctx context.Context, id int64, owner string, at time.Time, reason string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var superseded bool
		err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM scheduled_jobs p JOIN scheduled_jobs j ON p.job_key = j.job_key
			WHERE j.id = ? AND p.state = 'pending')`, id).Scan(&superseded)
		if err != nil {
			return err
		}
		state, finished := spotter.JobPending, int64(0)
		if superseded {
			state, finished = spotter.JobCancelled, s.now().Unix()
		}
		res, err := tx.ExecContext(ctx, `UPDATE scheduled_jobs SET state = ?, run_at = ?, last_error = ?, claimed_by = '', lease_until = 0, finished_at = ?
			WHERE id = ? AND state = 'claimed' AND claimed_by = ?`, string(state), at.Unix(), reason, finished, id, owner)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(spotter.ErrLeaseLost, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("retry job %d: %w", id, err)
	}
	return nil
}

// PruneJobs deletes finished jobs that finished before before and returns
// how many.
func (s *Store) PruneJobs(ctx context.Context, before time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM scheduled_jobs WHERE state IN ('done', 'failed', 'skipped', 'cancelled') AND finished_at < ?`, before.Unix())
	if err != nil {
		return 0, fmt.Errorf("prune finished jobs: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune finished jobs: %w", err)
	}
	return int(n), nil
}

func (s *Store) insertJobTx(ctx context.Context, tx *sql.Tx, j spotter.NewJob) (int64, bool, error) {
	if j.Kind == "" || j.Key == "" || j.DueAt.IsZero() {
		return 0, false, errors.New("a job needs a kind, a key and a due time")
	}
	payload := string(j.Payload)
	if payload == "" {
		payload = "{}"
	}
	var until int64
	if !j.Until.IsZero() {
		until = j.Until.Unix()
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO scheduled_jobs (kind, job_key, lane, payload, due_at, run_at, spec, zone, until_at,
			user_id, recipient_id, guild_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (job_key) WHERE state = 'pending' DO NOTHING RETURNING id`,
		j.Kind, j.Key, spotter.JobLane(j.Key), payload, j.DueAt.Unix(), j.DueAt.Unix(), j.Spec, j.Zone, until,
		j.UserID, j.RecipientID, j.GuildID, s.now().Unix()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return id, true, nil
}

func (s *Store) replaceJobTx(ctx context.Context, tx *sql.Tx, j spotter.NewJob) (int64, error) {
	if _, err := tx.ExecContext(ctx, "UPDATE scheduled_jobs SET state = 'cancelled', finished_at = ? WHERE job_key = ? AND state = 'pending'", s.now().Unix(), j.Key); err != nil {
		return 0, err
	}
	id, _, err := s.insertJobTx(ctx, tx, j)
	return id, err
}

func (s *Store) cancelJobsTx(ctx context.Context, tx *sql.Tx, prefix string) (int, error) {
	if strings.TrimSpace(prefix) == "" {
		return 0, errors.New("cancelling jobs needs a key prefix")
	}
	res, err := tx.ExecContext(ctx, `UPDATE scheduled_jobs SET state = 'cancelled', finished_at = ?1
		WHERE state = 'pending' AND substr(job_key, 1, length(CAST(?2 AS TEXT))) = ?2`, s.now().Unix(), prefix)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface {
	Scan(dest ...any) error
}

// queryAll runs query and scans every row it returns with scan; what names
// the list in errors ("list shares").
func queryAll[T any](ctx context.Context, db *sql.DB, what string, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

func scanJob(r rowScanner) (spotter.Job, error) {
	var (
		j                                spotter.Job
		payload, state                   string
		due, run, until, claimed, lateDB int64
	)
	err := r.Scan(&j.ID, &j.Kind, &j.Key, &payload, &due, &run, &j.Spec, &j.Zone, &until,
		&j.UserID, &j.RecipientID, &j.GuildID, &state, &j.Attempts, &claimed, &lateDB, &j.LastError)
	if err != nil {
		return spotter.Job{}, err
	}
	j.Payload = []byte(payload)
	j.DueAt = unixTime(due)
	j.RunAt = unixTime(run)
	j.Until = unixTime(until)
	j.PreviousClaim = unixTime(claimed)
	j.State = spotter.JobState(state)
	j.Late = lateDB != 0
	return j, nil
}

func scanJobs(rows *sql.Rows) ([]spotter.Job, error) {
	defer rows.Close()
	var out []spotter.Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// unixTime turns stored Unix seconds into a UTC time; 0 is the zero time.
func unixTime(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}
