package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ExportShare is a share of check-in summaries with a coach, as /privacy
// export shows it to either side: the member sees the coach's id, the
// coach the member's. The summaries themselves are never stored.
type ExportShare struct {
	GuildID      string            `json:"guild_id"`
	MemberID     string            `json:"member_id,omitempty"`
	CoachID      string            `json:"coach_id,omitempty"`
	IncludeNotes bool              `json:"include_notes"`
	Weekly       bool              `json:"weekly"`
	TimeZone     string            `json:"time_zone"`
	ZoneSource   string            `json:"time_zone_of"`
	Status       string            `json:"status"`
	Reason       string            `json:"reason,omitempty"`
	CreatedAt    time.Time         `json:"created_at"`
	EndedAt      time.Time         `json:"ended_at"`
	Sends        []ExportShareSend `json:"sent_to_coach"`
}

// ExportShareSend is one time the coach was sent, or opened, the summary.
type ExportShareSend struct {
	Kind string    `json:"kind"`
	At   time.Time `json:"at"`
}

// exportShares fills both sides of the member's shares.
func exportShares(ctx context.Context, tx querier, userID string, out *MemberExport) error {
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

func exportShareRows(ctx context.Context, tx querier, col, userID string) ([]ExportShare, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, guild_id, member_id, coach_id, include_notes, weekly, zone, zone_source, status, reason, created_at, ended_at
		FROM coach_shares WHERE `+col+` = ? ORDER BY created_at, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("coach shares: %w", err)
	}
	out := []ExportShare{}
	var ids []int64
	for rows.Next() {
		var e ExportShare
		var id, created, ended int64
		if err := rows.Scan(&id, &e.GuildID, &e.MemberID, &e.CoachID, &e.IncludeNotes, &e.Weekly, &e.TimeZone, &e.ZoneSource, &e.Status, &e.Reason, &created, &ended); err != nil {
			rows.Close()
			return nil, fmt.Errorf("coach share: %w", err)
		}
		e.CreatedAt, e.EndedAt, e.Sends = unixUTC(created), unixUTC(ended), []ExportShareSend{}
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
			var s ExportShareSend
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
		SELECT DISTINCT member_id, ?, ? FROM coach_shares WHERE coach_id = ? AND status <> 'ended'
		ON CONFLICT (user_id, kind) DO NOTHING`, NoticeShareCoachDeleted, now, userID); err != nil {
		return fmt.Errorf("tell members their coach left: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE coach_shares SET reason = ?, ended_at = ?, status = 'ended' WHERE coach_id = ? AND status <> 'ended'`,
		ShareCoachDeleted, now, userID); err != nil {
		return fmt.Errorf("end shares to the coach: %w", err)
	}
	return nil
}
