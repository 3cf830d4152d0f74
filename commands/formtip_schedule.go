package commands

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
)

// formTipJobKind is the scheduler job kind of the tip of the week.
const formTipJobKind = "form-tip.weekly"

// formTipMinGap is the shortest time allowed between two scheduled tips, so
// a typo such as "* * * * *" cannot post and pin every minute.
const formTipMinGap = time.Hour

// cronExample ends every message about a bad schedule.
const cronExample = "Use 5 fields, minute hour day-of-month month day-of-week: `0 9 * * MON` is every Monday at 09:00, `30 18 * * FRI` every Friday at 18:30."

// formTipJobKey names the server's tip-of-the-week job series.
func formTipJobKey(guildID string) string { return "form-tip:" + guildID + ":weekly" }

// formTipJob is the payload of a tip-of-the-week job.
type formTipJob struct {
	GuildID string `json:"guild_id"`
}

// schedule sets (or replaces) the server's tip of the week.
func (f *formTip) schedule(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if f.scheduler == nil {
		return nil, bot.Userf("Scheduled tips are switched off on this bot; ask whoever runs it.")
	}
	channelID := ""
	if o, ok := req.Options()[formTipOptChannel]; ok {
		channelID, _ = o.Value.(string)
	}
	if channelID == "" {
		return nil, bot.Userf("Pick the channel for the tip of the week in the `channel` option.")
	}
	if err := f.checkScheduleChannel(ctx, req, channelID); err != nil {
		return nil, err
	}
	spec, _ := req.StringOption(formTipOptCron)
	typedZone, _ := req.StringOption(formTipOptTimezone)
	pin := true
	if v, ok := req.BoolOption(formTipOptPin); ok {
		pin = v
	}
	spec = strings.Join(strings.Fields(spec), " ")
	zone, err := resolveZone(typedZone)
	if err != nil {
		return nil, err
	}
	next, err := f.nextTip(spec, zone)
	if err != nil {
		return nil, err
	}
	if channelID == req.ChannelID {
		if missing := bot.MissingAppPermissions(req, postPermissions(pin)); len(missing) > 0 {
			return nil, bot.Userf("I can't post tips here yet: an admin needs to give me %s in this channel. Nothing was scheduled.", andList(missing))
		}
	}
	sch, err := f.store.SetFormTipSchedule(ctx, spotter.FormTipSchedule{
		GuildID: req.GuildID, ChannelID: channelID, Spec: spec, Zone: zone, Pin: pin, CreatedBy: req.UserID(),
	})
	if err != nil {
		return nil, fmt.Errorf("form-tip schedule: %w", err)
	}
	payload, err := json.Marshal(formTipJob{GuildID: req.GuildID})
	if err != nil {
		return nil, fmt.Errorf("form-tip schedule: %w", err)
	}
	if _, err := f.store.ReplaceJob(ctx, spotter.NewJob{
		Kind: formTipJobKind, Key: formTipJobKey(req.GuildID), GuildID: req.GuildID, Payload: payload, DueAt: next, Spec: spec, Zone: zone,
	}); err != nil {
		return nil, fmt.Errorf("form-tip schedule: queue the first post: %w", err)
	}
	cards := f.cards.Cards()
	first := cards[sch.Rotation%len(cards)]
	var b strings.Builder
	fmt.Fprintf(&b, "Tip of the week scheduled in <#%s>: `%s` (%s). Next post <t:%d:F> (<t:%d:R>), starting with %s; the cards then take turns.",
		channelID, spec, zone, next.Unix(), next.Unix(), first.Title)
	if pin {
		b.WriteString(" Each new tip is pinned and the previous one unpinned.")
	}
	if channelID != req.ChannelID {
		need := "View Channel, Send Messages and Embed Links"
		if pin {
			need = "View Channel, Send Messages, Embed Links, Read Message History and Pin Messages"
		}
		fmt.Fprintf(&b, "\nMake sure I have %s in <#%s>: if Discord refuses a post, the schedule stops.", need, channelID)
	}
	return bot.Ephemeral(b.String()), nil
}

// nextTip checks a 5-field cron spec, read in an IANA zone already
// resolved, and that tips would not come more often than formTipMinGap, and
// returns the first post's time.
func (f *formTip) nextTip(spec, zone string) (time.Time, error) {
	if n := len(strings.Fields(spec)); n != 5 {
		return time.Time{}, bot.Userf("`%s` is not a schedule I can read: it has %d fields, not 5. %s", truncate(spec, 100), n, cronExample)
	}
	rec, err := schedule.Parse(spec, zone)
	if err != nil {
		return time.Time{}, &bot.UserError{Message: fmt.Sprintf("`%s` is not a schedule I can read. %s", truncate(spec, 100), cronExample), Err: err}
	}
	first := rec.Next(f.scheduler.Now())
	if first.IsZero() {
		return time.Time{}, bot.Userf("`%s` never comes round (is that date real?). %s", spec, cronExample)
	}
	at := first
	for range 50 {
		after := rec.Next(at)
		if after.IsZero() {
			break
		}
		if after.Sub(at) < formTipMinGap {
			return time.Time{}, bot.Userf("`%s` would post more than once an hour; a tip of the week is usually weekly. %s", spec, cronExample)
		}
		at = after
	}
	return first, nil
}

// checkScheduleChannel holds the channel option to what Discord resolved
// for it: a text or announcement channel of this server, where the member
// is a moderator (their permissions in that channel, not in this one).
func (f *formTip) checkScheduleChannel(ctx context.Context, req *bot.Request, channelID string) error {
	data := req.ApplicationCommandData()
	var ch *discordgo.Channel
	if data.Resolved != nil {
		ch = data.Resolved.Channels[channelID]
	}
	if ch == nil || (ch.GuildID != "" && ch.GuildID != req.GuildID) ||
		(ch.Type != discordgo.ChannelTypeGuildText && ch.Type != discordgo.ChannelTypeGuildNews) {
		return bot.Userf("Pick a text channel of this server for the tip of the week. Nothing was scheduled.")
	}
	roles, err := f.store.ModeratorRoles(ctx, req.GuildID)
	if err != nil {
		return fmt.Errorf("form-tip schedule: %w", err)
	}
	perms, _ := req.ChannelOptionPermissions(channelID)
	if !bot.IsModeratorWith(req, perms, roles) {
		return bot.Userf("You are not a moderator in <#%s> (no Pin Messages or Manage Messages there), so you can't schedule tips in it. Nothing was scheduled.", channelID)
	}
	return nil
}

// unschedule stops the server's tip of the week.
func (f *formTip) unschedule(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	// The schedule is the server's: a moderator of the channel it posts in
	// may stop it from there; anywhere else it takes server-wide rights.
	current, err := f.store.FormTipSchedule(ctx, req.GuildID)
	if errors.Is(err, spotter.ErrFormTipScheduleNotFound) {
		return nil, bot.Userf("There is no tip of the week to stop in this server.")
	}
	if err != nil {
		return nil, fmt.Errorf("form-tip unschedule: %w", err)
	}
	if current.ChannelID != req.ChannelID {
		roles, err := f.store.ModeratorRoles(ctx, req.GuildID)
		if err != nil {
			return nil, fmt.Errorf("form-tip unschedule: %w", err)
		}
		if !bot.IsServerModerator(req, roles) {
			return nil, bot.Userf("The tip of the week posts in <#%s>: run this there as its moderator, or ask a server-wide moderator (Administrator, Manage Server or a moderator role).", current.ChannelID)
		}
	}
	sch, err := f.store.DeleteFormTipSchedule(ctx, req.GuildID)
	if errors.Is(err, spotter.ErrFormTipScheduleNotFound) {
		return nil, bot.Userf("There is no tip of the week to stop in this server.")
	}
	if err != nil {
		return nil, fmt.Errorf("form-tip unschedule: %w", err)
	}
	if _, err := f.store.CancelJobs(ctx, formTipJobKey(req.GuildID)); err != nil {
		return nil, fmt.Errorf("form-tip unschedule: %w", err)
	}
	msg := fmt.Sprintf("Stopped the tip of the week in <#%s>. The last tip stays where it is.", sch.ChannelID)
	if sch.DisabledReason != "" {
		msg = fmt.Sprintf("Removed the tip of the week for <#%s>. It had already stopped on <t:%d:D> because %s.",
			sch.ChannelID, sch.DisabledAt.Unix(), disabledReasonText(sch.DisabledReason))
	}
	return bot.Ephemeral(msg), nil
}

// Reasons a schedule was disabled, as stored.
const (
	disabledChannelGone  = "unknown_channel"
	disabledNoAccess     = "missing_access"
	disabledNoPermission = "missing_permissions"
)

// disabledReasonText explains a stored disabled reason to a moderator.
func disabledReasonText(reason string) string {
	switch reason {
	case disabledChannelGone:
		return "its channel was deleted"
	case disabledNoAccess:
		return "I lost access to its channel"
	case disabledNoPermission:
		return "I was not allowed to post there"
	}
	return "Discord refused the post"
}

// disabledReason is the reason to store when Discord's answer to a post
// means the schedule can never post again as it is, or "".
func disabledReason(err error) string {
	switch bot.ErrorCode(err) {
	case bot.CodeUnknownChannel:
		return disabledChannelGone
	case bot.CodeMissingAccess:
		return disabledNoAccess
	case bot.CodeMissingPermissions:
		return disabledNoPermission
	}
	return ""
}

// tipOfTheWeek is how a scheduled tip is sent: the card with a heading.
func (f *formTip) tipOfTheWeek(rotation int) (*discordgo.MessageSend, string) {
	cards := f.cards.Cards()
	card := cards[rotation%len(cards)]
	return &discordgo.MessageSend{
		Content:         "**Tip of the week**",
		Embeds:          []*discordgo.MessageEmbed{formCardEmbed(card)},
		Components:      f.relatedButtons(card),
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}, card.ID
}

// zoneChoices suggests time zones as the moderator types, ranked as for
// check-ins.
func (f *formTip) zoneChoices(_ context.Context, req *bot.Request) (*bot.Response, error) {
	typed := ""
	if o, ok := req.Focused(); ok {
		typed, _ = o.Value.(string)
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, z := range zoneMatches(typed, "") {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: z, Value: z})
	}
	return bot.Choices(choices), nil
}
