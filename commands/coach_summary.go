package commands

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/recovery"
)

// Limits of what a coach is sent.
const (
	coachMaxNotes   = 5
	coachNoteLength = 180
)

// coachFooter ends every summary a coach gets.
const coachFooter = "Spotter is not a medical service. This summarises the member's own 0-10 pain ratings; it is not a diagnosis, " +
	"and it stays between you and them."

// coachSources name how a reading was taken, as a coach reads it.
var coachSources = map[string]string{
	"baseline":                 "starting level",
	spotter.PromptDaily:        "daily check-in",
	"workout":                  "right after training",
	spotter.PromptAfterWorkout: "after training",
	"manual":                   "logged by them",
}

// coachSummary is what a coach may know: the recovery view of the member's
// pain readings and, if the member chose so, their notes. It is built from
// pain entries only: red-flag answers and outcomes are never read here.
type coachSummary struct {
	view    recovery.CoachView
	plan    spotter.CheckinPlan
	entries []spotter.PainEntry
	hasPlan bool
}

// summaryData gathers the member's readings since their check-ins started.
func (c *coaching) summaryData(ctx context.Context, memberID string) (recovery.CoachView, coachSummary, error) {
	plan, ok, err := c.store.CheckinPlan(ctx, memberID)
	if err != nil || !ok {
		return recovery.CoachView{}, coachSummary{}, err
	}
	now := c.now()
	entries, err := c.store.PainEntries(ctx, plan.ID, plan.StartedAt)
	if err != nil {
		return recovery.CoachView{}, coachSummary{}, err
	}
	readings := make([]recovery.Reading, len(entries))
	for i, e := range entries {
		readings[i] = toReading(e)
	}
	view := recovery.ForCoach(readings, plan.StartedAt, now)
	return view, coachSummary{view: view, plan: plan, entries: entries, hasPlan: true}, nil
}

// coachMessage is the summary a coach gets (by DM, or when they open it
// from /coach athletes): heading, the summary embed and the chart.
func (c *coaching) coachMessage(ctx context.Context, memberID string, includeNotes bool, heading string) (*discordgo.MessageSend, error) {
	view, data, err := c.summaryData(ctx, memberID)
	if err != nil {
		return nil, err
	}
	field := func(name, value string) *discordgo.MessageEmbedField {
		return &discordgo.MessageEmbedField{Name: name, Value: value, Inline: true}
	}
	usual, latest, best := "not known yet", "none yet", "none yet"
	if view.HasUsual {
		usual = fmt.Sprintf("%d/10", view.Usual)
	}
	if view.Entries > 0 {
		latest = fmt.Sprintf("%d/10 (%s, %s)", view.Latest.Pain, coachSources[view.Latest.Source.String()], localDay(view.Latest.At, data.plan.Zone))
		best = fmt.Sprintf("%d/10", view.Best)
	}
	desc := fmt.Sprintf("<@%s>'s lower-back check-ins, shared with you by them. %s", memberID, view.Guidance)
	if !data.hasPlan {
		desc = fmt.Sprintf("<@%s> has no check-ins recorded right now.", memberID)
	}
	embed := &discordgo.MessageEmbed{
		Title:       "Check-in summary",
		Description: desc,
		Color:       embedColor,
		Fields: []*discordgo.MessageEmbedField{
			field("Usual level", usual),
			field("Latest", latest),
			field("Best", best),
			{Name: "Trend", Value: view.TrendWords},
			{Name: "Rule of twos", Value: view.Twos},
			{Name: "Entries", Value: fmt.Sprintf("%d (missed days are left out, never counted as zero)", view.Entries)},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: coachFooter},
	}
	if includeNotes {
		embed.Fields = append(embed.Fields, &discordgo.MessageEmbedField{Name: "Their notes", Value: c.coachNotes(data)})
	}
	msg := &discordgo.MessageSend{
		Content:         heading,
		Embeds:          []*discordgo.MessageEmbed{embed},
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}
	if len(data.entries) == 0 {
		return msg, nil
	}
	loc, err := schedule.LoadZone(data.plan.Zone)
	if err != nil {
		return nil, err
	}
	a := recovery.Assess(readingsOf(data.entries), data.plan.StartedAt, c.now())
	png, err := painChart(data.entries, a.Baseline, a.HasBaseline, loc, minTime(data.plan.StartedAt, data.entries[0].At), c.now())
	if err != nil {
		return nil, err
	}
	embed.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + chartFile}
	msg.Files = []*discordgo.File{{Name: chartFile, ContentType: "image/png", Reader: bytes.NewReader(png)}}
	return msg, nil
}

// coachNotes lists the member's latest notes for their coach. A note the
// safety layer reads as an emergency, a crisis or a same-day warning sign
// is left out: that stays between Spotter and the member.
func (c *coaching) coachNotes(data coachSummary) string {
	var lines []string
	for i := len(data.entries) - 1; i >= 0 && len(lines) < coachMaxNotes; i-- {
		e := data.entries[i]
		if e.Note == "" || !c.shareableNote(e.Note) {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s, %d/10: %s", localDay(e.At, data.plan.Zone), e.Pain, truncateRunes(e.Note, coachNoteLength)))
	}
	if len(lines) == 0 {
		return "none"
	}
	return strings.Join(lines, "\n")
}

// shareableNote reports whether a note may go to a coach; without the
// safety layer, none may.
func (c *coaching) shareableNote(note string) bool {
	if c.kb == nil {
		return false
	}
	switch c.kb.Answer(note).Kind {
	case knowledge.ResultEmergency, knowledge.ResultCrisis, knowledge.ResultSameDay:
		return false
	}
	return true
}

func readingsOf(entries []spotter.PainEntry) []recovery.Reading {
	out := make([]recovery.Reading, len(entries))
	for i, e := range entries {
		out[i] = toReading(e)
	}
	return out
}

// updatePayload is the data of a weekly update job: the live share
// between the two is the one it updates.
type updatePayload struct {
	Member string `json:"member"`
	Coach  string `json:"coach"`
}

// sendUpdate is the scheduler's handler for weekly updates. Before sending
// it checks the share is still active and, with Discord, that the coach
// still holds a coach role in the server and both are still in it, so a
// missed gateway event cannot leak anything. A send is recorded by job, so
// a re-run after a crash sends nothing twice (and re-sends with the job's
// nonce when it was not recorded). Closed DMs pause the share and tell the
// member.
func (c *coaching) sendUpdate(ctx context.Context, job schedule.Job, out *schedule.Sender) error {
	var p updatePayload
	if err := job.Decode(&p); err != nil {
		return schedule.EndSeries(err)
	}
	if !spotter.IsSnowflake(p.Member) || !spotter.IsSnowflake(p.Coach) {
		return schedule.EndSeries(fmt.Errorf("weekly update job %d: not a member and a coach", job.ID))
	}
	sh, ok, err := c.store.LiveShare(ctx, p.Member, p.Coach)
	if err != nil {
		return err
	}
	if !ok || sh.Status != spotter.ShareActive {
		return schedule.EndSeries(nil)
	}
	if sent, err := c.store.ShareJobSent(ctx, job.ID); err != nil || sent {
		return err
	}
	if reason, err := c.stillAllowed(ctx, out, sh); err != nil {
		return err
	} else if reason != "" {
		if _, err := c.store.EndShare(ctx, sh.ID, reason, spotter.NoticeShareEnded); err != nil {
			return err
		}
		return schedule.EndSeries(nil)
	}
	heading := fmt.Sprintf("**Weekly update** on <@%s>'s check-ins (%s, %s).", sh.MemberID, coachWeeklyWords, sh.Zone)
	if job.Late {
		heading += "\n-# Sorry this is late: I was offline when it was due."
	}
	msg, err := c.coachMessage(ctx, sh.MemberID, sh.IncludeNotes, heading)
	if err != nil {
		return err
	}
	_, err = out.SendDM(ctx, sh.CoachID, msg, job.Nonce())
	if bot.ErrorCode(err) == bot.CodeCannotDMUser {
		if _, perr := c.store.PauseShare(ctx, sh.ID, spotter.ShareCoachDMsClosed, spotter.NoticeShareCoachDMsClosed); perr != nil {
			return perr
		}
		return schedule.EndSeries(err)
	}
	if err != nil {
		return err
	}
	return c.store.RecordShareSend(ctx, sh.ID, job.ID, spotter.ShareSendWeekly, c.now())
}

// stillAllowed asks Discord whether the share may still be sent: it
// returns why it must end ("" when it may go on), or an error to retry on.
func (c *coaching) stillAllowed(ctx context.Context, port memberPort, sh spotter.CoachShare) (string, error) {
	roles, in, err := memberRoles(ctx, port, sh.GuildID, sh.CoachID)
	switch code := bot.ErrorCode(err); {
	case code == codeUnknownGuild || code == bot.CodeMissingAccess:
		return spotter.ShareServerGone, nil
	case err != nil:
		return "", err
	case !in:
		return spotter.ShareCoachLeft, nil
	}
	coach, err := c.isCoach(ctx, sh.GuildID, roles)
	if err != nil {
		return "", err
	}
	if !coach {
		return spotter.ShareCoachLostRole, nil
	}
	if _, in, err := memberRoles(ctx, port, sh.GuildID, sh.MemberID); err != nil {
		return "", err
	} else if !in {
		return spotter.ShareMemberLeft, nil
	}
	return "", nil
}
