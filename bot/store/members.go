package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// MemberRegion returns the region code the member chose, or "" if none.
func (s *Store) MemberRegion(ctx context.Context, userID string) (string, error) {
	var region string
	err := s.db.QueryRowContext(ctx, "SELECT region FROM member_settings WHERE user_id = ?", userID).Scan(&region)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read region of member: %w", err)
	}
	return region, nil
}

// SetMemberRegion records the member's region code ("" clears it).
func (s *Store) SetMemberRegion(ctx context.Context, userID, region string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO member_settings (user_id, region, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET region = excluded.region, updated_at = excluded.updated_at`,
		userID, region, s.now().Unix())
	if err != nil {
		return fmt.Errorf("save region of member: %w", err)
	}
	return nil
}
