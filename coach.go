package spotter

import "time"

// ShareStatus says whether a coach still gets a member's summary.
type ShareStatus string

// The states of a share. Active and paused shares are live; an ended one
// is kept as history and never starts again (sharing anew makes a new one).
const (
	ShareActive ShareStatus = "active"
	SharePaused ShareStatus = "paused"
	ShareEnded  ShareStatus = "ended"
)

// Why a share was paused or ended.
const (
	ShareByMember       = "member"           // the member ended it
	ShareCoachDMsClosed = "coach_dms_closed" // Discord would not deliver to the coach: paused
	ShareCoachLostRole  = "coach_lost_role"  // the coach no longer holds a coach role
	ShareCoachLeft      = "coach_left"       // the coach left the server
	ShareMemberLeft     = "member_left"      // the member left the server
	ShareServerGone     = "server_gone"      // the bot can no longer see the server
	ShareCoachDeleted   = "coach_deleted"    // the coach deleted their Spotter data
)

// Notices a member gets when a share changes without them (see
// the stores' AddMemberNotice).
const (
	NoticeShareCoachDMsClosed = "share_coach_dms_closed"
	NoticeShareEnded          = "share_ended"
	NoticeShareCoachDeleted   = "share_coach_deleted"
)

// Where a share's weekly time zone came from.
const (
	ZoneFromCoach   = "coach"
	ZoneFromMember  = "member"
	ZoneFromDefault = "default"
)

// Kinds of send recorded for a share.
const (
	ShareSendFirst  = "first"
	ShareSendWeekly = "weekly"
	ShareSendViewed = "viewed"
)

// CoachShare is a member's permission for a coach to see their summary.
type CoachShare struct {
	ID       int64
	GuildID  string
	MemberID string
	// CoachID is "" once the coach deleted their data.
	CoachID      string
	IncludeNotes bool
	Weekly       bool
	// Zone times the weekly updates; ZoneSource says whose zone it is.
	Zone, ZoneSource string
	Status           ShareStatus
	// Reason says why the share is paused or ended.
	Reason    string
	CreatedAt time.Time
	EndedAt   time.Time
	// Sends counts the summaries the coach got or opened; LastSent is the
	// latest of them, zero if none.
	Sends    int
	LastSent time.Time
	// NextDue is the next weekly update, zero when none is queued.
	NextDue time.Time
}

// CoachShareKey is the job key of a share's weekly series. It ends with a
// fixed part, so it is never the prefix of another coach's key.
func CoachShareKey(memberID, coachID string) string {
	return "coach:" + memberID + ":" + coachID + ":weekly"
}

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
