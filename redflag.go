package spotter

import (
	"errors"
	"time"
)

// RedFlagRunLifetime is how long a red-flag check can be answered after it
// starts; after that it is refused and purged with its answers.
const RedFlagRunLifetime = 24 * time.Hour

// RedFlagMode says where a red-flag check's questions are shown.
type RedFlagMode string

// The places a red-flag check runs.
const (
	// RedFlagInDM is a DM with the bot.
	RedFlagInDM RedFlagMode = "dm"
	// RedFlagEphemeral is a private message in a server channel, for members
	// who do not accept DMs.
	RedFlagEphemeral RedFlagMode = "ephemeral"
)

// Errors of the red-flag run methods, for telling a member why a click did
// nothing.
var (
	// ErrRedFlagRunNotFound means the run finished, was stopped or never existed.
	ErrRedFlagRunNotFound = errors.New("red-flag run not found")
	// ErrRedFlagRunExpired means the run is older than RedFlagRunLifetime.
	ErrRedFlagRunExpired = errors.New("red-flag run expired")
	// ErrRedFlagRunMoved means the run changed since the step the caller saw.
	ErrRedFlagRunMoved = errors.New("red-flag run has moved on to another step")
)

// RedFlagRun is a red-flag check in progress.
type RedFlagRun struct {
	// ID names the run in button custom_ids.
	ID string
	// UserID is the member the check belongs to; nobody else may answer it.
	UserID string
	// Mode, ChannelID and MessageID say where the questions are shown;
	// MessageID is empty when Discord did not report it (an interaction reply).
	Mode      RedFlagMode
	ChannelID string
	MessageID string
	// Step counts every change to the run; buttons carry the step they were
	// made for, so a click on an older message is recognised.
	Step int
	// Answers are the replies so far, as written by redflag.Answers.String.
	Answers   string
	CreatedAt time.Time
	UpdatedAt time.Time
	ExpiresAt time.Time
}

// RedFlagOutcome is what a finished red-flag check decided, without the
// answers that led to it.
type RedFlagOutcome struct {
	// Level is the outcome level's storage name, such as "same_day".
	Level     string
	DecidedAt time.Time
}
