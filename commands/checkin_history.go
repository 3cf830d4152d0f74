package commands

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/recovery"
)

// chartFile is the name of the chart attached to /checkin history.
const chartFile = "pain.png"

// sourceLabels name how a reading was taken, as members read it.
var sourceLabels = map[string]string{
	"baseline":                 "starting level",
	spotter.PromptDaily:        "daily check-in",
	"workout":                  "right after training",
	spotter.PromptAfterWorkout: "after training",
	"manual":                   "logged by you",
}

var trendLabels = map[recovery.Trend]string{
	recovery.TrendNotEnoughData: "not enough check-ins yet",
	recovery.TrendImproving:     "improving",
	recovery.TrendSteady:        "steady",
	recovery.TrendWorsening:     "getting worse",
}

// history answers /checkin history with a summary and a chart of pain over
// time, since the plan started or over the last few days.
func (c *checkins) history(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	plan, err := c.mustPlan(ctx, req)
	if err != nil {
		return nil, err
	}
	now := c.now()
	from := plan.StartedAt
	if d, ok := req.IntOption(checkinOptDays); ok {
		if d < 1 || d > historyMaxDays {
			return nil, bot.Userf("History goes back 1 to %d days; %d is outside that.", historyMaxDays, d)
		}
		from = now.Add(-time.Duration(d) * 24 * time.Hour)
	}
	entries, err := c.store.PainEntries(ctx, plan.ID, from)
	if err != nil {
		return nil, err
	}
	readings := make([]recovery.Reading, len(entries))
	for i, e := range entries {
		readings[i] = toReading(e)
	}
	a := recovery.Assess(readings, from, now)
	embed := c.summary(plan, a, now)
	resp := &bot.Response{Kind: bot.KindMessage, Ephemeral: true, Embeds: []*discordgo.MessageEmbed{embed}}
	if len(entries) == 0 {
		return resp, nil
	}
	loc, err := schedule.LoadZone(plan.Zone)
	if err != nil {
		return nil, err
	}
	png, err := painChart(entries, a.Baseline, a.HasBaseline, loc, minTime(from, entries[0].At), now)
	if err != nil {
		return nil, err
	}
	embed.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + chartFile}
	resp.Files = []*discordgo.File{{Name: chartFile, ContentType: "image/png", Reader: bytes.NewReader(png)}}
	return resp, nil
}

// summary is the history embed: baseline, latest, best, trend, days since
// start, entries, what comes next and the advice that matters most now.
func (c *checkins) summary(plan spotter.CheckinPlan, a recovery.Assessment, now time.Time) *discordgo.MessageEmbed {
	field := func(name, value string) *discordgo.MessageEmbedField {
		return &discordgo.MessageEmbedField{Name: name, Value: value, Inline: true}
	}
	baseline := "not recorded"
	if a.HasBaseline {
		baseline = fmt.Sprintf("%d/10", a.Baseline)
	}
	latest, best := "none yet", "none yet"
	if a.Entries > 0 {
		latest = fmt.Sprintf("%d/10 (%s, %s)", a.Latest.Pain, sourceLabels[a.Latest.Source.String()], localDay(a.Latest.At, plan.Zone))
		best = fmt.Sprintf("%d/10", a.Best)
	}
	days := max(0, int(now.Sub(plan.StartedAt)/(24*time.Hour)))
	return &discordgo.MessageEmbed{
		Title:       "Your check-ins",
		Description: a.Feedback.Message,
		Color:       embedColor,
		Fields: []*discordgo.MessageEmbedField{
			field("Starting level", baseline),
			field("Latest", latest),
			field("Best", best),
			field("Trend", trendLabels[a.Trend]),
			field("Days since start", fmt.Sprint(days)),
			field("Entries", fmt.Sprintf("%d (missed days are left out, never counted as zero)", a.Entries)),
			{Name: "Next check-in", Value: c.nextText(plan)},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: knowledge.Disclaimer},
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
