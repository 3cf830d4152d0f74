package commands

import (
	"context"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/recovery"
)

// workout records a rating taken right after training and asks again two
// hours later, when the rule of twos can be applied against it.
func (c *checkins) workout(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	now := c.now()
	plan, entry, fb, err := c.record(ctx, req, "workout", "", now)
	if err != nil {
		return nil, err
	}
	text := fb.Text
	switch {
	case fb.StopTraining:
		// Too big a jump to wait two hours and see: the member has been
		// told to stop for today and run the check now.
		text += "\nI won't ask again in two hours: run the red-flag check now, and rate it again with " + c.mentionOf("checkin log") + " when you've rested."
	case plan.Status == spotter.PlanActive:
		at := now.Add(workoutFollowUp)
		payload, err := jsonPayload(promptPayload{User: plan.UserID, Workout: entry.ID})
		if err != nil {
			return nil, err
		}
		// One pending follow-up per member: the newest workout's replaces
		// any older one, so repeated /checkin workout cannot pile up DMs.
		if _, _, err := c.store.EnqueueJob(ctx, spotter.NewJob{Kind: checkinPromptJob,
			Key: spotter.CheckinFollowUpKey(plan.UserID, entry.ID), UserID: plan.UserID, Supersedes: spotter.CheckinFollowUpPrefix(plan.UserID),
			Payload: payload, DueAt: at}); err != nil {
			return nil, err
		}
		text += fmt.Sprintf("\nI'll DM you at %s your time to ask again.", localClock(at, plan.Zone))
	default:
		text += "\nYour check-ins aren't running, so I won't DM you: rate it again in two hours with " + c.mentionOf("checkin log") + "."
	}
	c.rememberDM(ctx, req)
	return withRedFlag(bot.Ephemeral(text), fb.OfferRedFlagCheck), nil
}

// log records a rating the member gives on their own, with an optional note.
func (c *checkins) log(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	typed, _ := req.StringOption(checkinOptNote)
	note, err := checkNote(typed)
	if err != nil {
		return nil, err
	}
	_, _, fb, err := c.record(ctx, req, "manual", note, c.now())
	if err != nil {
		return nil, err
	}
	c.rememberDM(ctx, req)
	if note != "" {
		if resp, err := c.noteWarning(ctx, req, note); resp != nil || err != nil {
			return resp, err
		}
	}
	text := fb.Text
	if note != "" {
		text += "\nYour note was saved with it."
	}
	return withRedFlag(bot.Ephemeral(text), fb.OfferRedFlagCheck), nil
}

// noteWarning reads the member's note with the same safety layer as
// /sore-back. A note that describes an emergency, a crisis or a same-day
// warning sign is answered, privately, with that card and nothing else
// first; the rating is already saved. Any other note gets nil.
func (c *checkins) noteWarning(ctx context.Context, req *bot.Request, note string) (*bot.Response, error) {
	r := c.kb.Answer(note)
	switch r.Kind {
	case knowledge.ResultEmergency, knowledge.ResultCrisis, knowledge.ResultSameDay:
	default:
		return nil, nil
	}
	region, err := memberRegion(ctx, c.store.MemberRegion, req)
	if err != nil {
		return nil, err
	}
	resp := privateAnswer(mentionCommands(c.kb.Card(r, region), c.mention))
	resp.Content = "Your rating and note are saved. What your note describes needs attention first:"
	return resp, nil
}

// withRedFlag adds the red-flag check button to resp when offer is set.
func withRedFlag(resp *bot.Response, offer bool) *bot.Response {
	if offer {
		resp.Components = append(resp.Components, redFlagRow())
	}
	return resp
}

// record validates the pain option, stores it on the member's plan with
// source and note, and returns what it means for them.
func (c *checkins) record(ctx context.Context, req *bot.Request, source, note string, at time.Time) (spotter.CheckinPlan, spotter.PainEntry, recovery.Message, error) {
	n, _ := req.IntOption(checkinOptPain)
	pain, err := checkPain(n)
	if err != nil {
		return spotter.CheckinPlan{}, spotter.PainEntry{}, recovery.Message{}, err
	}
	plan, err := c.mustPlan(ctx, req)
	if err != nil {
		return spotter.CheckinPlan{}, spotter.PainEntry{}, recovery.Message{}, err
	}
	entry, err := c.store.AddPainEntry(ctx, spotter.PainEntry{PlanID: plan.ID, Source: source, Pain: pain, Note: note, At: at})
	if err != nil {
		return spotter.CheckinPlan{}, spotter.PainEntry{}, recovery.Message{}, err
	}
	fb, err := c.feedback(ctx, plan, entry.ID)
	return plan, entry, fb, err
}
