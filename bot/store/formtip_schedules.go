package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter"
)

const formTipScheduleColumns = "guild_id, channel_id, spec, zone, pin, last_message_id, rotation, disabled_reason, disabled_at, created_by, updated_at"

// SetFormTipSchedule creates or replaces the server's schedule from sch's
// channel, spec, zone, pin flag and creator, and enables it. The rotation
// carries on where it was; the previous post is kept (to be unpinned next
// time) only while the channel stays the same.
func (s *Store) SetFormTipSchedule(ctx context.Context, sch spotter.FormTipSchedule) (spotter.FormTipSchedule, error) {
	var saved spotter.FormTipSchedule
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO form_tip_schedules (guild_id, channel_id, spec, zone, pin, created_by, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (guild_id) DO UPDATE SET
				last_message_id = CASE WHEN form_tip_schedules.channel_id = excluded.channel_id THEN form_tip_schedules.last_message_id ELSE '' END,
				channel_id = excluded.channel_id, spec = excluded.spec, zone = excluded.zone, pin = excluded.pin,
				disabled_reason = '', disabled_at = 0, created_by = excluded.created_by, updated_at = excluded.updated_at`,
			sch.GuildID, sch.ChannelID, sch.Spec, sch.Zone, sch.Pin, sch.CreatedBy, s.now().Unix())
		if err != nil {
			return fmt.Errorf("upsert: %w", err)
		}
		saved, err = scanFormTipSchedule(tx.QueryRowContext(ctx, "SELECT "+formTipScheduleColumns+" FROM form_tip_schedules WHERE guild_id = ?", sch.GuildID))
		return err
	})
	if err != nil {
		return spotter.FormTipSchedule{}, fmt.Errorf("set form-tip schedule: %w", err)
	}
	return saved, nil
}

// FormTipSchedule returns the server's schedule, or ErrFormTipScheduleNotFound.
func (s *Store) FormTipSchedule(ctx context.Context, guildID string) (spotter.FormTipSchedule, error) {
	sch, err := scanFormTipSchedule(s.db.QueryRowContext(ctx, "SELECT "+formTipScheduleColumns+" FROM form_tip_schedules WHERE guild_id = ?", guildID))
	if err != nil {
		return spotter.FormTipSchedule{}, fmt.Errorf("read form-tip schedule: %w", err)
	}
	return sch, nil
}

// DeleteFormTipSchedule removes the server's schedule and returns what it
// was, or fails with ErrFormTipScheduleNotFound.
func (s *Store) DeleteFormTipSchedule(ctx context.Context, guildID string) (spotter.FormTipSchedule, error) {
	var sch spotter.FormTipSchedule
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		sch, err = scanFormTipSchedule(tx.QueryRowContext(ctx, "SELECT "+formTipScheduleColumns+" FROM form_tip_schedules WHERE guild_id = ?", guildID))
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM form_tip_schedules WHERE guild_id = ?", guildID)
		return err
	})
	if err != nil {
		return spotter.FormTipSchedule{}, fmt.Errorf("delete form-tip schedule: %w", err)
	}
	return sch, nil
}

// RecordFormTipPosted notes that the schedule's post number rotation went
// out as messageID: the rotation moves past it and the message becomes the
// one to unpin next time. A schedule replaced or moved to another channel
// meanwhile is left alone; recorded says whether the row was updated.
func (s *Store) RecordFormTipPosted(ctx context.Context, guildID, channelID string, rotation int, messageID string) (recorded bool, err error) {
	res, err := s.db.ExecContext(ctx, `UPDATE form_tip_schedules SET last_message_id = ?, rotation = ?, updated_at = ?
		WHERE guild_id = ? AND channel_id = ? AND disabled_reason = ''`,
		messageID, rotation+1, s.now().Unix(), guildID, channelID)
	if err != nil {
		return false, fmt.Errorf("record form-tip post: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record form-tip post: %w", err)
	}
	return n == 1, nil
}

// DisableFormTipSchedule stops the server's schedule for channelID with a
// reason; a schedule since moved to another channel is left alone.
func (s *Store) DisableFormTipSchedule(ctx context.Context, guildID, channelID, reason string) error {
	now := s.now().Unix()
	_, err := s.db.ExecContext(ctx, "UPDATE form_tip_schedules SET disabled_reason = ?, disabled_at = ?, updated_at = ? WHERE guild_id = ? AND channel_id = ?",
		reason, now, now, guildID, channelID)
	if err != nil {
		return fmt.Errorf("disable form-tip schedule: %w", err)
	}
	return nil
}

func scanFormTipSchedule(row rowScanner) (spotter.FormTipSchedule, error) {
	var sch spotter.FormTipSchedule
	var disabledAt, updatedAt int64
	err := row.Scan(&sch.GuildID, &sch.ChannelID, &sch.Spec, &sch.Zone, &sch.Pin, &sch.LastMessageID, &sch.Rotation,
		&sch.DisabledReason, &disabledAt, &sch.CreatedBy, &updatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.FormTipSchedule{}, spotter.ErrFormTipScheduleNotFound
	}
	if err != nil {
		return spotter.FormTipSchedule{}, err
	}
	if disabledAt != 0 {
		sch.DisabledAt = time.Unix(disabledAt, 0).UTC()
	}
	sch.UpdatedAt = time.Unix(updatedAt, 0).UTC()
	return sch, nil
}
