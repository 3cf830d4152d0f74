package bot

import (
	"encoding/json"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// payloadExtras are the parts of an INTERACTION_CREATE payload that
// discordgo v0.29.0 does not decode but Spotter checks.
type payloadExtras struct {
	channelPerms map[string]int64
}

// parseExtras reads the extras from a raw INTERACTION_CREATE payload,
// which i was decoded from; what is missing or malformed is left out, so a
// check that needs it fails closed.
func parseExtras(i *discordgo.Interaction, raw []byte) payloadExtras {
	if !mayResolveChannels(i) {
		return payloadExtras{}
	}
	var p struct {
		Data struct {
			Resolved struct {
				Channels map[string]struct {
					Permissions string `json:"permissions"`
				} `json:"channels"`
			} `json:"resolved"`
		} `json:"data"`
	}
	if json.Unmarshal(raw, &p) != nil || len(p.Data.Resolved.Channels) == 0 {
		return payloadExtras{}
	}
	out := payloadExtras{channelPerms: map[string]int64{}}
	for id, ch := range p.Data.Resolved.Channels {
		if n, err := strconv.ParseInt(ch.Permissions, 10, 64); err == nil {
			out.channelPerms[id] = n
		}
	}
	return out
}

// mayResolveChannels reports whether the payload of i may carry resolved
// channels. For a command or autocomplete, discordgo has decoded
// data.resolved.channels from the same bytes: when it found none, there is
// nothing to read, and the second pass over the payload (about 10 µs
// before every ack) is skipped.
func mayResolveChannels(i *discordgo.Interaction) bool {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return true
	}
	return data.Resolved != nil && len(data.Resolved.Channels) > 0
}
