package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/spotter-bot/spotter"
)

// planSelect reads a plan with its next due time from the daily series'
// pending job, whose key (spotter.CheckinDailyKey) is its first parameter.
const planSelect = `SELECT p.id, p.user_id, p.local_time, p.zone, p.days, p.started_at, p.ends_at, p.status, p.paused_reason,
	COALESCE((SELECT j.due_at FROM scheduled_jobs j WHERE j.job_key = ? AND j.state = 'pending'), 0)
	FROM checkin_plans p`

// CheckinPlan returns the member's plan, if they ever started one.
func (s *Store) CheckinPlan(ctx context.Context, userID string) (spotter.CheckinPlan, bool, error) {
	p, err := scanPlan(s.db.QueryRowContext(ctx, planSelect+" WHERE p.user_id = ?", spotter.CheckinDailyKey(userID), userID))
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.CheckinPlan{}, false, nil
	}
	if err != nil {
		return spotter.CheckinPlan{}, false, fmt.Errorf("read check-in plan: %w", err)
	}
	return p, true, nil
}

// StartCheckinPlan starts the member's plan, or restarts it with new
// settings (one plan per member), records the baseline reading and queues
// daily as the plan's next check-in, all in one transaction.
func (s *Store) StartCheckinPlan(ctx context.Context, p spotter.CheckinPlan, baseline spotter.PainEntry, daily spotter.NewJob) (spotter.CheckinPlan, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO checkin_plans (user_id, local_time, zone, days, started_at, ends_at, status, paused_reason, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 'active', '', ?)
			ON CONFLICT (user_id) DO UPDATE SET local_time = excluded.local_time, zone = excluded.zone, days = excluded.days,
				started_at = excluded.started_at, ends_at = excluded.ends_at, status = 'active', paused_reason = '', updated_at = excluded.updated_at
			RETURNING id`,
			p.UserID, p.LocalTime, p.Zone, p.Days, p.StartedAt.Unix(), p.EndsAt.Unix(), s.now().Unix()).Scan(&id)
		if err != nil {
			return err
		}
		baseline.PlanID = id
		if _, err := insertEntryTx(ctx, tx, baseline); err != nil {
			return err
		}
		if err := deleteNoticeTx(ctx, tx, p.UserID, spotter.NoticeCheckinsDMsClosed); err != nil {
			return err
		}
		_, err = s.replaceJobTx(ctx, tx, daily)
		return err
	})
	if err != nil {
		return spotter.CheckinPlan{}, fmt.Errorf("start check-in plan: %w", err)
	}
	return s.mustPlan(ctx, p.UserID)
}

// RescheduleCheckinPlan changes the plan's time, zone and length. An active
// plan's queued check-in is replaced by daily, or cancelled when daily is
// nil (the plan has run its course).
func (s *Store) RescheduleCheckinPlan(ctx context.Context, p spotter.CheckinPlan, daily *spotter.NewJob) (spotter.CheckinPlan, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var status string
		err := tx.QueryRowContext(ctx, `UPDATE checkin_plans SET local_time = ?, zone = ?, days = ?, ends_at = ?, updated_at = ?
			WHERE user_id = ? RETURNING status`, p.LocalTime, p.Zone, p.Days, p.EndsAt.Unix(), s.now().Unix(), p.UserID).Scan(&status)
		if err != nil {
			return err
		}
		if spotter.PlanStatus(status) != spotter.PlanActive {
			return nil
		}
		if daily == nil {
			_, err = s.cancelJobsTx(ctx, tx, spotter.CheckinDailyKey(p.UserID))
			return err
		}
		_, err = s.replaceJobTx(ctx, tx, *daily)
		return err
	})
	if err != nil {
		return spotter.CheckinPlan{}, fmt.Errorf("change check-in plan: %w", err)
	}
	return s.mustPlan(ctx, p.UserID)
}

// PauseCheckinPlan pauses an active plan for reason and cancels every
// check-in job queued for the member; paused reports whether it was active.
// A plan paused because DMs are closed also leaves the member a notice.
func (s *Store) PauseCheckinPlan(ctx context.Context, userID, reason string) (paused bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE checkin_plans SET status = 'paused', paused_reason = ?, updated_at = ?
			WHERE user_id = ? AND status = 'active'`, reason, s.now().Unix(), userID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		paused = n > 0
		if _, err := s.cancelJobsTx(ctx, tx, spotter.CheckinKeyPrefix(userID)); err != nil {
			return err
		}
		if paused && reason == spotter.PausedDMsClosed {
			return s.addNoticeTx(ctx, tx, userID, spotter.NoticeCheckinsDMsClosed)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("pause check-in plan: %w", err)
	}
	return paused, nil
}

// ResumeCheckinPlan makes a paused plan active again with daily as its next
// check-in, and drops any notice about why it was paused.
func (s *Store) ResumeCheckinPlan(ctx context.Context, userID string, daily spotter.NewJob) (spotter.CheckinPlan, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE checkin_plans SET status = 'active', paused_reason = '', updated_at = ?
			WHERE user_id = ? AND status = 'paused'`, s.now().Unix(), userID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(errors.New("the plan is not paused"), err)
		}
		if err := deleteNoticeTx(ctx, tx, userID, spotter.NoticeCheckinsDMsClosed); err != nil {
			return err
		}
		_, err = s.replaceJobTx(ctx, tx, daily)
		return err
	})
	if err != nil {
		return spotter.CheckinPlan{}, fmt.Errorf("resume check-in plan: %w", err)
	}
	return s.mustPlan(ctx, userID)
}

// StopCheckinPlan stops the member's plan and cancels every check-in job
// queued for them; the history stays. stopped reports whether a running or
// paused plan was stopped.
func (s *Store) StopCheckinPlan(ctx context.Context, userID string) (stopped bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE checkin_plans SET status = 'stopped', paused_reason = '', updated_at = ?
			WHERE user_id = ? AND status != 'stopped'`, s.now().Unix(), userID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		stopped = n > 0
		_, err = s.cancelJobsTx(ctx, tx, spotter.CheckinKeyPrefix(userID))
		return err
	})
	if err != nil {
		return false, fmt.Errorf("stop check-in plan: %w", err)
	}
	return stopped, nil
}

func (s *Store) mustPlan(ctx context.Context, userID string) (spotter.CheckinPlan, error) {
	p, ok, err := s.CheckinPlan(ctx, userID)
	if err != nil {
		return spotter.CheckinPlan{}, err
	}
	if !ok {
		return spotter.CheckinPlan{}, errors.New("read check-in plan: it vanished")
	}
	return p, nil
}

func scanPlan(r rowScanner) (spotter.CheckinPlan, error) {
	var (
		p                        spotter.CheckinPlan
		status                   string
		started, ends, nextDueAt int64
	)
	err := r.Scan(&p.ID, &p.UserID, &p.LocalTime, &p.Zone, &p.Days, &started, &ends, &status, &p.PausedReason, &nextDueAt)
	if err != nil {
		return spotter.CheckinPlan{}, err
	}
	p.StartedAt, p.EndsAt, p.NextDue = unixTime(started), unixTime(ends), unixTime(nextDueAt)
	p.Status = spotter.PlanStatus(status)
	return p, nil
}
