package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// FormTipOfferTTL is how long a "Save as form tip" menu stays usable.
const FormTipOfferTTL = 24 * time.Hour

// ErrFormTipOfferNotFound means the offer does not exist, was used, or expired.
var ErrFormTipOfferNotFound = errors.New("form tip offer not found")

// FormTipOffer is a pending "Save as form tip": the message a moderator
// asked to save, waiting for them to pick the exercise.
type FormTipOffer struct {
	// ID is opaque and random; it is all the menu's custom_id carries.
	ID        string
	GuildID   string
	ChannelID string
	MessageID string
	// OfferedTo is the moderator who opened the menu: the only one who may use it.
	OfferedTo string
	CreatedAt time.Time
}

// CreateFormTipOffer records an offer under a new random id, and clears
// offers past their lifetime.
func (s *Store) CreateFormTipOffer(ctx context.Context, o FormTipOffer) (FormTipOffer, error) {
	var raw [12]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return FormTipOffer{}, fmt.Errorf("form tip offer id: %w", err)
	}
	o.ID = hex.EncodeToString(raw[:])
	o.CreatedAt = time.Unix(s.now().Unix(), 0).UTC()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM form_tip_offers WHERE created_at < ?", s.now().Add(-FormTipOfferTTL).Unix()); err != nil {
			return fmt.Errorf("clear expired offers: %w", err)
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO form_tip_offers (id, guild_id, channel_id, message_id, offered_to, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			o.ID, o.GuildID, o.ChannelID, o.MessageID, o.OfferedTo, o.CreatedAt.Unix())
		return err
	})
	if err != nil {
		return FormTipOffer{}, fmt.Errorf("record form tip offer: %w", err)
	}
	return o, nil
}

// FormTipOffer returns the live offer with this id, or ErrFormTipOfferNotFound.
func (s *Store) FormTipOffer(ctx context.Context, id string) (FormTipOffer, error) {
	var o FormTipOffer
	var created int64
	err := s.db.QueryRowContext(ctx, "SELECT id, guild_id, channel_id, message_id, offered_to, created_at FROM form_tip_offers WHERE id = ? AND created_at >= ?",
		id, s.now().Add(-FormTipOfferTTL).Unix()).Scan(&o.ID, &o.GuildID, &o.ChannelID, &o.MessageID, &o.OfferedTo, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return FormTipOffer{}, ErrFormTipOfferNotFound
	}
	if err != nil {
		return FormTipOffer{}, fmt.Errorf("read form tip offer: %w", err)
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
