package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spotter-bot/spotter"
)

const redFlagRunColumns = "id, user_id, mode, channel_id, message_id, step, answers, created_at, updated_at, expires_at"

// StartRedFlagRun begins a red-flag check for the member, shown in a DM
// until PlaceRedFlagRun says otherwise. When the member already has a run
// that has not expired, it returns that run instead and started is false;
// an expired one is replaced.
func (s *Store) StartRedFlagRun(ctx context.Context, userID string) (run spotter.RedFlagRun, started bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		run, started, err = startRedFlagRun(ctx, tx, userID, s.now())
		return err
	})
	if err != nil {
		return spotter.RedFlagRun{}, false, fmt.Errorf("start red-flag run: %w", err)
	}
	return run, started, nil
}

// RestartRedFlagRun ends the member's run oldID, if it is still theirs, and
// begins a new one as StartRedFlagRun does.
func (s *Store) RestartRedFlagRun(ctx context.Context, userID, oldID string) (run spotter.RedFlagRun, started bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM redflag_runs WHERE id = ? AND user_id = ?", oldID, userID); err != nil {
			return fmt.Errorf("delete run %s: %w", oldID, err)
		}
		run, started, err = startRedFlagRun(ctx, tx, userID, s.now())
		return err
	})
	if err != nil {
		return spotter.RedFlagRun{}, false, fmt.Errorf("restart red-flag run: %w", err)
	}
	return run, started, nil
}

func startRedFlagRun(ctx context.Context, tx *sql.Tx, userID string, now time.Time) (spotter.RedFlagRun, bool, error) {
	if _, err := tx.ExecContext(ctx, "DELETE FROM redflag_runs WHERE user_id = ? AND expires_at <= ?", userID, now.Unix()); err != nil {
		return spotter.RedFlagRun{}, false, fmt.Errorf("delete expired run: %w", err)
	}
	existing, err := scanRedFlagRun(tx.QueryRowContext(ctx, "SELECT "+redFlagRunColumns+" FROM redflag_runs WHERE user_id = ?", userID))
	if err == nil {
		return existing, false, nil
	}
	if !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		return spotter.RedFlagRun{}, false, err
	}
	// A random id: short enough for custom_ids, too long to guess.
	run := spotter.RedFlagRun{
		ID: strings.ToLower(rand.Text()), UserID: userID, Mode: spotter.RedFlagInDM,
		CreatedAt: fromUnix(now.Unix()), UpdatedAt: fromUnix(now.Unix()), ExpiresAt: fromUnix(now.Add(spotter.RedFlagRunLifetime).Unix()),
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO redflag_runs ("+redFlagRunColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		run.ID, run.UserID, string(run.Mode), run.ChannelID, run.MessageID, run.Step, run.Answers,
		run.CreatedAt.Unix(), run.UpdatedAt.Unix(), run.ExpiresAt.Unix())
	if err != nil {
		return spotter.RedFlagRun{}, false, fmt.Errorf("insert run: %w", err)
	}
	return run, true, nil
}

// RedFlagRun returns the run with the given id. It fails with
// ErrRedFlagRunNotFound when there is none, and with ErrRedFlagRunExpired
// when it has expired, deleting it then and there.
func (s *Store) RedFlagRun(ctx context.Context, id string) (spotter.RedFlagRun, error) {
	run, err := scanRedFlagRun(s.db.QueryRowContext(ctx, "SELECT "+redFlagRunColumns+" FROM redflag_runs WHERE id = ?", id))
	if err != nil {
		return spotter.RedFlagRun{}, fmt.Errorf("read red-flag run %s: %w", id, err)
	}
	if s.now().Before(run.ExpiresAt) {
		return run, nil
	}
	if _, err := s.db.ExecContext(ctx, "DELETE FROM redflag_runs WHERE id = ?", id); err != nil {
		return spotter.RedFlagRun{}, fmt.Errorf("delete expired red-flag run %s: %w", id, err)
	}
	return spotter.RedFlagRun{}, fmt.Errorf("read red-flag run %s: %w", id, spotter.ErrRedFlagRunExpired)
}

// PlaceRedFlagRun records where the run's questions are now shown; it fails
// with ErrRedFlagRunNotFound when the run is gone.
func (s *Store) PlaceRedFlagRun(ctx context.Context, id string, mode spotter.RedFlagMode, channelID, messageID string) error {
	res, err := s.db.ExecContext(ctx, "UPDATE redflag_runs SET mode = ?, channel_id = ?, message_id = ?, updated_at = ? WHERE id = ?",
		string(mode), channelID, messageID, s.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("place red-flag run %s: %w", id, err)
	}
	if err := expectOneRow(res); err != nil {
		return fmt.Errorf("place red-flag run %s: %w", id, err)
	}
	return nil
}

// AdvanceRedFlagRun stores new answers for the run and moves it to the next
// step, provided it is still at fromStep; otherwise it fails with
// ErrRedFlagRunMoved (or ErrRedFlagRunNotFound) and changes nothing.
func (s *Store) AdvanceRedFlagRun(ctx context.Context, id string, fromStep int, answers string) (spotter.RedFlagRun, error) {
	var run spotter.RedFlagRun
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE redflag_runs SET answers = ?, step = step + 1, updated_at = ? WHERE id = ? AND step = ?",
			answers, s.now().Unix(), id, fromStep)
		if err != nil {
			return err
		}
		if err := expectStep(ctx, tx, res, id); err != nil {
			return err
		}
		run, err = scanRedFlagRun(tx.QueryRowContext(ctx, "SELECT "+redFlagRunColumns+" FROM redflag_runs WHERE id = ?", id))
		return err
	})
	if err != nil {
		return spotter.RedFlagRun{}, fmt.Errorf("advance red-flag run %s: %w", id, err)
	}
	return run, nil
}

// FinishRedFlagRun ends the run at fromStep with the given outcome level:
// the run and its answers are deleted and only the level and the time are
// kept. It fails like AdvanceRedFlagRun when the run has moved on.
func (s *Store) FinishRedFlagRun(ctx context.Context, id string, fromStep int, level string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var userID string
		err := tx.QueryRowContext(ctx, "SELECT user_id FROM redflag_runs WHERE id = ? AND step = ?", id, fromStep).Scan(&userID)
		if errors.Is(err, sql.ErrNoRows) {
			return whyNoRun(ctx, tx, id)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM redflag_runs WHERE id = ?", id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO redflag_outcomes (user_id, level, decided_at) VALUES (?, ?, ?)", userID, level, s.now().Unix())
		return err
	})
	if err != nil {
		return fmt.Errorf("finish red-flag run %s: %w", id, err)
	}
	return nil
}

// StopRedFlagRun deletes the run at fromStep and its answers, keeping no
// outcome. It fails like AdvanceRedFlagRun when the run has moved on.
func (s *Store) StopRedFlagRun(ctx context.Context, id string, fromStep int) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM redflag_runs WHERE id = ? AND step = ?", id, fromStep)
		if err != nil {
			return err
		}
		return expectStep(ctx, tx, res, id)
	})
	if err != nil {
		return fmt.Errorf("stop red-flag run %s: %w", id, err)
	}
	return nil
}

// PurgeExpiredRedFlagRuns deletes every run that expired by now, answers and
// all, and returns how many it deleted.
func (s *Store) PurgeExpiredRedFlagRuns(ctx context.Context, now time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM redflag_runs WHERE expires_at <= ?", now.Unix())
	if err != nil {
		return 0, fmt.Errorf("purge expired red-flag runs: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("purge expired red-flag runs: count: %w", err)
	}
	if n > 0 {
		if err := s.scrub(ctx, "redflag_runs"); err != nil {
			return n, fmt.Errorf("purge expired red-flag runs: rows deleted, but %w", err)
		}
	}
	return n, nil
}

// RedFlagOutcomes returns the outcomes of the member's finished checks,
// oldest first.
func (s *Store) RedFlagOutcomes(ctx context.Context, userID string) ([]spotter.RedFlagOutcome, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT level, decided_at FROM redflag_outcomes WHERE user_id = ? ORDER BY decided_at, id", userID)
	if err != nil {
		return nil, fmt.Errorf("read red-flag outcomes: %w", err)
	}
	defer rows.Close()
	var out []spotter.RedFlagOutcome
	for rows.Next() {
		var o spotter.RedFlagOutcome
		var at int64
		if err := rows.Scan(&o.Level, &at); err != nil {
			return nil, fmt.Errorf("read red-flag outcome: %w", err)
		}
		o.DecidedAt = fromUnix(at)
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read red-flag outcomes: %w", err)
	}
	return out, nil
}

// expectStep turns an update or delete guarded by step that touched no row
// into the reason why.
func expectStep(ctx context.Context, tx *sql.Tx, res sql.Result, id string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("count changed rows: %w", err)
	}
	if n == 1 {
		return nil
	}
	return whyNoRun(ctx, tx, id)
}

// whyNoRun reports ErrRedFlagRunMoved when the run exists (at another step)
// and ErrRedFlagRunNotFound when it does not.
func whyNoRun(ctx context.Context, tx *sql.Tx, id string) error {
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM redflag_runs WHERE id = ?)", id).Scan(&exists); err != nil {
		return fmt.Errorf("check run exists: %w", err)
	}
	if exists {
		return spotter.ErrRedFlagRunMoved
	}
	return spotter.ErrRedFlagRunNotFound
}

func expectOneRow(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("count changed rows: %w", err)
	}
	if n == 0 {
		return spotter.ErrRedFlagRunNotFound
	}
	return nil
}

func scanRedFlagRun(row *sql.Row) (spotter.RedFlagRun, error) {
	var r spotter.RedFlagRun
	var mode string
	var created, updated, expires int64
	err := row.Scan(&r.ID, &r.UserID, &mode, &r.ChannelID, &r.MessageID, &r.Step, &r.Answers, &created, &updated, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.RedFlagRun{}, spotter.ErrRedFlagRunNotFound
	}
	if err != nil {
		return spotter.RedFlagRun{}, fmt.Errorf("scan red-flag run: %w", err)
	}
	r.Mode = spotter.RedFlagMode(mode)
	r.CreatedAt, r.UpdatedAt, r.ExpiresAt = fromUnix(created), fromUnix(updated), fromUnix(expires)
	return r, nil
}

// fromUnix reads a stored time: whole seconds since the epoch, in UTC.
func fromUnix(sec int64) time.Time { return time.Unix(sec, 0).UTC() }
