package commands

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/knowledge"
)

// Names of /checkin, its options, its buttons (custom_id prefix:action:args)
// and its scheduled job. Old DMs keep working because a button carries the
// prompt id and the prompt row knows its member.
const (
	checkinName        = "checkin"
	checkinOptPain     = "pain"
	checkinOptTime     = "time"
	checkinOptTimezone = "timezone"
	checkinOptDays     = "days"
	checkinOptNote     = "note"

	checkinAnswerID  = "checkin:answer"  // checkin:answer:<prompt>:<pain>
	checkinSnoozeID  = "checkin:snooze"  // checkin:snooze:<prompt>
	checkinStopID    = "checkin:stop"    // checkin:stop:<prompt> asks to confirm
	checkinStopYesID = "checkin:stopyes" // checkin:stopyes:<prompt> stops
	checkinStopNoID  = "checkin:stopno"  // checkin:stopno:<prompt> keeps them
	checkinOffer     = "checkin:offer"   // the "Track my recovery" button of /sore-back
	checkinStartForm = "checkin:start"   // the modal the offer opens
	checkinRedFlagID = "redflag:start"   // starts the red-flag check

	checkinPromptJob = "checkin.prompt"
)

// Limits members see in messages.
const (
	checkinDefaultDays = 14
	checkinMaxDays     = 60
	historyMaxDays     = 365
	workoutFollowUp    = 2 * time.Hour
	snoozeFor          = time.Hour
)

// checkinStore is what check-ins keep: a member's plan, its prompts and
// readings, and the jobs that send them.
type checkinStore interface {
	CheckinPlan(ctx context.Context, userID string) (spotter.CheckinPlan, bool, error)
	StartCheckinPlan(ctx context.Context, p spotter.CheckinPlan, baseline spotter.PainEntry, daily spotter.NewJob) (spotter.CheckinPlan, error)
	RescheduleCheckinPlan(ctx context.Context, p spotter.CheckinPlan, daily *spotter.NewJob) (spotter.CheckinPlan, error)
	PauseCheckinPlan(ctx context.Context, userID, reason string) (paused bool, err error)
	ResumeCheckinPlan(ctx context.Context, userID string, daily spotter.NewJob) (spotter.CheckinPlan, error)
	StopCheckinPlan(ctx context.Context, userID string) (stopped bool, err error)

	EnsureCheckinPrompt(ctx context.Context, p spotter.CheckinPrompt) (spotter.CheckinPrompt, error)
	CheckinPrompt(ctx context.Context, id int64) (spotter.CheckinPrompt, bool, error)
	MarkCheckinPromptSent(ctx context.Context, id int64, channelID, messageID string, at time.Time) error

	AddPainEntry(ctx context.Context, e spotter.PainEntry) (spotter.PainEntry, error)
	AnswerCheckinPrompt(ctx context.Context, promptID int64, pain int, at time.Time) (e spotter.PainEntry, corrected bool, err error)
	PainEntry(ctx context.Context, id int64) (spotter.PainEntry, bool, error)
	PainEntries(ctx context.Context, planID int64, since time.Time) ([]spotter.PainEntry, error)

	EnqueueJob(ctx context.Context, j spotter.NewJob) (id int64, added bool, err error)
	ReplaceJob(ctx context.Context, j spotter.NewJob) (int64, error)
	MemberRegion(ctx context.Context, userID string) (string, error)
	noticeStore
}

// checkins serves /checkin, its DM prompts and their buttons.
type checkins struct {
	store checkinStore
	// sched sends the prompts; nil when the program runs without one, in
	// which case plans are kept but no DM goes out.
	sched *schedule.Scheduler
	now   func() time.Time
	// mention renders a command as a clickable mention (bot.Router.Mention);
	// nil in tests without a router.
	mention func(path string) string
	// kb reads the notes members type, for warning signs.
	kb *knowledge.Base
}

// mentionOf names a command in a message: a clickable mention once the bot
// knows the command's id, else /path as plain text.
func (c *checkins) mentionOf(path string) string {
	if c.mention == nil {
		return "/" + path
	}
	return c.mention(path)
}

func registerCheckin(r *bot.Router, deps Deps) {
	c := &checkins{store: deps.Store, sched: deps.Scheduler, now: deps.Now, mention: r.Mention, kb: deps.Knowledge}
	if c.now == nil {
		c.now = time.Now
	}
	r.Define(checkinDefinition())
	r.Command(checkinName+" start", c.start)
	r.Autocomplete(checkinName+" start", checkinOptTimezone, c.zoneChoices)
	r.Command(checkinName+" workout", c.workout)
	r.Command(checkinName+" log", c.log)
	r.Command(checkinName+" history", c.history)
	r.Command(checkinName+" pause", c.pause)
	r.Command(checkinName+" resume", c.resume)
	r.Command(checkinName+" stop", c.stop)
	r.Command(checkinName+" settings", c.settings)
	r.Autocomplete(checkinName+" settings", checkinOptTimezone, c.zoneChoices)
	r.Component(checkinAnswerID, c.answer)
	r.Component(checkinSnoozeID, c.snooze)
	r.Component(checkinStopID, c.confirmStop)
	r.Component(checkinStopYesID, c.stopFromPrompt)
	r.Component(checkinStopNoID, c.keepCheckins)
	r.Component(checkinOffer, c.offer)
	r.Modal(checkinStartForm, c.startFromForm)
	r.Use(pendingNotices(deps.Store, c.mentionOf))
	if c.sched != nil {
		c.sched.Register(checkinPromptJob, c.sendPrompt)
	}
}

func checkinDefinition() *discordgo.ApplicationCommand {
	zero, one := 0.0, 1.0
	pain := func(desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: checkinOptPain,
			Description: desc, Required: true, MinValue: &zero, MaxValue: 10}
	}
	clock := func(required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: checkinOptTime,
			Description: "Your local time for the daily check-in, 24-hour HH:MM (e.g. 08:30)", Required: required, MaxLength: 8}
	}
	zone := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: checkinOptTimezone,
		Description: "Your time zone, e.g. Europe/London (remembered for next time)", Autocomplete: true, MaxLength: 64}
	days := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: checkinOptDays,
		Description: fmt.Sprintf("How many days to keep checking in (1-%d, default %d)", checkinMaxDays, checkinDefaultDays), MinValue: &one, MaxValue: checkinMaxDays}
	sub := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
	}
	return &discordgo.ApplicationCommand{
		Name:             checkinName,
		Description:      "Daily pain check-ins by DM, to follow your recovery (only you see your answers)",
		Contexts:         serversAndDMs(),
		IntegrationTypes: guildInstall(),
		Options: append([]*discordgo.ApplicationCommandOption{
			sub("start", "Start (or change) daily check-ins by DM", pain("How your back feels now, 0 (no pain) to 10 (worst imaginable)"), clock(true), zone, days),
			sub("workout", "Rate your back right after training; I'll ask again in 2 hours (rule of twos)", pain("How your back feels now, 0-10")),
			sub("log", "Record how your back feels now", pain("How your back feels now, 0-10"),
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: checkinOptNote,
					Description: fmt.Sprintf("A short note for yourself (up to %d characters)", spotter.MaxNoteLength), MaxLength: spotter.MaxNoteLength}),
			sub("history", "Your pain over time, with a chart",
				&discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionInteger, Name: checkinOptDays,
					Description: fmt.Sprintf("Only the last N days (1-%d; default: since you started)", historyMaxDays), MinValue: &one, MaxValue: historyMaxDays}),
			sub("pause", "Pause your check-ins"),
			sub("resume", "Resume paused check-ins"),
			sub("stop", "Stop your check-ins (your history is kept)"),
			sub("settings", "Change the time, time zone or length of your check-ins", clock(false), zone, days),
		}, shareSubcommands()...),
	}
}

// promptPayload is the data of a check-in prompt job: the member, and what
// to ask. A daily prompt has neither Prompt nor Workout.
type promptPayload struct {
	User string `json:"user"`
	// Prompt re-sends an existing prompt (after a snooze).
	Prompt int64 `json:"prompt,omitempty"`
	// Workout is the workout entry an after-workout prompt follows.
	Workout int64 `json:"workout,omitempty"`
}

// rememberDM makes sure the member's DM channel is known when they use a
// command in their DM with the bot, so the first check-in goes straight
// out. The channel is learnt from Discord's own DM endpoint, never from the
// interaction's channel_id: a forged "DM" interaction could name a server
// channel there, and check-ins would then post publicly.
func (c *checkins) rememberDM(ctx context.Context, req *bot.Request) {
	if c.sched == nil || req.InGuild() {
		return
	}
	if err := c.sched.Sender().OpenDM(ctx, req.UserID()); err != nil {
		req.Log.Warn("could not open the member's DM channel", "err", err)
	}
}
