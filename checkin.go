package spotter

import (
	"strconv"
	"time"
)

// The kinds of check-in prompt.
const (
	// PromptDaily is the daily check-in.
	PromptDaily = "daily"
	// PromptAfterWorkout asks again two hours after a workout reading.
	PromptAfterWorkout = "after_workout"
)

// CheckinPrompt is one DM asking a member for a pain rating.
type CheckinPrompt struct {
	ID     int64
	PlanID int64
	// UserID is the plan's member: the only one who may answer.
	UserID string
	// JobID is the job that first sent the prompt.
	JobID int64
	// Kind is PromptDaily or PromptAfterWorkout.
	Kind  string
	DueAt time.Time
	// WorkoutEntryID is the workout reading an after-workout prompt follows.
	WorkoutEntryID int64
	// Late records that the prompt went out well after it was due.
	Late      bool
	ChannelID string
	MessageID string
	SentAt    time.Time
}

// PlanStatus says whether a member's check-ins are running.
type PlanStatus string

// The states of a check-in plan.
const (
	PlanActive  PlanStatus = "active"
	PlanPaused  PlanStatus = "paused"
	PlanStopped PlanStatus = "stopped"
)

// Why a plan was paused.
const (
	PausedByMember  = "member"
	PausedDMsClosed = "dms_closed"
)

// CheckinPlan is a member's daily check-in plan.
type CheckinPlan struct {
	ID     int64
	UserID string
	// LocalTime is the daily check-in time, "HH:MM" in Zone.
	LocalTime string
	// Zone is the member's IANA time zone.
	Zone string
	// Days is how long the plan runs from StartedAt.
	Days      int
	StartedAt time.Time
	EndsAt    time.Time
	Status    PlanStatus
	// PausedReason is PausedByMember or PausedDMsClosed while paused.
	PausedReason string
	// NextDue is the next daily check-in (UTC), zero when none is queued.
	NextDue time.Time
}

// CheckinDailyKey is the job key of the member's daily check-in series.
func CheckinDailyKey(userID string) string { return CheckinKeyPrefix(userID) + "daily" }

// CheckinKeyPrefix starts the key of every check-in job for the member.
func CheckinKeyPrefix(userID string) string { return "checkin:" + userID + ":" }

// followUpKeyPart follows CheckinKeyPrefix in after-workout follow-up keys.
const followUpKeyPart = "after:"

// CheckinFollowUpKey is the job key of the follow-up two hours after the
// workout reading entryID.
func CheckinFollowUpKey(userID string, entryID int64) string {
	return CheckinFollowUpPrefix(userID) + strconv.FormatInt(entryID, 10)
}

// CheckinFollowUpPrefix starts the key of the member's after-workout
// follow-ups; at most one of them is pending at a time.
func CheckinFollowUpPrefix(userID string) string { return CheckinKeyPrefix(userID) + followUpKeyPart }

// MaxNoteLength is the longest note a pain entry keeps, in characters.
const MaxNoteLength = 500

// PainEntry is one pain rating: all the health data Spotter keeps.
type PainEntry struct {
	ID     int64
	PlanID int64
	// PromptID is the prompt the entry answers, 0 for none.
	PromptID int64
	// Source is how it was taken: baseline, daily, workout, after_workout or manual.
	Source string
	// Pain is the rating, 0 to 10.
	Pain int
	// Note is the member's optional note.
	Note string
	At   time.Time
}
