package commands

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
)

// Pins go through the routes Discord introduced in 2025 under
// /channels/{c}/messages/pins. discordgo v0.29.0 only calls the deprecated
// /channels/{c}/pins ones, so these helpers make the REST calls themselves
// through the session, which keeps its rate limiting, retries and the bot's
// API transport.

// restCaller makes a raw REST call. The bot's REST port has it, for
// commands, and so does the scheduler's paced sender, for scheduled posts.
type restCaller interface {
	RequestWithBucketID(method, urlStr string, data any, bucketID string, options ...discordgo.RequestOption) ([]byte, error)
}

// pinRoute is the URL of the pin of messageID in channelID ("" for the
// rate-limit bucket shared by the channel's pins).
func pinRoute(channelID, messageID string) string {
	return discordgo.EndpointChannelMessages(channelID) + "/pins/" + messageID
}

// pinMessage pins the message; pinning an already pinned message changes
// nothing. reason goes to the server's audit log.
func pinMessage(ctx context.Context, d restCaller, channelID, messageID, reason string) error {
	_, err := d.RequestWithBucketID(http.MethodPut, pinRoute(channelID, messageID), nil, pinRoute(channelID, ""),
		discordgo.WithContext(ctx), discordgo.WithAuditLogReason(reason))
	if err != nil {
		return fmt.Errorf("pin message %s in channel %s: %w", messageID, channelID, err)
	}
	return nil
}

// unpinMessage unpins the message; reason goes to the server's audit log.
func unpinMessage(ctx context.Context, d restCaller, channelID, messageID, reason string) error {
	_, err := d.RequestWithBucketID(http.MethodDelete, pinRoute(channelID, messageID), nil, pinRoute(channelID, ""),
		discordgo.WithContext(ctx), discordgo.WithAuditLogReason(reason))
	if err != nil {
		return fmt.Errorf("unpin message %s in channel %s: %w", messageID, channelID, err)
	}
	return nil
}

// maxPinPages bounds the listing: Discord holds 250 pins per channel and
// pages them 50 at a time.
const maxPinPages = 10

// pinnedMessages lists the channel's pinned messages, most recently pinned
// first, following Discord's pages.
func pinnedMessages(ctx context.Context, d restCaller, channelID string) ([]*discordgo.Message, error) {
	var all []*discordgo.Message
	before := ""
	for range maxPinPages {
		q := url.Values{"limit": {"50"}}
		if before != "" {
			q.Set("before", before)
		}
		body, err := d.RequestWithBucketID(http.MethodGet, discordgo.EndpointChannelMessages(channelID)+"/pins?"+q.Encode(), nil,
			discordgo.EndpointChannelMessages(channelID)+"/pins", discordgo.WithContext(ctx))
		if err != nil {
			return nil, fmt.Errorf("list pins of channel %s: %w", channelID, err)
		}
		var page struct {
			Items []struct {
				PinnedAt string             `json:"pinned_at"`
				Message  *discordgo.Message `json:"message"`
			} `json:"items"`
			HasMore bool `json:"has_more"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			return nil, fmt.Errorf("list pins of channel %s: read answer: %w", channelID, err)
		}
		for _, it := range page.Items {
			all = append(all, it.Message)
		}
		if !page.HasMore || len(page.Items) == 0 {
			return all, nil
		}
		before = page.Items[len(page.Items)-1].PinnedAt
	}
	return all, nil
}

// pinFailure explains a failed pin or unpin to a moderator in the words of
// Discord's answer; ok is false for failures Discord did not explain.
func pinFailure(err error) (why string, ok bool) {
	switch bot.ErrorCode(err) {
	case bot.CodeMaxPins:
		return "this channel already has 250 pins, the most Discord allows; unpin an old message to make room", true
	case bot.CodeMissingPermissions, bot.CodeMissingAccess:
		return "I'm not allowed to pin there: ask an admin to give me **Pin Messages** in that channel", true
	case bot.CodeUnknownMessage:
		return "the message has been deleted", true
	case bot.CodeUnknownChannel:
		return "the channel has been deleted", true
	}
	return "", false
}
