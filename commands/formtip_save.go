package commands

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
)

// savePermissions are what the bot needs to pin a member's message.
const savePermissions = discordgo.PermissionViewChannel | discordgo.PermissionReadMessageHistory | bot.PermissionPinMessages

// offerSave answers "Save as form tip" with a menu of exercises: picking
// from the cards, rather than typing, means every saved tip files under a
// real card. Nothing is pinned or saved until the moderator picks.
func (f *formTip) offerSave(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	data := req.ApplicationCommandData()
	var target *discordgo.Message
	if data.Resolved != nil {
		target = data.Resolved.Messages[data.TargetID]
	}
	if target == nil || target.Author == nil {
		return nil, bot.Userf("I couldn't read that message. Try again from the message's Apps menu.")
	}
	if target.Author.Bot {
		return nil, bot.Userf("The tip library is for members' advice; that message is from a bot.")
	}
	if missing := bot.MissingAppPermissions(req, savePermissions); len(missing) > 0 {
		return nil, bot.Userf("I can't pin messages here yet: an admin needs to give me %s in this channel. Nothing was saved.", andList(missing))
	}
	switch tip, err := f.store.FormTipByMessage(ctx, req.GuildID, target.ID); {
	case err == nil:
		return nil, bot.Userf("That message is already in the tip library as #%d (%s).", tip.ID, f.cardTitle(tip.Exercise))
	case !errors.Is(err, spotter.ErrFormTipNotFound):
		return nil, fmt.Errorf("save form tip: %w", err)
	}
	offer, err := f.store.CreateFormTipOffer(ctx, spotter.FormTipOffer{GuildID: req.GuildID, ChannelID: req.ChannelID, MessageID: target.ID, OfferedTo: req.UserID()})
	if err != nil {
		return nil, fmt.Errorf("save form tip: %w", err)
	}
	cards := f.cards.Cards()
	options := make([]discordgo.SelectMenuOption, 0, min(len(cards), 25))
	for _, c := range cards[:min(len(cards), 25)] {
		options = append(options, discordgo.SelectMenuOption{Label: c.Title, Value: c.ID})
	}
	return &bot.Response{
		Kind: bot.KindMessage, Ephemeral: true,
		Content: fmt.Sprintf("Which exercise is <@%s>'s tip about? I'll pin the message and add it to the server's tip library.", target.Author.ID),
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{
			CustomID:    formTipSaveID + ":" + offer.ID,
			Placeholder: "Pick the exercise",
			Options:     options,
		}}}},
	}, nil
}

// save pins the message and files it under the exercise the moderator
// picked. Nothing is saved when Discord refuses the pin, except when the
// channel's pins are full: the tip is still worth keeping.
func (f *formTip) save(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	args := req.CustomIDArgs()
	values := req.MessageComponentData().Values
	if len(args) != 1 || len(values) != 1 {
		return nil, bot.Userf("That menu is out of date. Use Save as form tip on the message again.")
	}
	offer, err := f.store.FormTipOffer(ctx, args[0])
	if errors.Is(err, spotter.ErrFormTipOfferNotFound) || (err == nil && offer.GuildID != req.GuildID) {
		return nil, bot.Userf("That menu is out of date. Use Save as form tip on the message again.")
	}
	if err != nil {
		return nil, fmt.Errorf("save form tip: %w", err)
	}
	if offer.OfferedTo != req.UserID() {
		return nil, bot.Userf("That menu belongs to the moderator who opened it. Use Save as form tip on the message yourself.")
	}
	if req.Discord == nil {
		return nil, errors.New("save form tip: no Discord connection")
	}
	// Read the message again: it may have been deleted since the menu was
	// offered, and its author is whoever Discord says, not what was sent.
	msg, err := fetchMessage(ctx, req.Discord, offer.ChannelID, offer.MessageID)
	switch code := bot.ErrorCode(err); {
	case code == bot.CodeUnknownMessage || code == bot.CodeUnknownChannel:
		return formTipUpdate("That message was deleted, so there is nothing to save."), nil
	case err != nil:
		return nil, fmt.Errorf("save form tip: %w", err)
	case msg.Author == nil || msg.Author.Bot:
		return nil, bot.Userf("The tip library is for members' advice; that message is from a bot.")
	}
	channelID, messageID, authorID := offer.ChannelID, offer.MessageID, msg.Author.ID
	card, ok := f.cards.Card(values[0])
	if !ok {
		return nil, bot.Userf("That exercise has no card any more. Use Save as form tip on the message again.")
	}
	link := messageJumpLink(req.GuildID, channelID, messageID)
	switch tip, err := f.store.FormTipByMessage(ctx, req.GuildID, messageID); {
	case err == nil:
		return formTipUpdate(fmt.Sprintf("That message is already in the tip library as #%d (%s): %s", tip.ID, f.cardTitle(tip.Exercise), link)), nil
	case !errors.Is(err, spotter.ErrFormTipNotFound):
		return nil, fmt.Errorf("save form tip: %w", err)
	}
	pinned := "and pinned it"
	if err := pinMessage(ctx, req.Discord, channelID, messageID, "form tip saved by "+req.UserID()); err != nil {
		why, known := pinFailure(err)
		switch {
		case bot.ErrorCode(err) == bot.CodeMaxPins:
			pinned = "but did not pin it: " + why
		case known:
			return nil, &bot.UserError{Message: fmt.Sprintf("I couldn't save that tip: %s. Nothing was saved.", why), Err: err}
		default:
			return nil, fmt.Errorf("save form tip: %w", err)
		}
	}
	tip, _, err := f.store.SaveFormTip(ctx, spotter.FormTip{
		GuildID: req.GuildID, ChannelID: channelID, MessageID: messageID, AuthorID: authorID,
		Exercise: card.ID, Link: link, SavedBy: req.UserID(),
	})
	if err != nil {
		return nil, fmt.Errorf("save form tip: %w", err)
	}
	if err := f.store.DeleteFormTipOffer(ctx, offer.ID); err != nil {
		req.Log.Warn("could not clear a used form tip offer", "err", err)
	}
	return formTipUpdate(fmt.Sprintf("Saved <@%s>'s tip as #%d (%s) %s: %s", authorID, tip.ID, card.Title, pinned, link)), nil
}

// fetchMessage reads one message through the REST port.
func fetchMessage(ctx context.Context, d restCaller, channelID, messageID string) (*discordgo.Message, error) {
	route := discordgo.EndpointChannelMessage(channelID, messageID)
	body, err := d.RequestWithBucketID(http.MethodGet, route, nil, discordgo.EndpointChannelMessages(channelID), discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("read message %s in channel %s: %w", messageID, channelID, err)
	}
	var m discordgo.Message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("read message %s in channel %s: %w", messageID, channelID, err)
	}
	return &m, nil
}

// formTipUpdate replaces the clicked message's text and removes its menu.
func formTipUpdate(content string) *bot.Response {
	return &bot.Response{Kind: bot.KindUpdate, Content: content, Components: []discordgo.MessageComponent{}}
}

// cardTitle is the title of the card with this id, or the id itself for a
// card that no longer exists.
func (f *formTip) cardTitle(id string) string {
	if c, ok := f.cards.Card(id); ok {
		return c.Title
	}
	return id
}
