package commands

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
)

// sendPrompt is the scheduler's handler for check-in prompts: the daily
// check-in, the follow-up two hours after a workout reading, and a snoozed
// prompt asked again. It records the prompt before sending it and the
// message after, so a re-run after a crash skips a prompt recorded as sent,
// and re-sends one that was not with the job's nonce, which makes Discord
// return the message it may already have.
func (c *checkins) sendPrompt(ctx context.Context, job schedule.Job, out *schedule.Sender) error {
	var p promptPayload
	if err := job.Decode(&p); err != nil {
		return schedule.EndSeries(err)
	}
	plan, ok, err := c.store.CheckinPlan(ctx, p.User)
	if err != nil {
		return err
	}
	if !ok || plan.Status != spotter.PlanActive || (p.Prompt == 0 && p.Workout == 0 && !job.Due.Before(plan.EndsAt)) {
		return schedule.EndSeries(nil)
	}
	prompt, found, err := c.promptFor(ctx, job, p, plan)
	if err != nil || !found {
		return err
	}
	if !prompt.SentAt.IsZero() && !prompt.SentAt.Before(job.Due) {
		// An earlier run sent it and recorded so, then died before the job
		// was marked done.
		return nil
	}
	msg, err := c.promptMessage(ctx, plan, prompt, job.Late)
	if err != nil {
		return err
	}
	m, err := out.SendDM(ctx, p.User, msg, job.Nonce())
	if bot.ErrorCode(err) == bot.CodeCannotDMUser {
		// Never drop a plan silently: pause it, say why, and tell the
		// member on their next command.
		if _, perr := c.store.PauseCheckinPlan(ctx, p.User, spotter.PausedDMsClosed); perr != nil {
			return perr
		}
		return schedule.EndSeries(err)
	}
	if err != nil {
		return err
	}
	return c.store.MarkCheckinPromptSent(ctx, prompt.ID, m.ChannelID, m.ID, c.now())
}

// promptFor returns the prompt a job asks: the snoozed one it names, or the
// one it records (the same one on every run of the job).
func (c *checkins) promptFor(ctx context.Context, job schedule.Job, p promptPayload, plan spotter.CheckinPlan) (spotter.CheckinPrompt, bool, error) {
	if p.Prompt != 0 {
		return c.store.CheckinPrompt(ctx, p.Prompt)
	}
	kind := spotter.PromptDaily
	if p.Workout != 0 {
		kind = spotter.PromptAfterWorkout
	}
	prompt, err := c.store.EnsureCheckinPrompt(ctx, spotter.CheckinPrompt{
		PlanID: plan.ID, JobID: job.ID, Kind: kind, DueAt: job.Due, WorkoutEntryID: p.Workout, Late: job.Late,
	})
	return prompt, err == nil, err
}

// promptMessage is the DM: the question, and buttons 0 to 10, Snooze 1 h
// and Stop check-ins.
func (c *checkins) promptMessage(ctx context.Context, plan spotter.CheckinPlan, prompt spotter.CheckinPrompt, late bool) (*discordgo.MessageSend, error) {
	question, err := c.question(ctx, plan, prompt)
	if err != nil {
		return nil, err
	}
	if late {
		question += fmt.Sprintf("\n-# Sorry this is late: it was due at %s your time, while I was offline.", localClock(prompt.DueAt, plan.Zone))
	}
	safety, err := c.safetyLine(ctx, plan.UserID)
	if err != nil {
		return nil, err
	}
	question += "\n" + safety
	return &discordgo.MessageSend{
		Content:         question,
		Components:      promptButtons(prompt.ID, -1, true),
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}, nil
}

// question is what a prompt asks.
func (c *checkins) question(ctx context.Context, plan spotter.CheckinPlan, prompt spotter.CheckinPrompt) (string, error) {
	const scale = "Tap a number: 0 is no pain, 10 the worst you can imagine. A missed check-in is fine; it never counts as zero."
	if prompt.Kind != spotter.PromptAfterWorkout {
		return "**Daily check-in.** How is your lower back right now?\n" + scale, nil
	}
	workout, ok, err := c.store.PainEntry(ctx, prompt.WorkoutEntryID)
	if err != nil {
		return "", err
	}
	if !ok {
		return "**After training.** How is your lower back now, about two hours on?\n" + scale, nil
	}
	return fmt.Sprintf("**After training.** Right after your session (%s) you rated your back %d/10. How is it now?\n%s",
		localClock(workout.At, plan.Zone), workout.Pain, scale), nil
}

// promptButtons are the rating buttons 0 to 10 in rows of at most five
// (Discord's limit), the chosen one highlighted, then Snooze 1 h (while
// unanswered) and Stop check-ins.
func promptButtons(promptID int64, chosen int, snooze bool) []discordgo.MessageComponent {
	id := strconv.FormatInt(promptID, 10)
	rating := func(n int) discordgo.MessageComponent {
		style := discordgo.SecondaryButton
		if n == chosen {
			style = discordgo.PrimaryButton
		}
		return discordgo.Button{Label: strconv.Itoa(n), Style: style, CustomID: fmt.Sprintf("%s:%s:%d", checkinAnswerID, id, n)}
	}
	var rows []discordgo.MessageComponent
	for start := 0; start < 10; start += 5 {
		row := discordgo.ActionsRow{}
		for n := start; n < start+5; n++ {
			row.Components = append(row.Components, rating(n))
		}
		rows = append(rows, row)
	}
	last := discordgo.ActionsRow{Components: []discordgo.MessageComponent{rating(10)}}
	if snooze {
		last.Components = append(last.Components, discordgo.Button{Label: "Snooze 1 h", Style: discordgo.SecondaryButton, CustomID: checkinSnoozeID + ":" + id})
	}
	last.Components = append(last.Components, discordgo.Button{Label: "Stop check-ins", Style: discordgo.DangerButton, CustomID: checkinStopID + ":" + id})
	return append(rows, last)
}

// localClock shows t as HH:MM in the member's zone.
func localClock(t time.Time, zone string) string {
	if loc, err := schedule.LoadZone(zone); err == nil {
		t = t.In(loc)
	}
	return t.Format("15:04")
}

// localDay shows t as a day and time in the member's zone, e.g.
// "Mon 18 May 09:00".
func localDay(t time.Time, zone string) string {
	if loc, err := schedule.LoadZone(zone); err == nil {
		t = t.In(loc)
	}
	return t.Format("Mon 2 Jan 15:04")
}
