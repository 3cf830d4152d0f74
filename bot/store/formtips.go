package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter"
)

const formTipColumns = "id, guild_id, channel_id, message_id, author_id, exercise, link, saved_by, saved_at"

// SaveFormTip adds tip to its server's library, stamped now (tip.ID and
// tip.SavedAt are ignored). When the message is already in the library it
// returns the saved tip and added is false.
func (s *Store) SaveFormTip(ctx context.Context, tip spotter.FormTip) (saved spotter.FormTip, added bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		saved, err = scanFormTip(tx.QueryRowContext(ctx, "SELECT "+formTipColumns+" FROM form_tips WHERE guild_id = ? AND message_id = ?", tip.GuildID, tip.MessageID))
		if err == nil {
			return nil
		}
		if !errors.Is(err, spotter.ErrFormTipNotFound) {
			return err
		}
		tip.SavedAt = time.Unix(s.now().Unix(), 0).UTC()
		err = tx.QueryRowContext(ctx, "INSERT INTO form_tips (guild_id, channel_id, message_id, author_id, exercise, link, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
			tip.GuildID, tip.ChannelID, tip.MessageID, tip.AuthorID, tip.Exercise, tip.Link, tip.SavedBy, tip.SavedAt.Unix()).Scan(&tip.ID)
		if err != nil {
			return fmt.Errorf("insert: %w", err)
		}
		saved, added = tip, true
		return nil
	})
	if err != nil {
		return spotter.FormTip{}, false, fmt.Errorf("save form tip: %w", err)
	}
	return saved, added, nil
}

// FormTip returns the tip with this id from the server's library, or
// ErrFormTipNotFound.
func (s *Store) FormTip(ctx context.Context, guildID string, id int64) (spotter.FormTip, error) {
	tip, err := scanFormTip(s.db.QueryRowContext(ctx, "SELECT "+formTipColumns+" FROM form_tips WHERE guild_id = ? AND id = ?", guildID, id))
	if err != nil {
		return spotter.FormTip{}, fmt.Errorf("read form tip %d: %w", id, err)
	}
	return tip, nil
}

// FormTipByMessage returns the server's tip saved from messageID, or
// ErrFormTipNotFound.
func (s *Store) FormTipByMessage(ctx context.Context, guildID, messageID string) (spotter.FormTip, error) {
	tip, err := scanFormTip(s.db.QueryRowContext(ctx, "SELECT "+formTipColumns+" FROM form_tips WHERE guild_id = ? AND message_id = ?", guildID, messageID))
	if err != nil {
		return spotter.FormTip{}, fmt.Errorf("read form tip of message %s: %w", messageID, err)
	}
	return tip, nil
}

// FormTips returns up to limit tips of the server's library, newest first,
// skipping the first offset, and how many tips the library holds in all.
func (s *Store) FormTips(ctx context.Context, guildID string, offset, limit int) ([]spotter.FormTip, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM form_tips WHERE guild_id = ?", guildID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count form tips: %w", err)
	}
	tips, err := queryAll(ctx, s.db, "list form tips", scanFormTip,
		"SELECT "+formTipColumns+" FROM form_tips WHERE guild_id = ? ORDER BY id DESC LIMIT ? OFFSET ?", guildID, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	return tips, total, nil
}

// DeleteFormTip removes the tip from the server's library and returns it,
// or fails with ErrFormTipNotFound.
func (s *Store) DeleteFormTip(ctx context.Context, guildID string, id int64) (spotter.FormTip, error) {
	var tip spotter.FormTip
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		tip, err = scanFormTip(tx.QueryRowContext(ctx, "SELECT "+formTipColumns+" FROM form_tips WHERE guild_id = ? AND id = ?", guildID, id))
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM form_tips WHERE id = ?", id)
		return err
	})
	if err != nil {
		return spotter.FormTip{}, fmt.Errorf("delete form tip %d: %w", id, err)
	}
	return tip, nil
}

// FormTipsByAuthor returns every saved tip the member wrote, in any server.
func (s *Store) FormTipsByAuthor(ctx context.Context, authorID string) ([]spotter.FormTip, error) {
	return queryAll(ctx, s.db, "list member's form tips", scanFormTip,
		"SELECT "+formTipColumns+" FROM form_tips WHERE author_id = ? ORDER BY id", authorID)
}

// DetachFormTips drops the author's name from the given tips of theirs, so
// DeleteMember keeps them: a tip that could not be unpinned stays in the
// library, without its author, for moderators to remove.
func (s *Store) DetachFormTips(ctx context.Context, authorID string, ids []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE form_tips SET author_id = '' WHERE id = ? AND author_id = ?", id, authorID); err != nil {
				return fmt.Errorf("detach form tip %d from its author: %w", id, err)
			}
		}
		return nil
	})
}

func scanFormTip(row rowScanner) (spotter.FormTip, error) {
	var tip spotter.FormTip
	var savedAt int64
	err := row.Scan(&tip.ID, &tip.GuildID, &tip.ChannelID, &tip.MessageID, &tip.AuthorID, &tip.Exercise, &tip.Link, &tip.SavedBy, &savedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.FormTip{}, spotter.ErrFormTipNotFound
	}
	if err != nil {
		return spotter.FormTip{}, err
	}
	tip.SavedAt = time.Unix(savedAt, 0).UTC()
	return tip, nil
}
