package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter"
)

// CreateFormTipOffer records an offer under a new random id, and clears
// offers past their lifetime.
func (s *Store) CreateFormTipOffer(ctx context.Context, o spotter.FormTipOffer) (spotter.FormTipOffer, error) {
	var raw [12]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return spotter.FormTipOffer{}, fmt.Errorf("form tip offer id: %w", err)
	}
	o.ID = hex.EncodeToString(raw[:])
	o.CreatedAt = time.Unix(s.now().Unix(), 0).UTC()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM form_tip_offers WHERE created_at < ?", s.now().Add(-spotter.FormTipOfferTTL).Unix()); err != nil {
			return fmt.Errorf("clear expired offers: %w", err)
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO form_tip_offers (id, guild_id, channel_id, message_id, offered_to, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			o.ID, o.GuildID, o.ChannelID, o.MessageID, o.OfferedTo, o.CreatedAt.Unix())
		return err
	})
	if err != nil {
		return spotter.FormTipOffer{}, fmt.Errorf("record form tip offer: %w", err)
	}
	return o, nil
}

// FormTipOffer returns the live offer with this id, or ErrFormTipOfferNotFound.
func (s *Store) FormTipOffer(ctx context.Context, id string) (spotter.FormTipOffer, error) {
	var o spotter.FormTipOffer
	var created int64
	err := s.db.QueryRowContext(ctx, "SELECT id, guild_id, channel_id, message_id, offered_to, created_at FROM form_tip_offers WHERE id = ? AND created_at >= ?",
		id, s.now().Add(-spotter.FormTipOfferTTL).Unix()).Scan(&o.ID, &o.GuildID, &o.ChannelID, &o.MessageID, &o.OfferedTo, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return spotter.FormTipOffer{}, spotter.ErrFormTipOfferNotFound
	}
	if err != nil {
		return spotter.FormTipOffer{}, fmt.Errorf("read form tip offer: %w", err)
	}
	o.CreatedAt = time.Unix(created, 0).UTC()
	return o, nil
}

// DeleteFormTipOffer removes a used offer.
func (s *Store) DeleteFormTipOffer(ctx context.Context, id string) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM form_tip_offers WHERE id = ?", id); err != nil {
		return fmt.Errorf("delete form tip offer: %w", err)
	}
	return nil
}
