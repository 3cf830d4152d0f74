package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/spotter-bot/spotter"
)

// exportShares fills both sides of the member's shares.
func exportShares(ctx context.Context, tx querier, userID string, out *spotter.MemberExport) error {
	mine, err := exportShareRows(ctx, tx, "member_id", userID)
	if err != nil {
		return err
	}
	for i := range mine {
		mine[i].MemberID = ""
	}
	theirs, err := exportShareRows(ctx, tx, "coach_id", userID)
	if err != nil {
		return err
	}
	for i := range theirs {
		theirs[i].CoachID = ""
	}
	out.CoachShares, out.SharesWithYou = mine, theirs
	return tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM coach_roles WHERE added_by = ?", userID).Scan(&out.ModeratorTrail.CoachRolesNamed)
}

func exportShareRows(ctx context.Context, tx querier, col, userID string) ([]spotter.ExportShare, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, guild_id, member_id, coach_id, include_notes, weekly, zone, zone_source, status, reason, created_at, ended_at
		FROM coach_shares WHERE `+col+` = ? ORDER BY created_at, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("coach shares: %w", err)
	}
	out := []spotter.ExportShare{}
	var ids []int64
	for rows.Next() {
		var e spotter.ExportShare
		var id, created, ended int64
		if err := rows.Scan(&id, &e.GuildID, &e.MemberID, &e.CoachID, &e.IncludeNotes, &e.Weekly, &e.TimeZone, &e.ZoneSource, &e.Status, &e.Reason, &created, &ended); err != nil {
			rows.Close()
			return nil, fmt.Errorf("coach share: %w", err)
		}
		e.CreatedAt, e.EndedAt, e.Sends = unixUTC(created), unixUTC(ended), []spotter.ExportShareSend{}
		out, ids = append(out, e), append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("coach shares: %w", err)
	}
	for i, id := range ids {
		sends, err := tx.QueryContext(ctx, "SELECT kind, sent_at FROM coach_share_sends WHERE share_id = ? ORDER BY sent_at, id", id)
		if err != nil {
			return nil, fmt.Errorf("coach share sends: %w", err)
		}
		for sends.Next() {
			var s spotter.ExportShareSend
			var at int64
			if err := sends.Scan(&s.Kind, &at); err != nil {
				sends.Close()
				return nil, fmt.Errorf("coach share send: %w", err)
			}
			s.At = unixUTC(at)
			out[i].Sends = append(out[i].Sends, s)
		}
		sends.Close()
		if err := sends.Err(); err != nil {
			return nil, fmt.Errorf("coach share sends: %w", err)
		}
	}
	return out, nil
}

// forgetCoachTx is the coach's side of DeleteMember: every live share to
// them ends and its member is told; every share, ended or not, stays in
// its member's history without the coach's id.
func (s *Store) forgetCoachTx(ctx context.Context, tx *sql.Tx, userID string) error {
	now := s.now().Unix()
	if _, err := tx.ExecContext(ctx, `INSERT INTO member_notices (user_id, kind, created_at)
		SELECT DISTINCT member_id, CAST(? AS TEXT), CAST(? AS BIGINT) FROM coach_shares WHERE coach_id = ? AND status <> 'ended'
		ON CONFLICT (user_id, kind) DO NOTHING`, spotter.NoticeShareCoachDeleted, now, userID); err != nil {
		return fmt.Errorf("tell members their coach left: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE coach_shares SET reason = ?, ended_at = ?, status = 'ended' WHERE coach_id = ? AND status <> 'ended'`,
		spotter.ShareCoachDeleted, now, userID); err != nil {
		return fmt.Errorf("end shares to the coach: %w", err)
	}
	return nil
}
