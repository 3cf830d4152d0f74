package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter"
)

const promptSelect = `SELECT c.id, c.plan_id, p.user_id, c.job_id, c.kind, c.due_at, COALESCE(c.workout_entry_id, 0), c.late,
	c.channel_id, c.message_id, c.sent_at FROM checkin_prompts c JOIN checkin_plans p ON p.id = c.plan_id`

// EnsureCheckinPrompt records the prompt p.JobID sends, or returns the one
// recorded by an earlier run of the same job, so a re-run sends the same
// prompt with the same buttons.
func (s *Store) EnsureCheckinPrompt(ctx context.Context, p spotter.CheckinPrompt) (spotter.CheckinPrompt, error) {
	var workout any
	if p.WorkoutEntryID != 0 {
		workout = p.WorkoutEntryID
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO checkin_prompts (plan_id, job_id, kind, due_at, workout_entry_id, late)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING`,
		p.PlanID, p.JobID, p.Kind, p.DueAt.Unix(), workout, p.Late)
	if err != nil {
		return spotter.CheckinPrompt{}, fmt.Errorf("record check-in prompt: %w", err)
	}
	out, err := scanPrompt(s.db.QueryRowContext(ctx, promptSelect+" WHERE c.job_id = ?", p.JobID))
	if err != nil {
		return spotter.CheckinPrompt{}, fmt.Errorf("read check-in prompt: %w", err)
	}
	return out, nil
}

// CheckinPrompt returns the prompt with the given id, if it exists.
func (s *Store) CheckinPrompt(ctx context.Context, id int64) (spotter.CheckinPrompt, bool, error) {
	p, err := scanPrompt(s.db.QueryRowContext(ctx, promptSelect+" WHERE c.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.CheckinPrompt{}, false, nil
	}
	if err != nil {
		return spotter.CheckinPrompt{}, false, fmt.Errorf("read check-in prompt: %w", err)
	}
	return p, true, nil
}

// MarkCheckinPromptSent records the DM that carries the prompt.
func (s *Store) MarkCheckinPromptSent(ctx context.Context, id int64, channelID, messageID string, at time.Time) error {
	_, err := s.db.ExecContext(ctx, "UPDATE checkin_prompts SET channel_id = ?, message_id = ?, sent_at = ? WHERE id = ?",
		channelID, messageID, at.Unix(), id)
	if err != nil {
		return fmt.Errorf("record sent check-in prompt: %w", err)
	}
	return nil
}

func scanPrompt(r rowScanner) (spotter.CheckinPrompt, error) {
	var (
		p         spotter.CheckinPrompt
		due, sent int64
	)
	err := r.Scan(&p.ID, &p.PlanID, &p.UserID, &p.JobID, &p.Kind, &due, &p.WorkoutEntryID, &p.Late, &p.ChannelID, &p.MessageID, &sent)
	if err != nil {
		return spotter.CheckinPrompt{}, err
	}
	p.DueAt, p.SentAt = unixTime(due), unixTime(sent)
	return p, nil
}
