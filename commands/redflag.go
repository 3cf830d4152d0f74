package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/contacts"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// Names and custom_id prefixes of /red-flag-check. Components carry the run
// id, the step they were made for and the screen they answer:
// redflag:answer:<run>:<step>:<question>:<answer> on a question asked alone,
// the select menu redflag:tick:<run>:<step>:<screen> and the button
// redflag:none:<run>:<step>:<screen> on a checklist, redflag:back:<run>:<step>,
// redflag:stop:<run>:<step>, redflag:resume:<run> and redflag:restart:<run>.
// "redflag:start" (redFlagStartID) starts a check from a /sore-back answer.
// Answer buttons made before checklists existed, redflag:answer:<run>:<step>:<answer>,
// do not say which question they answer, so they are never counted.
const (
	redFlagName         = "red-flag-check"
	redFlagOptionRegion = "region"
	redFlagAnswerID     = "redflag:answer"
	redFlagTickID       = "redflag:tick"
	redFlagNoneID       = "redflag:none"
	redFlagBackID       = "redflag:back"
	redFlagStopID       = "redflag:stop"
	redFlagResumeID     = "redflag:resume"
	redFlagRestartID    = "redflag:restart"
)

// What a member is told when a click on the check cannot count. Each is a
// new private message and the check's own message is left as it was, except
// redFlagChangedMsg, which replaces a question from before the change. A %s
// is the command's mention.
const (
	redFlagEndedMsg   = "This red-flag check has already finished or was stopped, so that button does nothing now. Run %s to start a new one."
	redFlagExpiredMsg = "This red-flag check has expired: a check stays open for 24 hours, then its answers are deleted. Run %s to start a new one."
	redFlagNotYours   = "This red-flag check belongs to someone else, so I can't take your click. Run %s to start your own private check."
	redFlagStaleMsg   = "That button is from an earlier version of this question, so I ignored it. Please use the latest message of your red-flag check."
	redFlagBadButton  = "That button is out of date. Run %s to start a new check."
	redFlagChangedMsg = "This red-flag check has changed since this message was sent: it now asks about a few more warning signs, some of them as a short checklist. " +
		"So that click was not counted. Please start again; a check with no warning signs takes about a dozen taps."
)

// redFlagStore is what the red-flag check keeps: the run in progress and
// the member's region, for the emergency number.
type redFlagStore interface {
	StartRedFlagRun(ctx context.Context, userID string) (run spotter.RedFlagRun, started bool, err error)
	RestartRedFlagRun(ctx context.Context, userID, oldID string) (run spotter.RedFlagRun, started bool, err error)
	RedFlagRun(ctx context.Context, id string) (spotter.RedFlagRun, error)
	PlaceRedFlagRun(ctx context.Context, id string, mode spotter.RedFlagMode, channelID, messageID string) error
	AdvanceRedFlagRun(ctx context.Context, id string, fromStep int, answers string) (spotter.RedFlagRun, error)
	FinishRedFlagRun(ctx context.Context, id string, fromStep int, level string) error
	StopRedFlagRun(ctx context.Context, id string, fromStep int) error
	regionStore
}

// redFlagCheck runs the guided red-flag check. Its state lives in SQLite
// and in the buttons' custom_ids, so a click after a restart continues.
type redFlagCheck struct {
	store redFlagStore
	kb    *knowledge.Base
	// mention renders a command as a clickable mention (bot.Router.Mention).
	mention func(path string) string
}

func registerRedFlag(r *bot.Router, deps Deps) {
	f := &redFlagCheck{store: deps.Store, kb: deps.Knowledge, mention: r.Mention}
	r.Define(&discordgo.ApplicationCommand{
		Name:             redFlagName,
		Description:      "A private check for warning signs: rest and adjust, see a doctor today, or get help now?",
		Contexts:         serversAndDMs(),
		IntegrationTypes: guildInstall(),
		Options: []*discordgo.ApplicationCommandOption{{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        redFlagOptionRegion,
			Description: "Where you are, so your country's emergency numbers come first (remembered)",
			Choices:     redFlagRegionChoices(),
		}},
	})
	r.Command(redFlagName, f.start)
	r.Component(redFlagStartID, f.start)
	r.Component(redFlagResumeID, f.resume)
	r.Component(redFlagRestartID, f.restart)
	r.Component(redFlagAnswerID, f.answer)
	r.Component(redFlagTickID, f.tick)
	r.Component(redFlagNoneID, f.none)
	r.Component(redFlagBackID, f.back)
	r.Component(redFlagStopID, f.stop)
}

func redFlagRegionChoices() []*discordgo.ApplicationCommandOptionChoice {
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, code := range contacts.Codes() {
		region, _ := contacts.Lookup(code)
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: region.Name, Value: region.Code})
	}
	return choices
}

// start begins a check, or offers to continue the member's open one. The
// slash command answers with a new message; so does the button under a
// /sore-back answer, which must not be replaced.
func (f *redFlagCheck) start(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if code, ok := req.StringOption(redFlagOptionRegion); ok {
		region, known := contacts.Lookup(code)
		if !known {
			return nil, bot.Userf("I don't know that region. Pick one from the list, or leave it out.")
		}
		if err := f.store.SetMemberRegion(ctx, req.UserID(), region.Code); err != nil {
			return nil, fmt.Errorf("red-flag check: %w", err)
		}
	}
	run, started, err := f.store.StartRedFlagRun(ctx, req.UserID())
	if err != nil {
		return nil, fmt.Errorf("red-flag check: %w", err)
	}
	if !started {
		return redFlagResumeOffer(req, run)
	}
	req.Log.Info("red-flag check started", "run", run.ID)
	return f.present(ctx, req, run, bot.KindMessage)
}

// resume shows the current question of the member's open check again. The
// step moves on, so buttons on the older message no longer count.
func (f *redFlagCheck) resume(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	args := req.CustomIDArgs()
	if len(args) != 1 {
		return nil, f.badButton()
	}
	run, err := f.ownRun(ctx, req, args[0])
	if err != nil {
		return nil, err
	}
	run, err = f.store.AdvanceRedFlagRun(ctx, run.ID, run.Step, run.Answers)
	if err != nil {
		return nil, f.refusal(err, "resume")
	}
	return f.present(ctx, req, run, bot.KindUpdate)
}

// restart drops the member's open check and begins a new one.
func (f *redFlagCheck) restart(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	args := req.CustomIDArgs()
	if len(args) != 1 {
		return nil, f.badButton()
	}
	old, err := f.store.RedFlagRun(ctx, args[0])
	if err == nil && old.UserID != req.UserID() {
		return nil, bot.Userf(redFlagNotYours, f.mention(redFlagName))
	}
	if err != nil && !errors.Is(err, spotter.ErrRedFlagRunNotFound) && !errors.Is(err, spotter.ErrRedFlagRunExpired) {
		return nil, fmt.Errorf("red-flag restart: %w", err)
	}
	run, started, err := f.store.RestartRedFlagRun(ctx, req.UserID(), args[0])
	if err != nil {
		return nil, fmt.Errorf("red-flag restart: %w", err)
	}
	if !started {
		offer, err := redFlagResumeOffer(req, run)
		if err != nil {
			return nil, err
		}
		offer.Kind = bot.KindUpdate
		return offer, nil
	}
	req.Log.Info("red-flag check restarted", "run", run.ID, "replaced", args[0])
	return f.present(ctx, req, run, bot.KindUpdate)
}

// answer records the member's answer to the question asked alone on the
// current screen and shows the next screen, or the outcome once the check is
// complete. A button from before checklists existed is never counted.
func (f *redFlagCheck) answer(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	args := req.CustomIDArgs()
	if len(args) == 3 {
		return f.changed(ctx, req, args[0])
	}
	if len(args) != 4 {
		return nil, f.badButton()
	}
	run, answers, err := f.currentRun(ctx, req, args[0], args[1])
	if err != nil {
		return nil, err
	}
	ans, err := redflag.ParseAnswer(args[3])
	if err != nil {
		return nil, f.badButton()
	}
	if s, _, done := redflag.NextScreen(answers); done || s.Checklist || s.ID != args[2] {
		return nil, bot.Userf(redFlagStaleMsg)
	}
	// Record's errors name the answer: they must not reach a log line.
	next, err := answers.Record(args[2], ans)
	if err != nil {
		return nil, f.badButton()
	}
	return f.advance(ctx, req, run, next)
}

// tick records the items ticked in a checklist's menu: yes to those, no to
// the rest of the checklist.
func (f *redFlagCheck) tick(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	return f.checklist(ctx, req, req.MessageComponentData().Values)
}

// none records "None of these" on a checklist.
func (f *redFlagCheck) none(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	return f.checklist(ctx, req, nil)
}

func (f *redFlagCheck) checklist(ctx context.Context, req *bot.Request, ticked []string) (*bot.Response, error) {
	args := req.CustomIDArgs()
	if len(args) != 3 {
		return nil, f.badButton()
	}
	run, answers, err := f.currentRun(ctx, req, args[0], args[1])
	if err != nil {
		return nil, err
	}
	// RecordTicked's errors name the ticked questions: keep them out of logs.
	next, err := answers.RecordTicked(args[2], ticked)
	if errors.Is(err, redflag.ErrNotCurrent) {
		return nil, bot.Userf(redFlagStaleMsg)
	}
	if err != nil {
		return nil, f.badButton()
	}
	return f.advance(ctx, req, run, next)
}

// advance stores the answers and shows the next screen, or finishes the
// check when nothing is left to ask.
func (f *redFlagCheck) advance(ctx context.Context, req *bot.Request, run spotter.RedFlagRun, next redflag.Answers) (*bot.Response, error) {
	if _, _, done := redflag.NextScreen(next); done {
		return f.finish(ctx, req, run, next)
	}
	run, err := f.store.AdvanceRedFlagRun(ctx, run.ID, run.Step, next.String())
	if err != nil {
		return nil, f.refusal(err, "answer")
	}
	return redFlagQuestion(bot.KindUpdate, run, next), nil
}

// changed answers a click on an answer button made before the check had
// checklists: such a button does not say which question it answers, and
// the question now asked may be another, so the click is not counted. The
// old message is replaced with an offer to start again.
func (f *redFlagCheck) changed(ctx context.Context, req *bot.Request, runID string) (*bot.Response, error) {
	run, err := f.ownRun(ctx, req, runID)
	if err != nil {
		return nil, err
	}
	req.Log.Info("red-flag click on a button from before the change", "run", run.ID)
	return &bot.Response{
		Kind: bot.KindUpdate,
		Embeds: []*discordgo.MessageEmbed{{
			Title:       "This check has changed: please start again",
			Description: redFlagChangedMsg,
			Color:       embedColor,
			Footer:      &discordgo.MessageEmbedFooter{Text: redflag.Disclaimer},
		}},
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Start again", Style: discordgo.PrimaryButton, CustomID: redFlagRestartID + ":" + run.ID},
		}}},
	}, nil
}

// badButton is the answer to a click on a component the check cannot read.
func (f *redFlagCheck) badButton() error {
	return bot.Userf(redFlagBadButton, f.mention(redFlagName))
}

// finish shows the outcome in place of the question and keeps only its
// level and time.
func (f *redFlagCheck) finish(ctx context.Context, req *bot.Request, run spotter.RedFlagRun, answers redflag.Answers) (*bot.Response, error) {
	outcome := redflag.Triage(answers)
	if err := f.store.FinishRedFlagRun(ctx, run.ID, run.Step, outcome.Top().String()); err != nil {
		return nil, f.refusal(err, "finish")
	}
	region, err := memberRegion(ctx, f.store.MemberRegion, req)
	if err != nil {
		return nil, fmt.Errorf("red-flag outcome: %w", err)
	}
	req.Log.Info("red-flag check finished", "run", run.ID, "step", run.Step)
	return redFlagOutcome(outcome, outcome.Message(region), f.kb), nil
}

// back asks the previous question again.
func (f *redFlagCheck) back(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	args := req.CustomIDArgs()
	if len(args) != 2 {
		return nil, f.badButton()
	}
	run, answers, err := f.currentRun(ctx, req, args[0], args[1])
	if err != nil {
		return nil, err
	}
	previous := answers.Back()
	run, err = f.store.AdvanceRedFlagRun(ctx, run.ID, run.Step, previous.String())
	if err != nil {
		return nil, f.refusal(err, "back")
	}
	return redFlagQuestion(bot.KindUpdate, run, previous), nil
}

// stop ends the check without an outcome and deletes the answers.
func (f *redFlagCheck) stop(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	args := req.CustomIDArgs()
	if len(args) != 2 {
		return nil, f.badButton()
	}
	run, _, err := f.currentRun(ctx, req, args[0], args[1])
	if err != nil {
		return nil, err
	}
	if err := f.store.StopRedFlagRun(ctx, run.ID, run.Step); err != nil {
		return nil, f.refusal(err, "stop")
	}
	req.Log.Info("red-flag check stopped", "run", run.ID, "step", run.Step)
	region, err := memberRegion(ctx, f.store.MemberRegion, req)
	if err != nil {
		return nil, fmt.Errorf("red-flag stop: %w", err)
	}
	return redFlagStopped(f.mention(redFlagName), region), nil
}

// ownRun loads a run the clicking member owns, or explains why not.
func (f *redFlagCheck) ownRun(ctx context.Context, req *bot.Request, id string) (spotter.RedFlagRun, error) {
	run, err := f.store.RedFlagRun(ctx, id)
	if err != nil {
		return spotter.RedFlagRun{}, f.refusal(err, "load")
	}
	if run.UserID != req.UserID() {
		return spotter.RedFlagRun{}, bot.Userf(redFlagNotYours, f.mention(redFlagName))
	}
	return run, nil
}

// currentRun loads a run the clicking member owns and checks the button was
// made for its current step.
func (f *redFlagCheck) currentRun(ctx context.Context, req *bot.Request, id, step string) (spotter.RedFlagRun, redflag.Answers, error) {
	n, err := strconv.Atoi(step)
	if err != nil {
		return spotter.RedFlagRun{}, nil, f.badButton()
	}
	run, err := f.ownRun(ctx, req, id)
	if err != nil {
		return spotter.RedFlagRun{}, nil, err
	}
	if n != run.Step {
		return spotter.RedFlagRun{}, nil, bot.Userf(redFlagStaleMsg)
	}
	answers, err := redflag.ParseAnswers(run.Answers)
	if err != nil {
		// The parse error quotes the stored answers; only the run id is safe to log.
		return spotter.RedFlagRun{}, nil, fmt.Errorf("red-flag run %s: stored answers are unreadable", run.ID)
	}
	return run, answers, nil
}

// refusal turns a store error about a run into what the member is told.
func (f *redFlagCheck) refusal(err error, action string) error {
	switch {
	case errors.Is(err, spotter.ErrRedFlagRunNotFound):
		return bot.Userf(redFlagEndedMsg, f.mention(redFlagName))
	case errors.Is(err, spotter.ErrRedFlagRunExpired):
		return bot.Userf(redFlagExpiredMsg, f.mention(redFlagName))
	case errors.Is(err, spotter.ErrRedFlagRunMoved):
		return bot.Userf(redFlagStaleMsg)
	default:
		return fmt.Errorf("red-flag %s: %w", action, err)
	}
}

// redFlagResumeOffer asks a member who already has an open check whether to
// continue it or start again.
func redFlagResumeOffer(req *bot.Request, run spotter.RedFlagRun) (*bot.Response, error) {
	answers, err := redflag.ParseAnswers(run.Answers)
	if err != nil {
		return nil, fmt.Errorf("red-flag run %s: stored answers are unreadable", run.ID)
	}
	_, step, _ := redflag.NextScreen(answers)
	text := fmt.Sprintf("You already have a red-flag check open (you're on step %d of %d). Continue where you left off, or start again?", step, len(redflag.Screens()))
	return &bot.Response{
		Kind:      bot.KindMessage,
		Ephemeral: req.InGuild(),
		Content:   text,
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Continue where you left off", Style: discordgo.PrimaryButton, CustomID: redFlagResumeID + ":" + run.ID},
			discordgo.Button{Label: "Start again", Style: discordgo.SecondaryButton, CustomID: redFlagRestartID + ":" + run.ID},
		}}},
	}, nil
}
