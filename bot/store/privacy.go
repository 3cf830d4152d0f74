package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter"
)

// memberData says, for every table, how it refers to a member: the SQL that
// removes (or anonymises) a member's rows, with the member's id as ?1.
// tablesWithoutMemberData lists tables that never name a member.
// A test fails when a table is in neither list, so a new table cannot be
// forgotten by DeleteMember.
var memberData = []struct{ table, remove string }{
	// Children before parents; ON DELETE CASCADE covers them too.
	{"pain_entries", "DELETE FROM pain_entries WHERE plan_id IN (SELECT id FROM checkin_plans WHERE user_id = ?1)"},
	{"checkin_prompts", "DELETE FROM checkin_prompts WHERE plan_id IN (SELECT id FROM checkin_plans WHERE user_id = ?1)"},
	{"checkin_plans", "DELETE FROM checkin_plans WHERE user_id = ?1"},
	// Jobs say whose they are (spotter.NewJob.UserID, RecipientID).
	{"scheduled_jobs", "DELETE FROM scheduled_jobs WHERE user_id = ?1 OR recipient_id = ?1"},
	{"dm_channels", "DELETE FROM dm_channels WHERE user_id = ?1"},
	{"member_notices", "DELETE FROM member_notices WHERE user_id = ?1"},
	{"member_settings", "DELETE FROM member_settings WHERE user_id = ?1"},
	{"redflag_runs", "DELETE FROM redflag_runs WHERE user_id = ?1"},
	{"redflag_outcomes", "DELETE FROM redflag_outcomes WHERE user_id = ?1"},
	{"form_tips", "DELETE FROM form_tips WHERE author_id = ?1"},
	{"form_tip_offers", "DELETE FROM form_tip_offers WHERE offered_to = ?1"},
	// A moderator's own record of who saved or configured something is
	// server data, not theirs: keep the record, drop the name.
	{"form_tips", "UPDATE form_tips SET saved_by = '' WHERE saved_by = ?1"},
	{"moderator_roles", "UPDATE moderator_roles SET added_by = '' WHERE added_by = ?1"},
	{"form_tip_schedules", "UPDATE form_tip_schedules SET created_by = '' WHERE created_by = ?1"},
	// Shares: the member's own go with their history; shares to them as a
	// coach are ended and their members told first (forgetCoachTx), then
	// stay in those members' histories without the coach's id.
	{"coach_share_sends", "DELETE FROM coach_share_sends WHERE share_id IN (SELECT id FROM coach_shares WHERE member_id = ?1)"},
	{"coach_shares", "DELETE FROM coach_shares WHERE member_id = ?1"},
	{"coach_shares", "UPDATE coach_shares SET coach_id = '' WHERE coach_id = ?1"},
	{"coach_roles", "UPDATE coach_roles SET added_by = '' WHERE added_by = ?1"},
}

var tablesWithoutMemberData = []string{"schema_migrations", "guild_departures", "health_probe"}

// DeleteMember removes everything kept about the member in one transaction:
// settings, check-in plans, entries and queued DMs, red-flag runs and
// outcomes, notices and community tips they wrote; records that name them
// as a moderator keep the record but lose the name. With no plan and no
// queued job left, no DM is sent to them again unless they opt in anew.
func (s *Store) DeleteMember(ctx context.Context, userID string) error {
	if !spotter.IsSnowflake(userID) {
		return fmt.Errorf("delete member: user id %q is not a Discord id", userID)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.forgetCoachTx(ctx, tx, userID); err != nil {
			return err
		}
		for _, d := range memberData {
			if _, err := tx.ExecContext(ctx, d.remove, userID); err != nil {
				return fmt.Errorf("delete member data from %s: %w", d.table, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	tables := make([]string, 0, len(memberData))
	for _, d := range memberData {
		tables = append(tables, d.table)
	}
	if err := s.scrub(ctx, tables...); err != nil {
		return fmt.Errorf("delete member: rows deleted, but %w", err)
	}
	return nil
}

// ExportMember gathers everything kept about the member.
func (s *Store) ExportMember(ctx context.Context, userID string) (spotter.MemberExport, error) {
	if !spotter.IsSnowflake(userID) {
		return spotter.MemberExport{}, fmt.Errorf("export member data: user id %q is not a Discord id", userID)
	}
	out := spotter.MemberExport{SchemaVersion: spotter.ExportSchemaVersion, UserID: userID, GeneratedAt: s.now().UTC(),
		PainEntries: []spotter.ExportPainEntry{}, CheckinPrompts: []spotter.ExportPrompt{}, ScheduledDMs: []spotter.ExportJob{}, RedFlagOutcomes: []spotter.ExportOutcome{},
		Notices: []string{}, TipsAuthored: []spotter.ExportFormTip{}, CoachShares: []spotter.ExportShare{}, SharesWithYou: []spotter.ExportShare{}}
	err := s.readTx(ctx, func(tx querier) error {
		steps := []func(context.Context, querier, string, *spotter.MemberExport) error{
			exportSettings, exportPlan, exportJobs, exportRedFlag, exportNotices, exportTips, exportModerator, exportShares,
		}
		for _, step := range steps {
			if err := step(ctx, tx, userID, &out); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return spotter.MemberExport{}, fmt.Errorf("export member data: %w", err)
	}
	return out, nil
}

func exportSettings(ctx context.Context, tx querier, userID string, out *spotter.MemberExport) error {
	err := tx.QueryRowContext(ctx, "SELECT region FROM member_settings WHERE user_id = ?", userID).Scan(&out.Settings.Region)
	if err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("settings: %w", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM dm_channels WHERE user_id = ?", userID).Scan(&n); err != nil {
		return fmt.Errorf("dm channel: %w", err)
	}
	out.Settings.DMChannelCached = n > 0
	return nil
}

func exportPlan(ctx context.Context, tx querier, userID string, out *spotter.MemberExport) error {
	var p spotter.ExportPlan
	var id, started, ends int64
	err := tx.QueryRowContext(ctx, `SELECT id, local_time, zone, days, started_at, ends_at, status, paused_reason
		FROM checkin_plans WHERE user_id = ?`, userID).Scan(&id, &p.LocalTime, &p.TimeZone, &p.Days, &started, &ends, &p.Status, &p.PausedReason)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("check-in plan: %w", err)
	}
	p.StartedAt, p.EndsAt = unixUTC(started), unixUTC(ends)
	out.CheckinPlan = &p
	if err := exportPrompts(ctx, tx, id, out); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT pain, source, note, recorded_at FROM pain_entries WHERE plan_id = ? ORDER BY recorded_at, id", id)
	if err != nil {
		return fmt.Errorf("pain entries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e spotter.ExportPainEntry
		var at int64
		if err := rows.Scan(&e.Pain, &e.Source, &e.Note, &at); err != nil {
			return fmt.Errorf("pain entry: %w", err)
		}
		e.RecordedAt = unixUTC(at)
		out.PainEntries = append(out.PainEntries, e)
	}
	return rows.Err()
}

func exportPrompts(ctx context.Context, tx querier, planID int64, out *spotter.MemberExport) error {
	rows, err := tx.QueryContext(ctx, "SELECT kind, due_at, sent_at, late FROM checkin_prompts WHERE plan_id = ? ORDER BY due_at, id", planID)
	if err != nil {
		return fmt.Errorf("check-in prompts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p spotter.ExportPrompt
		var due, sent int64
		if err := rows.Scan(&p.Kind, &due, &sent, &p.Late); err != nil {
			return fmt.Errorf("check-in prompt: %w", err)
		}
		p.DueAt, p.SentAt = unixUTC(due), unixUTC(sent)
		out.CheckinPrompts = append(out.CheckinPrompts, p)
	}
	return rows.Err()
}

func exportJobs(ctx context.Context, tx querier, userID string, out *spotter.MemberExport) error {
	rows, err := tx.QueryContext(ctx, `SELECT kind, due_at, state FROM scheduled_jobs
		WHERE user_id = ?1 OR recipient_id = ?1 ORDER BY due_at, id`, userID)
	if err != nil {
		return fmt.Errorf("scheduled DMs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var j spotter.ExportJob
		var due int64
		if err := rows.Scan(&j.Kind, &due, &j.State); err != nil {
			return fmt.Errorf("scheduled DM: %w", err)
		}
		j.DueAt = unixUTC(due)
		out.ScheduledDMs = append(out.ScheduledDMs, j)
	}
	return rows.Err()
}

func exportRedFlag(ctx context.Context, tx querier, userID string, out *spotter.MemberExport) error {
	rows, err := tx.QueryContext(ctx, "SELECT level, decided_at FROM redflag_outcomes WHERE user_id = ? ORDER BY decided_at, id", userID)
	if err != nil {
		return fmt.Errorf("red-flag outcomes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o spotter.ExportOutcome
		var at int64
		if err := rows.Scan(&o.Level, &at); err != nil {
			return fmt.Errorf("red-flag outcome: %w", err)
		}
		o.DecidedAt = unixUTC(at)
		out.RedFlagOutcomes = append(out.RedFlagOutcomes, o)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var run spotter.ExportRedFlagRun
	var started, expires int64
	err = tx.QueryRowContext(ctx, "SELECT answers, created_at, expires_at FROM redflag_runs WHERE user_id = ?", userID).Scan(&run.Answers, &started, &expires)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("red-flag run: %w", err)
	}
	run.StartedAt, run.ExpiresAt = unixUTC(started), unixUTC(expires)
	out.RedFlagRun = &run
	return nil
}

func exportNotices(ctx context.Context, tx querier, userID string, out *spotter.MemberExport) error {
	rows, err := tx.QueryContext(ctx, "SELECT kind FROM member_notices WHERE user_id = ? ORDER BY created_at", userID)
	if err != nil {
		return fmt.Errorf("notices: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		if err := rows.Scan(&kind); err != nil {
			return fmt.Errorf("notice: %w", err)
		}
		out.Notices = append(out.Notices, kind)
	}
	return rows.Err()
}

func exportTips(ctx context.Context, tx querier, userID string, out *spotter.MemberExport) error {
	rows, err := tx.QueryContext(ctx, "SELECT guild_id, exercise, link, saved_at FROM form_tips WHERE author_id = ? ORDER BY saved_at, id", userID)
	if err != nil {
		return fmt.Errorf("community tips: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t spotter.ExportFormTip
		var at int64
		if err := rows.Scan(&t.GuildID, &t.Exercise, &t.Link, &at); err != nil {
			return fmt.Errorf("community tip: %w", err)
		}
		t.SavedAt = unixUTC(at)
		out.TipsAuthored = append(out.TipsAuthored, t)
	}
	return rows.Err()
}

func exportModerator(ctx context.Context, tx querier, userID string, out *spotter.MemberExport) error {
	m := &out.ModeratorTrail
	for _, q := range []struct {
		sql string
		n   *int
	}{
		{"SELECT COUNT(*) FROM form_tips WHERE saved_by = ?", &m.TipsSaved},
		{"SELECT COUNT(*) FROM moderator_roles WHERE added_by = ?", &m.RolesNamed},
		{"SELECT COUNT(*) FROM form_tip_schedules WHERE created_by = ?", &m.SchedulesMade},
	} {
		if err := tx.QueryRowContext(ctx, q.sql, userID).Scan(q.n); err != nil {
			return fmt.Errorf("moderator records: %w", err)
		}
	}
	return nil
}

func unixUTC(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}
