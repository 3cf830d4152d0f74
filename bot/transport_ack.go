package bot

import (
	"github.com/bwmarrin/discordgo"
)

// Spotter takes interactions from one of two transports, and everything but
// the way in and the first response is shared: Bot.handle routes the
// interaction through the middleware and hands the first response (the
// "ack": an answer, a defer, choices or a modal) to a firstResponder; every
// later call (filling a deferred reply, followups) goes over REST either
// way.
//
//   - gateway: INTERACTION_CREATE arrives on the websocket and the first
//     response is a REST callback (restCallback);
//   - http: Discord POSTs the interaction to Spotter's endpoint and the first
//     response is the body of the HTTP reply (httpReply, in
//     httpinteractions.go).

// Transport modes, as written in the configuration (discord.mode).
const (
	ModeGateway = "gateway"
	ModeHTTP    = "http"
)

// firstResponder sends an interaction's first response.
type firstResponder interface {
	// respond sends the first response; it is called at most once per
	// interaction, except for one retry after a 5xx from Discord.
	respond(resp *discordgo.InteractionResponse) error
	// carriesFiles reports whether the first response may upload files;
	// when it cannot, an answer with files is deferred and then filled in
	// over REST.
	carriesFiles() bool
}

// restCallback is the gateway's first response: POST
// /interactions/{id}/{token}/callback.
type restCallback struct {
	discord     Discord
	interaction *discordgo.Interaction
}

func (c restCallback) respond(resp *discordgo.InteractionResponse) error {
	return respondInteraction(c.discord, c.interaction, resp)
}

func (restCallback) carriesFiles() bool { return true }
