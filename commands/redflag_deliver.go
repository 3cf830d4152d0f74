package commands

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// redFlagDMTimeout bounds opening the DM and sending the question, so a member
// whose DMs Discord cannot reach gets the check in the channel instead.
const redFlagDMTimeout = 10 * time.Second

// What a member in a server is told when the check cannot go to their DMs.
const (
	redFlagDMClosedNote = "I couldn't send you a DM because your privacy settings don't allow DMs from me, so the check runs here instead: only you can see it. " +
		"To get DMs from me next time, open this server's name (top left) > Privacy Settings and turn on Direct Messages (\"Allow DMs from other members in this server\")."
	redFlagDMFailedNote = "I couldn't reach your DMs just now (Discord had a problem), so the check runs here instead: only you can see it."
)

// present shows the run's current question where it belongs and records
// where that is. In a DM with the bot it is the answer itself; in a server
// it goes to the member's DMs, or, when that fails, into a private reply
// in the channel. kind says whether the answer is a new message (the
// command, the /sore-back button) or replaces the clicked one.
func (f *redFlagCheck) present(ctx context.Context, req *bot.Request, run spotter.RedFlagRun, kind bot.ResponseKind) (*bot.Response, error) {
	answers, err := redflag.ParseAnswers(run.Answers)
	if err != nil {
		return nil, fmt.Errorf("red-flag run %s: stored answers are unreadable", run.ID)
	}
	question := redFlagQuestion(kind, run, answers)
	if !req.InGuild() {
		if err := f.store.PlaceRedFlagRun(ctx, run.ID, spotter.RedFlagInDM, req.ChannelID, ""); err != nil {
			return nil, fmt.Errorf("red-flag check: %w", err)
		}
		return question, nil
	}
	sent, err := sendRedFlagDM(ctx, req, question)
	if err == nil {
		if err := f.store.PlaceRedFlagRun(ctx, run.ID, spotter.RedFlagInDM, sent.ChannelID, sent.ID); err != nil {
			return nil, fmt.Errorf("red-flag check: %w", err)
		}
		return redFlagDMSent(kind, sent, len(answers) == 0), nil
	}
	note := redFlagDMFailedNote
	if bot.ErrorCode(err) == bot.CodeCannotDMUser {
		note = redFlagDMClosedNote
	}
	req.Log.Warn("red-flag check cannot go to DMs; running it privately in the channel", "run", run.ID, "code", bot.ErrorCode(err), "err", err)
	if err := f.store.PlaceRedFlagRun(ctx, run.ID, spotter.RedFlagEphemeral, req.ChannelID, ""); err != nil {
		return nil, fmt.Errorf("red-flag check: %w", err)
	}
	question.Ephemeral = kind == bot.KindMessage
	question.Content = note
	return question, nil
}

// sendRedFlagDM opens the member's DM channel and posts the question there.
func sendRedFlagDM(ctx context.Context, req *bot.Request, question *bot.Response) (*discordgo.Message, error) {
	if req.Discord == nil {
		return nil, errors.New("send DM: no Discord connection")
	}
	ctx, cancel := context.WithTimeout(ctx, redFlagDMTimeout)
	defer cancel()
	ch, err := req.Discord.UserChannelCreate(req.UserID(), discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("open DM channel: %w", err)
	}
	msg, err := req.Discord.ChannelMessageSendComplex(ch.ID, &discordgo.MessageSend{
		Embeds:          question.Embeds,
		Components:      question.Components,
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("send DM: %w", err)
	}
	return msg, nil
}

// redFlagDMSent tells the member, privately, that the question is in their
// DMs, with a button that opens it. An update keeps the clicked message's
// visibility, which in a server is always private here.
func redFlagDMSent(kind bot.ResponseKind, sent *discordgo.Message, first bool) *bot.Response {
	text := "I've sent you a DM with the first question. Your answers stay between you and me."
	if !first {
		text = "I've sent you a DM with the question you were on. Your answers stay between you and me."
	}
	link := fmt.Sprintf("https://discord.com/channels/@me/%s/%s", sent.ChannelID, sent.ID)
	return &bot.Response{
		Kind:      kind,
		Ephemeral: kind == bot.KindMessage,
		Content:   text,
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Open the DM", Style: discordgo.LinkButton, URL: link},
		}}},
	}
}
