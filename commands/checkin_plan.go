package commands

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
)

// start answers /checkin start: a baseline reading, a daily time and a time
// zone (remembered from last time if left out) start the plan, or update it.
func (c *checkins) start(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	pain, err := painOption(req)
	if err != nil {
		return nil, err
	}
	clock, _ := req.StringOption(checkinOptTime)
	zone, _ := req.StringOption(checkinOptTimezone)
	days := checkinDefaultDays
	if d, ok := req.IntOption(checkinOptDays); ok {
		if days, err = checkDays(d); err != nil {
			return nil, err
		}
	}
	return c.startPlan(ctx, req, pain, clock, zone, days)
}

func (c *checkins) startPlan(ctx context.Context, req *bot.Request, pain int, clock, zoneTyped string, days int) (*bot.Response, error) {
	hour, minute, err := parseClock(clock)
	if err != nil {
		return nil, err
	}
	user := req.UserID()
	existing, had, err := c.store.CheckinPlan(ctx, user)
	if err != nil {
		return nil, err
	}
	zone, err := chooseZone(zoneTyped, existing.Zone)
	if err != nil {
		return nil, err
	}
	now := c.now()
	ends, daily, err := c.dailyJob(user, hour, minute, zone, now, days)
	if err != nil {
		return nil, err
	}
	plan, err := c.store.StartCheckinPlan(ctx,
		spotter.CheckinPlan{UserID: user, LocalTime: clockText(hour, minute), Zone: zone, Days: days, StartedAt: now, EndsAt: ends},
		spotter.PainEntry{Source: "baseline", Pain: pain, At: now}, daily)
	if err != nil {
		return nil, err
	}
	c.rememberDM(ctx, req)
	verb := "Check-ins started"
	if had && existing.Status != spotter.PlanStopped {
		verb = "Check-ins updated"
	}
	lines := []string{
		fmt.Sprintf("%s. I'll DM you every day at %s (%s) for %d days, until %s.", verb, plan.LocalTime, zone, days, localDay(ends, zone)),
		fmt.Sprintf("First check-in: %s. Starting level recorded: %d/10.", c.when(plan.NextDue, zone), pain),
	}
	if req.InGuild() {
		lines = append(lines, "Make sure you accept direct messages from this server's members (tap the server name, then Privacy Settings), or I can't reach you.")
	}
	lines = append(lines, fmt.Sprintf("%s after training, %s any time, %s for your chart. %s, %s, %s and %s do what they say.",
		c.mentionOf(checkinName+" workout"), c.mentionOf(checkinName+" log"), c.mentionOf(checkinName+" history"),
		c.mentionOf(checkinName+" pause"), c.mentionOf(checkinName+" resume"), c.mentionOf(checkinName+" stop"), c.mentionOf(checkinName+" settings")))
	return bot.Ephemeral(strings.Join(lines, "\n")), nil
}

// dailyJob is the plan's daily check-in series from now: it ends days from
// now in the member's zone (so a change of clocks does not add or drop one).
func (c *checkins) dailyJob(user string, hour, minute int, zone string, now time.Time, days int) (time.Time, spotter.NewJob, error) {
	rec, err := schedule.DailyAt(hour, minute, zone)
	if err != nil {
		return time.Time{}, spotter.NewJob{}, err
	}
	loc, err := schedule.LoadZone(zone)
	if err != nil {
		return time.Time{}, spotter.NewJob{}, err
	}
	ends := now.In(loc).AddDate(0, 0, days).UTC()
	job, err := c.dailyFrom(user, rec, now, ends)
	return ends, job, err
}

func (c *checkins) dailyFrom(user string, rec schedule.Recurrence, after, ends time.Time) (spotter.NewJob, error) {
	payload, err := jsonPayload(promptPayload{User: user})
	if err != nil {
		return spotter.NewJob{}, err
	}
	return spotter.NewJob{Kind: checkinPromptJob, Key: spotter.CheckinDailyKey(user), UserID: user, Payload: payload,
		DueAt: rec.Next(after), Spec: rec.Spec(), Zone: rec.Zone(), Until: ends}, nil
}

// chooseZone is the zone the member typed, else the one they used last.
func chooseZone(typed, remembered string) (string, error) {
	if strings.TrimSpace(typed) != "" {
		return resolveZone(typed)
	}
	if remembered != "" {
		return remembered, nil
	}
	return "", bot.Userf("Which time zone are you in? Add `timezone:` (for example Europe/London or America/New_York) and I'll remember it.")
}

// when says when a check-in is due, in the member's words: "today at
// 09:00 (in 2 h 5 min)" or "tomorrow at 09:00".
func (c *checkins) when(due time.Time, zone string) string {
	if due.IsZero() {
		return "none scheduled"
	}
	loc, err := schedule.LoadZone(zone)
	if err != nil {
		loc = time.UTC
	}
	now := c.now().In(loc)
	d := due.In(loc)
	day := d.Format("Mon 2 Jan")
	switch {
	case sameDay(d, now):
		day = "today"
	case sameDay(d, now.AddDate(0, 0, 1)):
		day = "tomorrow"
	}
	in := d.Sub(now).Round(time.Minute)
	return fmt.Sprintf("%s at %s (in %s)", day, d.Format("15:04"), humanDuration(in))
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

func humanDuration(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	default:
		return fmt.Sprintf("%d h %d min", h, m)
	}
}

// settings changes the time, zone or length of the plan.
func (c *checkins) settings(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	plan, err := c.mustPlan(ctx, req)
	if err != nil {
		return nil, err
	}
	clock, hasClock := req.StringOption(checkinOptTime)
	zoneTyped, hasZone := req.StringOption(checkinOptTimezone)
	d, hasDays := req.IntOption(checkinOptDays)
	if !hasClock && !hasZone && !hasDays {
		return bot.Ephemeral(fmt.Sprintf("Your check-ins: every day at %s (%s), %d days from %s, until %s. Next: %s.\nGive `time`, `timezone` or `days` to change them.",
			plan.LocalTime, plan.Zone, plan.Days, localDay(plan.StartedAt, plan.Zone), localDay(plan.EndsAt, plan.Zone), c.nextText(plan))), nil
	}
	if !hasClock {
		clock = plan.LocalTime
	}
	hour, minute, err := parseClock(clock)
	if err != nil {
		return nil, err
	}
	zone := plan.Zone
	if hasZone {
		if zone, err = resolveZone(zoneTyped); err != nil {
			return nil, err
		}
	}
	days := plan.Days
	if hasDays {
		if days, err = checkDays(d); err != nil {
			return nil, err
		}
	}
	loc, err := schedule.LoadZone(zone)
	if err != nil {
		return nil, err
	}
	now := c.now()
	plan.LocalTime, plan.Zone, plan.Days = clockText(hour, minute), zone, days
	plan.EndsAt = plan.StartedAt.In(loc).AddDate(0, 0, days).UTC()
	rec, err := schedule.DailyAt(hour, minute, zone)
	if err != nil {
		return nil, err
	}
	var next *spotter.NewJob
	if job, err := c.dailyFrom(plan.UserID, rec, now, plan.EndsAt); err != nil {
		return nil, err
	} else if job.DueAt.Before(plan.EndsAt) {
		next = &job
	}
	plan, err = c.store.RescheduleCheckinPlan(ctx, plan, next)
	if err != nil {
		return nil, err
	}
	c.rememberDM(ctx, req)
	text := fmt.Sprintf("Updated: every day at %s (%s), until %s. Next check-in: %s.", plan.LocalTime, plan.Zone, localDay(plan.EndsAt, plan.Zone), c.nextText(plan))
	if next == nil && plan.Status == spotter.PlanActive {
		text += " That length has already passed, so no more check-ins are due; " + c.mentionOf(checkinName+" start") + " begins a new run."
	}
	return bot.Ephemeral(text), nil
}

// nextText says when the next check-in is due, or why none is.
func (c *checkins) nextText(plan spotter.CheckinPlan) string {
	switch {
	case plan.Status == spotter.PlanPaused && plan.PausedReason == spotter.PausedDMsClosed:
		return "none, paused because I can't DM you (allow DMs, then " + c.mentionOf(checkinName+" resume") + ")"
	case plan.Status == spotter.PlanPaused:
		return "none while paused (" + c.mentionOf(checkinName+" resume") + " to continue)"
	case plan.Status == spotter.PlanStopped:
		return "none, stopped (" + c.mentionOf(checkinName+" start") + " to begin again)"
	case plan.NextDue.IsZero():
		return "none, this run has ended (" + c.mentionOf(checkinName+" start") + " to begin another)"
	}
	return c.when(plan.NextDue, plan.Zone)
}

// pause pauses the plan at the member's request.
func (c *checkins) pause(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	plan, err := c.mustPlan(ctx, req)
	if err != nil {
		return nil, err
	}
	paused, err := c.store.PauseCheckinPlan(ctx, plan.UserID, spotter.PausedByMember)
	if err != nil {
		return nil, err
	}
	if !paused {
		return bot.Ephemeral(fmt.Sprintf("Your check-ins aren't running (next: %s).", c.nextText(plan))), nil
	}
	return bot.Ephemeral(fmt.Sprintf("Check-ins paused: no DMs until you run %s. You can still %s how you feel.", c.mentionOf(checkinName+" resume"), c.mentionOf(checkinName+" log"))), nil
}

// resume restarts a paused plan from the next occurrence of its time.
func (c *checkins) resume(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	plan, err := c.mustPlan(ctx, req)
	if err != nil {
		return nil, err
	}
	if plan.Status != spotter.PlanPaused {
		return bot.Ephemeral(fmt.Sprintf("Your check-ins aren't paused (next: %s).", c.nextText(plan))), nil
	}
	hour, minute, err := parseClock(plan.LocalTime)
	if err != nil {
		return nil, err
	}
	rec, err := schedule.DailyAt(hour, minute, plan.Zone)
	if err != nil {
		return nil, err
	}
	job, err := c.dailyFrom(plan.UserID, rec, c.now(), plan.EndsAt)
	if err != nil {
		return nil, err
	}
	if !job.DueAt.Before(plan.EndsAt) {
		return nil, bot.Userf("This run of check-ins ended on %s. %s begins a new one.", localDay(plan.EndsAt, plan.Zone), c.mentionOf(checkinName+" start"))
	}
	plan, err = c.store.ResumeCheckinPlan(ctx, plan.UserID, job)
	if err != nil {
		return nil, err
	}
	c.rememberDM(ctx, req)
	return bot.Ephemeral(fmt.Sprintf("Check-ins resumed. Next one: %s.", c.nextText(plan))), nil
}

// stop stops the plan; the history stays.
func (c *checkins) stop(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if _, err := c.mustPlan(ctx, req); err != nil {
		return nil, err
	}
	if _, err := c.store.StopCheckinPlan(ctx, req.UserID()); err != nil {
		return nil, err
	}
	return bot.Ephemeral(c.stoppedText()), nil
}

// mustPlan returns the member's plan, or tells them how to start one.
func (c *checkins) mustPlan(ctx context.Context, req *bot.Request) (spotter.CheckinPlan, error) {
	plan, ok, err := c.store.CheckinPlan(ctx, req.UserID())
	if err != nil {
		return spotter.CheckinPlan{}, err
	}
	if !ok {
		return spotter.CheckinPlan{}, bot.Userf("You haven't started check-ins yet. Try %s with your own numbers, for example pain 4, time 08:30, timezone Europe/London.", c.mentionOf(checkinName+" start"))
	}
	return plan, nil
}

// offer answers the "Track my recovery" button under /sore-back answers
// with a short form that starts check-ins.
func (c *checkins) offer(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	zone := ""
	if plan, ok, err := c.store.CheckinPlan(ctx, req.UserID()); err == nil && ok {
		zone = plan.Zone
	}
	input := func(id, label, placeholder, value string, max int) discordgo.MessageComponent {
		return discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{
			CustomID: id, Label: label, Style: discordgo.TextInputShort, Placeholder: placeholder, Value: value, Required: id != checkinOptDays, MaxLength: max,
		}}}
	}
	return &bot.Response{Kind: bot.KindModal, ModalID: checkinStartForm, ModalTitle: "Start daily pain check-ins", Components: []discordgo.MessageComponent{
		input(checkinOptPain, "Pain now, 0 (none) to 10 (worst)", "e.g. 4", "", 2),
		input(checkinOptTime, "Daily check-in time (24-hour HH:MM)", "e.g. 08:30", "", 5),
		input(checkinOptTimezone, "Your time zone", "e.g. Europe/London", zone, 64),
		input(checkinOptDays, fmt.Sprintf("Days to keep checking (1-%d)", checkinMaxDays), strconv.Itoa(checkinDefaultDays), "", 2),
	}}, nil
}

// startFromForm starts check-ins from the offer's form.
func (c *checkins) startFromForm(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	values := modalValues(req)
	n, err := strconv.ParseInt(strings.TrimSpace(values[checkinOptPain]), 10, 64)
	if err != nil {
		return nil, bot.Userf("Pain is a whole number from 0 (no pain) to 10 (the worst you can imagine).")
	}
	pain, err := checkPain(n)
	if err != nil {
		return nil, err
	}
	days := checkinDefaultDays
	if s := strings.TrimSpace(values[checkinOptDays]); s != "" {
		d, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, bot.Userf("Days is a whole number from 1 to %d.", checkinMaxDays)
		}
		if days, err = checkDays(d); err != nil {
			return nil, err
		}
	}
	return c.startPlan(ctx, req, pain, values[checkinOptTime], values[checkinOptTimezone], days)
}

// modalValues returns a submitted modal's text inputs by custom_id.
func modalValues(req *bot.Request) map[string]string {
	out := map[string]string{}
	for _, row := range req.ModalSubmitData().Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, comp := range r.Components {
			if in, ok := comp.(*discordgo.TextInput); ok {
				out[in.CustomID] = in.Value
			}
		}
	}
	return out
}

// jsonPayload encodes a job payload.
func jsonPayload(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode job payload: %w", err)
	}
	return b, nil
}
