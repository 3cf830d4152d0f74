package commands

import (
	"context"
	"fmt"
	"strconv"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge/recovery"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// usualWindow is how far before a plan's start readings still count
// towards the member's usual level.
const usualWindow = recovery.UsualWindow

// promptOf reads the prompt a button names and checks the clicker owns it:
// Discord does not stop anyone else from clicking.
func (c *checkins) promptOf(ctx context.Context, req *bot.Request) (spotter.CheckinPrompt, []string, error) {
	args := req.CustomIDArgs()
	if len(args) == 0 {
		return spotter.CheckinPrompt{}, nil, bot.Userf("That button is out of date.")
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		return spotter.CheckinPrompt{}, nil, bot.Userf("That button is out of date.")
	}
	prompt, ok, err := c.store.CheckinPrompt(ctx, id)
	if err != nil {
		return spotter.CheckinPrompt{}, nil, err
	}
	if !ok {
		return spotter.CheckinPrompt{}, nil, bot.Userf("That check-in no longer exists. %s begins new ones.", c.mentionOf(checkinName+" start"))
	}
	if prompt.UserID != req.UserID() {
		return spotter.CheckinPrompt{}, nil, bot.Userf("This check-in belongs to someone else, so only they can answer it.")
	}
	return prompt, args[1:], nil
}

// answer records the rating clicked on a prompt (a second click corrects
// it) and edits the DM to show what was recorded and what it means.
func (c *checkins) answer(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	prompt, args, err := c.promptOf(ctx, req)
	if err != nil {
		return nil, err
	}
	n, perr := strconv.ParseInt(firstOr(args, ""), 10, 64)
	if perr != nil {
		return nil, bot.Userf("That button is out of date.")
	}
	pain, err := checkPain(n)
	if err != nil {
		return nil, err
	}
	entry, corrected, err := c.store.AnswerCheckinPrompt(ctx, prompt.ID, pain, c.now())
	if err != nil {
		return nil, err
	}
	plan, _, err := c.store.CheckinPlan(ctx, prompt.UserID)
	if err != nil {
		return nil, err
	}
	fb, err := c.feedback(ctx, plan, entry.ID)
	if err != nil {
		return nil, err
	}
	question, err := c.question(ctx, plan, prompt)
	if err != nil {
		return nil, err
	}
	text := question + "\n\n"
	if corrected {
		text += "Corrected. "
	}
	text += fb.Text
	safety, err := c.safetyLine(ctx, prompt.UserID)
	if err != nil {
		return nil, err
	}
	text += "\n" + safety
	components := promptButtons(prompt.ID, pain, false)
	if fb.OfferRedFlagCheck {
		components = append(components, redFlagRow())
	}
	return &bot.Response{Kind: bot.KindUpdate, Content: text, Components: components}, nil
}

// snooze asks the prompt again in an hour.
func (c *checkins) snooze(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	prompt, _, err := c.promptOf(ctx, req)
	if err != nil {
		return nil, err
	}
	plan, _, err := c.store.CheckinPlan(ctx, prompt.UserID)
	if err != nil {
		return nil, err
	}
	if plan.Status != spotter.PlanActive {
		return nil, bot.Userf("Your check-ins are %s, so there is nothing to snooze. %s starts them again.", plan.Status, c.mentionOf(checkinName+" resume"))
	}
	at := c.now().Add(snoozeFor)
	payload, err := jsonPayload(promptPayload{User: prompt.UserID, Prompt: prompt.ID})
	if err != nil {
		return nil, err
	}
	if _, err := c.store.ReplaceJob(ctx, spotter.NewJob{
		Kind: checkinPromptJob, Key: fmt.Sprintf("%ssnooze:%d", spotter.CheckinKeyPrefix(prompt.UserID), prompt.ID), UserID: prompt.UserID,
		Payload: payload, DueAt: at,
	}); err != nil {
		return nil, err
	}
	return &bot.Response{Kind: bot.KindUpdate, Components: []discordgo.MessageComponent{},
		Content: fmt.Sprintf("Snoozed. I'll ask again at %s your time.", localClock(at, plan.Zone))}, nil
}

// confirmStop asks, privately, whether to stop check-ins: the Stop button
// sits next to the 10, and a slip must not end a plan. The prompt itself
// is left as it was, so its ratings still work.
func (c *checkins) confirmStop(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	prompt, _, err := c.promptOf(ctx, req)
	if err != nil {
		return nil, err
	}
	id := strconv.FormatInt(prompt.ID, 10)
	return &bot.Response{
		Kind:      bot.KindMessage,
		Ephemeral: true,
		Content:   confirmStopText,
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Yes, stop check-ins", Style: discordgo.DangerButton, CustomID: checkinStopYesID + ":" + id},
			discordgo.Button{Label: "No, keep them", Style: discordgo.SecondaryButton, CustomID: checkinStopNoID + ":" + id},
		}}},
	}, nil
}

const confirmStopText = "Stop all your check-ins? I won't DM you again until you start them again. Your history is kept. If you meant to rate your pain, keep them and tap the number on the check-in."

// stopFromPrompt stops the member's check-ins once they confirm.
func (c *checkins) stopFromPrompt(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	prompt, _, err := c.promptOf(ctx, req)
	if err != nil {
		return nil, err
	}
	if _, err := c.store.StopCheckinPlan(ctx, prompt.UserID); err != nil {
		return nil, err
	}
	return &bot.Response{Kind: bot.KindUpdate, Components: []discordgo.MessageComponent{}, Content: c.stoppedText()}, nil
}

// keepCheckins answers "No, keep them": nothing changes.
func (c *checkins) keepCheckins(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if _, _, err := c.promptOf(ctx, req); err != nil {
		return nil, err
	}
	return &bot.Response{Kind: bot.KindUpdate, Components: []discordgo.MessageComponent{},
		Content: "Good: your check-ins carry on as before."}, nil
}

// stoppedText confirms that check-ins stopped and says what is still there.
func (c *checkins) stoppedText() string {
	return fmt.Sprintf("Check-ins stopped: no more DMs from me. Your history is kept; %s shows it and %s begins again.",
		c.mentionOf(checkinName+" history"), c.mentionOf(checkinName+" start"))
}

// safetyLine is the short line every check-in DM ends with: the signs that
// mean getting help now and the member's emergency number
// (clinical-notes.md), as small text.
func (c *checkins) safetyLine(ctx context.Context, userID string) (string, error) {
	region, err := c.store.MemberRegion(ctx, userID)
	if err != nil {
		return "", err
	}
	return "-# " + redflag.SafetyNet(region), nil
}

// feedback explains the entry just recorded with the recovery rules.
func (c *checkins) feedback(ctx context.Context, plan spotter.CheckinPlan, entryID int64) (recovery.Message, error) {
	entries, err := c.store.PainEntries(ctx, plan.ID, plan.StartedAt.Add(-usualWindow))
	if err != nil {
		return recovery.Message{}, err
	}
	readings := make([]recovery.Reading, 0, len(entries))
	var reading recovery.Reading
	for _, e := range entries {
		r := toReading(e)
		readings = append(readings, r)
		if e.ID == entryID {
			reading = r
		}
	}
	now := c.now()
	if reading.At.After(now) {
		now = reading.At
	}
	return recovery.Feedback(reading, readings, plan.StartedAt, now), nil
}

func toReading(e spotter.PainEntry) recovery.Reading {
	src, err := recovery.ParseSource(e.Source)
	if err != nil {
		src = 0 // an unknown source makes the reading invalid, and the rules skip it
	}
	return recovery.Reading{At: e.At, Pain: e.Pain, Source: src}
}

// redFlagRow offers the red-flag check when the feedback says to.
func redFlagRow() discordgo.MessageComponent {
	return discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Run the red-flag check", Style: discordgo.PrimaryButton, CustomID: checkinRedFlagID},
	}}
}

func firstOr(args []string, def string) string {
	if len(args) == 0 {
		return def
	}
	return args[0]
}
