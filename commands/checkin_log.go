package commands

import (
	"context"
	"fmt"
	"time"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/store"
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
	if plan.Status == store.PlanActive {
		at := now.Add(workoutFollowUp)
		payload, err := jsonPayload(promptPayload{User: plan.UserID, Workout: entry.ID})
		if err != nil {
			return nil, err
		}
		if _, _, err := c.store.EnqueueJob(ctx, store.NewJob{Kind: checkinPromptJob,
			Key: fmt.Sprintf("%safter:%d", store.CheckinKeyPrefix(plan.UserID), entry.ID), Payload: payload, DueAt: at}); err != nil {
			return nil, err
		}
		text += fmt.Sprintf("\nI'll DM you at %s your time to ask again.", localClock(at, plan.Zone))
	} else {
		text += "\nYour check-ins aren't running, so I won't DM you: rate it again in two hours with `/checkin log`."
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
	text := fb.Text
	if note != "" {
		text += "\nYour note was saved with it."
	}
	c.rememberDM(ctx, req)
	return withRedFlag(bot.Ephemeral(text), fb.OfferRedFlagCheck), nil
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
func (c *checkins) record(ctx context.Context, req *bot.Request, source, note string, at time.Time) (store.CheckinPlan, store.PainEntry, recovery.Message, error) {
	n, _ := req.IntOption(checkinOptPain)
	pain, err := checkPain(n)
	if err != nil {
		return store.CheckinPlan{}, store.PainEntry{}, recovery.Message{}, err
	}
	plan, err := c.mustPlan(ctx, req)
	if err != nil {
		return store.CheckinPlan{}, store.PainEntry{}, recovery.Message{}, err
	}
	entry, err := c.store.AddPainEntry(ctx, store.PainEntry{PlanID: plan.ID, Source: source, Pain: pain, Note: note, At: at})
	if err != nil {
		return store.CheckinPlan{}, store.PainEntry{}, recovery.Message{}, err
	}
	fb, err := c.feedback(ctx, plan, entry.ID)
	return plan, entry, fb, err
}
