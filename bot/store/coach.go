package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter"
)

const shareSelect = `SELECT s.id, s.guild_id, s.member_id, s.coach_id, s.include_notes, s.weekly, s.zone, s.zone_source, s.status, s.reason,
	s.created_at, s.ended_at,
	(SELECT COUNT(*) FROM coach_share_sends d WHERE d.share_id = s.id),
	COALESCE((SELECT MAX(d.sent_at) FROM coach_share_sends d WHERE d.share_id = s.id), 0),
	COALESCE((SELECT j.due_at FROM scheduled_jobs j WHERE s.status = 'active' AND s.coach_id <> ''
		AND j.user_id = s.member_id AND j.recipient_id = s.coach_id AND j.spec <> '' AND j.state = 'pending'), 0)
	FROM coach_shares s`

// CoachRoles returns the roles a server's admins named as coach roles, in
// the order they were added.
func (s *Store) CoachRoles(ctx context.Context, guildID string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT role_id FROM coach_roles WHERE guild_id = ? ORDER BY added_at, role_id", guildID)
	if err != nil {
		return nil, fmt.Errorf("list coach roles: %w", err)
	}
	defer rows.Close()
	var roles []string
	for rows.Next() {
		var role string
		if err := rows.Scan(&role); err != nil {
			return nil, fmt.Errorf("list coach roles: %w", err)
		}
		roles = append(roles, role)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list coach roles: %w", err)
	}
	return roles, nil
}

// AddCoachRole makes roleID a coach role of the server; added is false when
// it already was one.
func (s *Store) AddCoachRole(ctx context.Context, guildID, roleID, addedBy string) (added bool, err error) {
	res, err := s.db.ExecContext(ctx, "INSERT INTO coach_roles (guild_id, role_id, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
		guildID, roleID, addedBy, s.now().Unix())
	if err != nil {
		return false, fmt.Errorf("add coach role: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("add coach role: %w", err)
	}
	return n == 1, nil
}

// RemoveCoachRole stops roleID being a coach role of the server; removed is
// false when it was not one.
func (s *Store) RemoveCoachRole(ctx context.Context, guildID, roleID string) (removed bool, err error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM coach_roles WHERE guild_id = ? AND role_id = ?", guildID, roleID)
	if err != nil {
		return false, fmt.Errorf("remove coach role: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("remove coach role: %w", err)
	}
	return n == 1, nil
}

// StartShare records that the member shares with the coach, with sh's
// scope: a live share between the two takes the new scope and becomes
// active again. weekly, if not nil, becomes the share's weekly series;
// otherwise any queued update is cancelled. It returns the share as stored.
func (s *Store) StartShare(ctx context.Context, sh spotter.CoachShare, weekly *spotter.NewJob) (spotter.CoachShare, error) {
	if !spotter.IsSnowflake(sh.MemberID) || !spotter.IsSnowflake(sh.CoachID) || !spotter.IsSnowflake(sh.GuildID) {
		return spotter.CoachShare{}, errors.New("start share: member, coach and server must be Discord ids")
	}
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `UPDATE coach_shares SET guild_id = ?, include_notes = ?, weekly = ?, zone = ?, zone_source = ?,
			status = 'active', reason = '' WHERE member_id = ? AND coach_id = ? AND status <> 'ended' RETURNING id`,
			sh.GuildID, sh.IncludeNotes, sh.Weekly, sh.Zone, sh.ZoneSource, sh.MemberID, sh.CoachID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			err = tx.QueryRowContext(ctx, `INSERT INTO coach_shares (guild_id, member_id, coach_id, include_notes, weekly, zone, zone_source, status, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?) RETURNING id`,
				sh.GuildID, sh.MemberID, sh.CoachID, sh.IncludeNotes, sh.Weekly, sh.Zone, sh.ZoneSource, s.now().Unix()).Scan(&id)
		}
		if err != nil {
			return err
		}
		if err := deleteNoticeTx(ctx, tx, sh.MemberID, spotter.NoticeShareCoachDMsClosed); err != nil {
			return err
		}
		if weekly != nil {
			_, err = s.replaceJobTx(ctx, tx, *weekly)
			return err
		}
		_, err = s.cancelJobsTx(ctx, tx, spotter.CoachShareKey(sh.MemberID, sh.CoachID))
		return err
	})
	if err != nil {
		return spotter.CoachShare{}, fmt.Errorf("start share: %w", err)
	}
	out, _, err := s.Share(ctx, id)
	return out, err
}

// Share returns one share by id.
func (s *Store) Share(ctx context.Context, id int64) (spotter.CoachShare, bool, error) {
	sh, err := scanShare(s.db.QueryRowContext(ctx, shareSelect+" WHERE s.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.CoachShare{}, false, nil
	}
	if err != nil {
		return spotter.CoachShare{}, false, fmt.Errorf("read share: %w", err)
	}
	return sh, true, nil
}

// LiveShare returns the member's active or paused share with the coach.
func (s *Store) LiveShare(ctx context.Context, memberID, coachID string) (spotter.CoachShare, bool, error) {
	sh, err := scanShare(s.db.QueryRowContext(ctx, shareSelect+" WHERE s.member_id = ? AND s.coach_id = ? AND s.status <> 'ended'", memberID, coachID))
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.CoachShare{}, false, nil
	}
	if err != nil {
		return spotter.CoachShare{}, false, fmt.Errorf("read share: %w", err)
	}
	return sh, true, nil
}

// MemberShares returns the member's shares, live ones first, then the
// most recently ended, at most limit.
func (s *Store) MemberShares(ctx context.Context, memberID string, limit int) ([]spotter.CoachShare, error) {
	return s.shares(ctx, shareSelect+` WHERE s.member_id = ? ORDER BY s.status = 'ended', s.ended_at DESC, s.created_at, s.id LIMIT ?`, memberID, limit)
}

// CoachShares returns the live shares to the coach, oldest first.
func (s *Store) CoachShares(ctx context.Context, coachID string) ([]spotter.CoachShare, error) {
	return s.shares(ctx, shareSelect+` WHERE s.coach_id = ? AND s.status <> 'ended' ORDER BY s.created_at, s.id`, coachID)
}

func (s *Store) shares(ctx context.Context, query string, args ...any) ([]spotter.CoachShare, error) {
	return queryAll(ctx, s.db, "list shares", scanShare, query, args...)
}

// EndShare ends a live share for reason and cancels its weekly updates in
// the same transaction; notice, if not "", is left for the member. ended
// is false when the share was already over.
func (s *Store) EndShare(ctx context.Context, id int64, reason, notice string) (ended bool, err error) {
	return s.setShareStatus(ctx, id, spotter.ShareEnded, reason, notice)
}

// PauseShare pauses an active share for reason (no updates until the
// member shares again) and leaves notice for the member.
func (s *Store) PauseShare(ctx context.Context, id int64, reason, notice string) (paused bool, err error) {
	return s.setShareStatus(ctx, id, spotter.SharePaused, reason, notice)
}

func (s *Store) setShareStatus(ctx context.Context, id int64, status spotter.ShareStatus, reason, notice string) (bool, error) {
	var changed bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var member, coach string
		from := "status <> 'ended'"
		if status == spotter.SharePaused {
			from = "status = 'active'"
		}
		ended := int64(0)
		if status == spotter.ShareEnded {
			ended = s.now().Unix()
		}
		err := tx.QueryRowContext(ctx, "UPDATE coach_shares SET status = ?, reason = ?, ended_at = ? WHERE id = ? AND "+from+" RETURNING member_id, coach_id",
			string(status), reason, ended, id).Scan(&member, &coach)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		changed = true
		if coach != "" {
			if _, err := s.cancelJobsTx(ctx, tx, spotter.CoachShareKey(member, coach)); err != nil {
				return err
			}
		}
		if notice != "" {
			return s.addNoticeTx(ctx, tx, member, notice)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("set share %s: %w", status, err)
	}
	return changed, nil
}

// EndSharesInGuild ends every live share of the server in which userID is
// the coach (asCoach) or the member, for reason, and tells each member
// with notice. It returns how many ended.
func (s *Store) EndSharesInGuild(ctx context.Context, guildID, userID string, asCoach bool, reason, notice string) (int, error) {
	col := "member_id"
	if asCoach {
		col = "coach_id"
	}
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM coach_shares WHERE guild_id = ? AND "+col+" = ? AND status <> 'ended'", guildID, userID)
	if err != nil {
		return 0, fmt.Errorf("end shares: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("end shares: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("end shares: %w", err)
	}
	n := 0
	for _, id := range ids {
		ended, err := s.EndShare(ctx, id, reason, notice)
		if err != nil {
			return n, err
		}
		if ended {
			n++
		}
	}
	return n, nil
}

// ShareJobSent reports whether the job already sent its summary: a re-run
// after a crash must not send it again.
func (s *Store) ShareJobSent(ctx context.Context, jobID int64) (bool, error) {
	var sent bool
	if err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM coach_share_sends WHERE job_id = ?)", jobID).Scan(&sent); err != nil {
		return false, fmt.Errorf("check share send: %w", err)
	}
	return sent, nil
}

// RecordShareSend records that the coach got (or opened) the share's
// summary at the given time; jobID is the job that sent it, 0 for none.
func (s *Store) RecordShareSend(ctx context.Context, shareID, jobID int64, kind string, at time.Time) error {
	var job any
	if jobID != 0 {
		job = jobID
	}
	_, err := s.db.ExecContext(ctx, "INSERT INTO coach_share_sends (share_id, job_id, kind, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING",
		shareID, job, kind, at.Unix())
	if err != nil {
		return fmt.Errorf("record share send: %w", err)
	}
	return nil
}

func scanShare(r rowScanner) (spotter.CoachShare, error) {
	var sh spotter.CoachShare
	var status string
	var created, ended, last, next int64
	err := r.Scan(&sh.ID, &sh.GuildID, &sh.MemberID, &sh.CoachID, &sh.IncludeNotes, &sh.Weekly, &sh.Zone, &sh.ZoneSource, &status, &sh.Reason,
		&created, &ended, &sh.Sends, &last, &next)
	if err != nil {
		return spotter.CoachShare{}, err
	}
	sh.Status = spotter.ShareStatus(status)
	sh.CreatedAt, sh.EndedAt, sh.LastSent, sh.NextDue = unixUTC(created), unixUTC(ended), unixUTC(last), unixUTC(next)
	return sh, nil
}
