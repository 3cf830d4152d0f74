package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge/formtips"
)

// postPermissions are what the bot needs in a channel to post a card there,
// and, when it pins, to pin it and read the pins already there.
func postPermissions(pin bool) int64 {
	var need int64 = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks
	if pin {
		need |= bot.PermissionPinMessages | discordgo.PermissionReadMessageHistory
	}
	return need
}

// post puts the card in the channel as the bot's own message and pins it.
// A channel message rather than a public interaction reply: it is the
// bot's, so it carries no "used /form-tip" header into the pins, has its id
// at once for pinning, and the moderator's confirmation stays private.
func (f *formTip) post(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	card, err := f.card(req)
	if err != nil {
		return nil, err
	}
	pin := true
	if v, ok := req.BoolOption(formTipOptPin); ok {
		pin = v
	}
	if missing := bot.MissingAppPermissions(req, postPermissions(pin)); len(missing) > 0 {
		return nil, bot.Userf("I can't post the %s card here yet: an admin needs to give me %s in this channel. Nothing was posted.", card.Title, andList(missing))
	}
	if req.Discord == nil {
		return nil, errors.New("post form card: no Discord connection")
	}
	if pin {
		pinned, err := pinnedCard(ctx, req.Discord, req.ChannelID, req.AppID, card)
		if err != nil {
			return nil, fmt.Errorf("post form card: %w", err)
		}
		if pinned != "" {
			return nil, bot.Userf("The %s card is already pinned here: %s\nNothing new was posted. To post a copy anyway, use `pin: False`.",
				card.Title, messageJumpLink(req.GuildID, req.ChannelID, pinned))
		}
	}
	msg, err := req.Discord.ChannelMessageSendComplex(req.ChannelID, &discordgo.MessageSend{
		Embeds:          []*discordgo.MessageEmbed{formCardEmbed(card)},
		Components:      f.relatedButtons(card),
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}, discordgo.WithContext(ctx))
	if err != nil {
		if code := bot.ErrorCode(err); code == bot.CodeMissingPermissions || code == bot.CodeMissingAccess {
			return nil, &bot.UserError{Message: "Discord refused the post: an admin needs to give me View Channel, Send Messages and Embed Links in this channel. Nothing was posted.", Err: err}
		}
		return nil, fmt.Errorf("post form card %s: %w", card.ID, err)
	}
	link := messageJumpLink(req.GuildID, req.ChannelID, msg.ID)
	if !pin {
		return bot.Ephemeral(fmt.Sprintf("Posted the %s card: %s", card.Title, link)), nil
	}
	if err := pinMessage(ctx, req.Discord, req.ChannelID, msg.ID, "form card posted with /form-tip post by "+req.UserID()); err != nil {
		why, known := pinFailure(err)
		if !known {
			req.Log.Error("posted a form card but could not pin it", "message", msg.ID, "err", err)
			why = "Discord had a problem; pin it from the message menu, or try again in a minute"
		}
		return bot.Ephemeral(fmt.Sprintf("Posted the %s card (%s) but did not pin it: %s.", card.Title, link, why)), nil
	}
	return bot.Ephemeral(fmt.Sprintf("Posted and pinned the %s card: %s", card.Title, link)), nil
}

// pinnedCard returns the id of the bot's pinned post of card in the
// channel, or "".
func pinnedCard(ctx context.Context, d restCaller, channelID, botID string, card *formtips.Card) (string, error) {
	pins, err := pinnedMessages(ctx, d, channelID)
	if err != nil {
		return "", err
	}
	for _, m := range pins {
		if isFormCard(m, botID, card) {
			return m.ID, nil
		}
	}
	return "", nil
}

// messageJumpLink is the link that opens a message in Discord.
func messageJumpLink(guildID, channelID, messageID string) string {
	return fmt.Sprintf("https://discord.com/channels/%s/%s/%s", guildID, channelID, messageID)
}

// andList joins names as a sentence does: "A", "A and B", "A, B and C".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
