package bot

import (
	"errors"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// Discord is the part of the discordgo session Spotter calls, copied from
// discordgo's own signatures so tests can stand in for it.
type Discord interface {
	InteractionRespond(interaction *discordgo.Interaction, resp *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	InteractionResponseEdit(interaction *discordgo.Interaction, newresp *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionResponseDelete(interaction *discordgo.Interaction, options ...discordgo.RequestOption) error
	FollowupMessageCreate(interaction *discordgo.Interaction, wait bool, data *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ApplicationCommandBulkOverwrite(appID string, guildID string, commands []*discordgo.ApplicationCommand, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
	UserChannelCreate(recipientID string, options ...discordgo.RequestOption) (*discordgo.Channel, error)
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageEditComplex(m *discordgo.MessageEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	// RequestWithBucketID reaches routes discordgo v0.29.0 has no method
	// for, such as the pin routes under /channels/{c}/messages/pins.
	RequestWithBucketID(method, urlStr string, data interface{}, bucketID string, options ...discordgo.RequestOption) (response []byte, err error)
}

var _ Discord = (*discordgo.Session)(nil)

// Discord JSON error codes Spotter reacts to.
const (
	CodeUnknownChannel      = 10003
	CodeUnknownMessage      = 10008
	CodeUnknownInteraction  = 10062
	CodeMaxPins             = 30003
	CodeMissingAccess       = 50001
	CodeCannotDMUser        = 50007
	CodeMissingPermissions  = 50013
	CodeAlreadyAcknowledged = 40060
	CodeInvalidFormBody     = 50035
)

// ErrorCode returns Discord's JSON error code carried by err, or 0.
func ErrorCode(err error) int {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Message != nil {
		return rest.Message.Code
	}
	return 0
}

// ErrorStatus returns the HTTP status of a Discord REST error, or 0.
func ErrorStatus(err error) int {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Response != nil {
		return rest.Response.StatusCode
	}
	return 0
}

// IsTransient reports whether a failed Discord call is worth retrying later:
// rate limits, server errors and network failures, but not Discord's
// definite answers (unknown channel, DMs closed, missing permissions...).
func IsTransient(err error) bool {
	if err == nil {
		return false
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		return true
	}
	status := ErrorStatus(err)
	if status == 0 {
		return true
	}
	return status == http.StatusTooManyRequests || status >= 500
}
