package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// DMChannel returns the DM channel id remembered for the user, if any.
func (s *Store) DMChannel(ctx context.Context, userID string) (string, bool, error) {
	var id string
	err := s.db.QueryRowContext(ctx, "SELECT channel_id FROM dm_channels WHERE user_id = ?", userID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read DM channel of member: %w", err)
	}
	return id, true, nil
}

// SetDMChannel remembers the user's DM channel id.
func (s *Store) SetDMChannel(ctx context.Context, userID, channelID string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO dm_channels (user_id, channel_id, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET channel_id = excluded.channel_id, updated_at = excluded.updated_at`,
		userID, channelID, s.now().Unix())
	if err != nil {
		return fmt.Errorf("save DM channel of member: %w", err)
	}
	return nil
}

// ForgetDMChannel drops the user's DM channel id, for when Discord no
// longer knows it.
func (s *Store) ForgetDMChannel(ctx context.Context, userID string) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM dm_channels WHERE user_id = ?", userID); err != nil {
		return fmt.Errorf("forget DM channel of member: %w", err)
	}
	return nil
}
