package spotter

import "time"

// ExportSchemaVersion numbers the layout of MemberExport; bump it when a
// field changes meaning or goes away.
const ExportSchemaVersion = 1

// MemberExport is everything Spotter keeps about one member, for
// `/privacy export`. Times are UTC.
type MemberExport struct {
	SchemaVersion   int                `json:"schema_version"`
	UserID          string             `json:"user_id"`
	GeneratedAt     time.Time          `json:"generated_at"`
	Settings        ExportSettings     `json:"settings"`
	CheckinPlan     *ExportPlan        `json:"checkin_plan"`
	PainEntries     []ExportPainEntry  `json:"pain_entries"`
	ScheduledDMs    []ExportJob        `json:"scheduled_dms"`
	RedFlagOutcomes []ExportOutcome    `json:"red_flag_outcomes"`
	RedFlagRun      *ExportRedFlagRun  `json:"red_flag_check_in_progress"`
	Notices         []string           `json:"pending_notices"`
	CheckinPrompts  []ExportPrompt     `json:"checkin_prompts"`
	TipsAuthored    []ExportFormTip    `json:"community_tips_authored"`
	ModeratorTrail  ExportModeratorRef `json:"moderator_actions"`
	// CoachShares are the member's shares with coaches; SharesWithYou the
	// shares other members made with them as a coach.
	CoachShares   []ExportShare `json:"shares_with_coaches"`
	SharesWithYou []ExportShare `json:"shares_with_you_as_coach"`
}

// ExportSettings are the member's own choices.
type ExportSettings struct {
	Region          string `json:"region"`
	DMChannelCached bool   `json:"dm_channel_cached"`
}

// ExportPlan is the member's check-in plan.
type ExportPlan struct {
	LocalTime    string    `json:"local_time"`
	TimeZone     string    `json:"time_zone"`
	Days         int       `json:"days"`
	StartedAt    time.Time `json:"started_at"`
	EndsAt       time.Time `json:"ends_at"`
	Status       string    `json:"status"`
	PausedReason string    `json:"paused_reason,omitempty"`
}

// ExportPainEntry is one pain rating.
type ExportPainEntry struct {
	Pain       int       `json:"pain"`
	Source     string    `json:"source"`
	Note       string    `json:"note,omitempty"`
	RecordedAt time.Time `json:"recorded_at"`
}

// ExportPrompt is a check-in DM Spotter sent (or is about to send) the
// member; the rating it got, if any, is among the pain entries.
type ExportPrompt struct {
	Kind   string    `json:"kind"`
	DueAt  time.Time `json:"due_at"`
	SentAt time.Time `json:"sent_at"`
	Late   bool      `json:"late,omitempty"`
}

// ExportJob is a DM Spotter has queued for the member.
type ExportJob struct {
	Kind  string    `json:"kind"`
	DueAt time.Time `json:"due_at"`
	State string    `json:"state"`
}

// ExportOutcome is the result of a finished red-flag check (never the answers).
type ExportOutcome struct {
	Level     string    `json:"level"`
	DecidedAt time.Time `json:"decided_at"`
}

// ExportRedFlagRun is a red-flag check still in progress, answers included.
type ExportRedFlagRun struct {
	Answers   string    `json:"answers"`
	StartedAt time.Time `json:"started_at"`
	ExpiresAt time.Time `json:"expires_at"`
}

// ExportFormTip is a community tip the member wrote that a moderator saved.
type ExportFormTip struct {
	GuildID  string    `json:"guild_id"`
	Exercise string    `json:"exercise"`
	Link     string    `json:"link"`
	SavedAt  time.Time `json:"saved_at"`
}

// ExportModeratorRef counts records that name the member as the moderator
// or admin who made them.
type ExportModeratorRef struct {
	TipsSaved     int `json:"community_tips_saved"`
	RolesNamed    int `json:"moderator_roles_named"`
	SchedulesMade int `json:"tip_schedules_created"`
	// CoachRolesNamed counts the coach roles the member named as an admin.
	CoachRolesNamed int `json:"coach_roles_named"`
}
