package store

import (
	"context"
	"database/sql"
	"fmt"
)

// AddMemberNotice leaves the member a notice to show the next time they use
// a command; adding one they already have changes nothing.
func (s *Store) AddMemberNotice(ctx context.Context, userID, kind string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error { return s.addNoticeTx(ctx, tx, userID, kind) })
	if err != nil {
		return fmt.Errorf("leave member a notice: %w", err)
	}
	return nil
}

// HasMemberNotices reports whether the member has notices waiting.
func (s *Store) HasMemberNotices(ctx context.Context, userID string) (bool, error) {
	var has bool
	if err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM member_notices WHERE user_id = ?)", userID).Scan(&has); err != nil {
		return false, fmt.Errorf("check member notices: %w", err)
	}
	return has, nil
}

// TakeMemberNotices returns the member's waiting notices, oldest first, and
// removes them.
func (s *Store) TakeMemberNotices(ctx context.Context, userID string) ([]string, error) {
	var kinds []string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT kind FROM member_notices WHERE user_id = ? ORDER BY created_at, kind", userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var kind string
			if err := rows.Scan(&kind); err != nil {
				return err
			}
			kinds = append(kinds, kind)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM member_notices WHERE user_id = ?", userID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("take member notices: %w", err)
	}
	return kinds, nil
}

func (s *Store) addNoticeTx(ctx context.Context, tx *sql.Tx, userID, kind string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO member_notices (user_id, kind, created_at) VALUES (?, ?, ?)
		ON CONFLICT (user_id, kind) DO NOTHING`, userID, kind, s.now().Unix())
	return err
}

func deleteNoticeTx(ctx context.Context, tx *sql.Tx, userID, kind string) error {
	_, err := tx.ExecContext(ctx, "DELETE FROM member_notices WHERE user_id = ? AND kind = ?", userID, kind)
	return err
}
