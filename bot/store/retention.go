package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// PurgePainEntriesBefore deletes pain entries recorded before cutoff, for
// the retention limit ([privacy] checkin_entry_days), and the check-in
// prompts due before cutoff that no kept entry answers. It returns how many
// entries it deleted.
func (s *Store) PurgePainEntriesBefore(ctx context.Context, cutoff time.Time) (int64, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM pain_entries WHERE recorded_at < ?", cutoff.Unix())
		if err != nil {
			return fmt.Errorf("entries: %w", err)
		}
		if n, err = res.RowsAffected(); err != nil {
			return fmt.Errorf("entries: %w", err)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM checkin_prompts WHERE due_at < ?
			AND NOT EXISTS (SELECT 1 FROM pain_entries e WHERE e.prompt_id = checkin_prompts.id)`, cutoff.Unix())
		if err != nil {
			return fmt.Errorf("prompts: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("purge old check-in data: %w", err)
	}
	if n > 0 {
		if err := s.scrub(ctx, "pain_entries", "checkin_prompts"); err != nil {
			return n, fmt.Errorf("purge old check-in data: rows deleted, but %w", err)
		}
	}
	return n, nil
}

// guildData says how every table that holds server data is cleared for one
// server, with the server id as the one parameter.
var guildData = []struct{ table, remove string }{
	{"form_tips", "DELETE FROM form_tips WHERE guild_id = ?1"},
	{"form_tip_offers", "DELETE FROM form_tip_offers WHERE guild_id = ?1"},
	{"moderator_roles", "DELETE FROM moderator_roles WHERE guild_id = ?1"},
	{"form_tip_schedules", "DELETE FROM form_tip_schedules WHERE guild_id = ?1"},
	{"scheduled_jobs", "DELETE FROM scheduled_jobs WHERE guild_id = ?1"},
	{"coach_roles", "DELETE FROM coach_roles WHERE guild_id = ?1"},
	// Shares granted in the server end; their weekly jobs find that and stop.
	{"coach_shares", `UPDATE coach_shares SET status = 'ended', reason = 'server_gone',
		ended_at = COALESCE((SELECT left_at FROM guild_departures WHERE guild_id = ?1), 0) WHERE guild_id = ?1 AND status <> 'ended'`},
	{"guild_departures", "DELETE FROM guild_departures WHERE guild_id = ?1"},
}

// MarkGuildLeft records that the bot was removed from a server at the given
// time; a later call keeps the first time.
func (s *Store) MarkGuildLeft(ctx context.Context, guildID string, at time.Time) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO guild_departures (guild_id, left_at) VALUES (?, ?) ON CONFLICT (guild_id) DO NOTHING", guildID, at.Unix())
	if err != nil {
		return fmt.Errorf("record removal from server: %w", err)
	}
	return nil
}

// MarkGuildPresent records that the bot is in a server (again), which
// cancels a pending deletion of its data.
func (s *Store) MarkGuildPresent(ctx context.Context, guildID string) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM guild_departures WHERE guild_id = ?", guildID); err != nil {
		return fmt.Errorf("record presence in server: %w", err)
	}
	return nil
}

// GuildsWithData lists every server the database holds settings, schedules
// or community tips for.
func (s *Store) GuildsWithData(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT guild_id FROM form_tips UNION SELECT guild_id FROM moderator_roles
		UNION SELECT guild_id FROM form_tip_schedules UNION SELECT guild_id FROM coach_roles`)
	if err != nil {
		return nil, fmt.Errorf("list servers with data: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list servers with data: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// PurgeDepartedGuilds deletes the data of every server the bot left before
// cutoff and returns their ids.
func (s *Store) PurgeDepartedGuilds(ctx context.Context, cutoff time.Time) ([]string, error) {
	var purged []string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT guild_id FROM guild_departures WHERE left_at < ?", cutoff.Unix())
		if err != nil {
			return fmt.Errorf("list departed servers: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("list departed servers: %w", err)
			}
			purged = append(purged, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range purged {
			for _, d := range guildData {
				if _, err := tx.ExecContext(ctx, d.remove, id); err != nil {
					return fmt.Errorf("delete server data from %s: %w", d.table, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("purge departed servers: %w", err)
	}
	if len(purged) > 0 {
		tables := make([]string, 0, len(guildData))
		for _, d := range guildData {
			tables = append(tables, d.table)
		}
		if err := s.scrub(ctx, tables...); err != nil {
			return purged, fmt.Errorf("purge departed servers: rows deleted, but %w", err)
		}
	}
	return purged, nil
}
