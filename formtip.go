package spotter

import (
	"errors"
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

// ErrFormTipScheduleNotFound means the server has no tip-of-the-week schedule.
var ErrFormTipScheduleNotFound = errors.New("form-tip schedule not found")

// FormTipSchedule is a server's tip of the week: where and when it is
// posted, and how far the rotation has got.
type FormTipSchedule struct {
	GuildID   string
	ChannelID string
	// Spec is a standard 5-field cron expression, read in Zone (an IANA name).
	Spec string
	Zone string
	// Pin says whether each post is pinned, unpinning the previous one.
	Pin bool
	// LastMessageID is the previous post, "" before the first.
	LastMessageID string
	// Rotation is how many tips have been posted; it picks the next card.
	Rotation int
	// DisabledReason says why Discord stopped the schedule ("" while it runs).
	DisabledReason string
	DisabledAt     time.Time
	CreatedBy      string
	UpdatedAt      time.Time
}

// ErrFormTipNotFound means no tip with that id is in the server's library.
var ErrFormTipNotFound = errors.New("form tip not found")

// FormTip is a member's message that a moderator saved to the server's
// community tip library.
type FormTip struct {
	// ID numbers the tip within the whole database; members see it as #ID.
	ID        int64
	GuildID   string
	ChannelID string
	MessageID string
	// AuthorID is the member who wrote the message.
	AuthorID string
	// Exercise is the id of the form card the tip is about.
	Exercise string
	// Link is the message's jump link.
	Link string
	// SavedBy is the moderator who saved it.
	SavedBy string
	SavedAt time.Time
}
