package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter"
)

// AddPainEntry records an entry that answers no prompt.
func (s *Store) AddPainEntry(ctx context.Context, e spotter.PainEntry) (spotter.PainEntry, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		e.ID, err = insertEntryTx(ctx, tx, e)
		return err
	})
	if err != nil {
		return spotter.PainEntry{}, fmt.Errorf("record pain entry: %w", err)
	}
	return e, nil
}

// AnswerCheckinPrompt records the rating given on a prompt. A prompt has one
// entry: answering again corrects it, and corrected reports that.
func (s *Store) AnswerCheckinPrompt(ctx context.Context, promptID int64, pain int, at time.Time) (e spotter.PainEntry, corrected bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var kind string
		if err := tx.QueryRowContext(ctx, "SELECT plan_id, kind FROM checkin_prompts WHERE id = ?", promptID).Scan(&e.PlanID, &kind); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, "SELECT id FROM pain_entries WHERE prompt_id = ?", promptID).Scan(&e.ID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			corrected = true
		}
		e.PromptID, e.Source, e.Pain, e.At = promptID, kind, pain, at
		if corrected {
			_, err = tx.ExecContext(ctx, "UPDATE pain_entries SET pain = ?, recorded_at = ? WHERE id = ?", pain, at.Unix(), e.ID)
			return err
		}
		e.ID, err = insertEntryTx(ctx, tx, e)
		return err
	})
	if err != nil {
		return spotter.PainEntry{}, false, fmt.Errorf("record answer to check-in prompt: %w", err)
	}
	return e, corrected, nil
}

// PainEntry returns the entry with the given id, if it exists.
func (s *Store) PainEntry(ctx context.Context, id int64) (spotter.PainEntry, bool, error) {
	e, err := scanEntry(s.db.QueryRowContext(ctx, entrySelect+" WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.PainEntry{}, false, nil
	}
	if err != nil {
		return spotter.PainEntry{}, false, fmt.Errorf("read pain entry: %w", err)
	}
	return e, true, nil
}

// PainEntries returns the plan's entries recorded at or after since, oldest first.
func (s *Store) PainEntries(ctx context.Context, planID int64, since time.Time) ([]spotter.PainEntry, error) {
	return queryAll(ctx, s.db, "read pain entries", scanEntry,
		entrySelect+" WHERE plan_id = ? AND recorded_at >= ? ORDER BY recorded_at, id", planID, since.Unix())
}

const entrySelect = "SELECT id, plan_id, COALESCE(prompt_id, 0), source, pain, note, recorded_at FROM pain_entries"

func insertEntryTx(ctx context.Context, tx *sql.Tx, e spotter.PainEntry) (int64, error) {
	var prompt any
	if e.PromptID != 0 {
		prompt = e.PromptID
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO pain_entries (plan_id, prompt_id, source, pain, note, recorded_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, e.PlanID, prompt, e.Source, e.Pain, e.Note, e.At.Unix()).Scan(&id)
	return id, err
}

func scanEntry(r rowScanner) (spotter.PainEntry, error) {
	var (
		e  spotter.PainEntry
		at int64
	)
	if err := r.Scan(&e.ID, &e.PlanID, &e.PromptID, &e.Source, &e.Pain, &e.Note, &at); err != nil {
		return spotter.PainEntry{}, err
	}
	e.At = unixTime(at)
	return e, nil
}
