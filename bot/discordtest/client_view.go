package discordtest

import (
	"encoding/json"
	"slices"
)

// ClientMessage is a message as a Discord client draws it for one viewer,
// for `spotter playground`: the wire object plus what the client knows
// beside it.
type ClientMessage struct {
	// Wire is the message object as Discord's API returns it.
	Wire json.RawMessage
	// EphemeralFor is the user an ephemeral message is shown to ("Only you
	// can see this"); "" when everyone sees it.
	EphemeralFor string
	// Loading marks a deferred response not filled yet ("is thinking...").
	Loading bool
	// InteractionID is the interaction the message answers, "" for none;
	// InteractionUser is who performed it.
	InteractionID, InteractionUser string
}

// ClientMessages returns the live messages of a channel that viewer sees,
// oldest first: ephemeral messages only to the user they are for.
func (s *Server) ClientMessages(channelID, viewerID string) []ClientMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.channels[channelID]
	if ch == nil {
		return nil
	}
	var out []ClientMessage
	for _, m := range ch.msgs {
		if m.deleted {
			continue
		}
		cm := ClientMessage{Loading: m.loading}
		if m.interaction != nil {
			cm.InteractionID, cm.InteractionUser = m.interaction.id, m.interaction.actor.UserID
		}
		if m.flags&flagEphemeral != 0 && m.interaction != nil {
			cm.EphemeralFor = m.interaction.actor.UserID
			if cm.EphemeralFor != viewerID {
				continue
			}
		}
		raw, err := json.Marshal(s.messageWire(m))
		if err != nil {
			continue // a stored message always marshals; skip rather than fail a viewer.
		}
		cm.Wire = raw
		out = append(out, cm)
	}
	return out
}

// Attachment returns an uploaded file by its attachment id.
func (s *Server) Attachment(id string) (File, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.findAttachment(id)
}

// OpenModal returns the data (custom_id, title, components) of the newest
// modal the bot showed the user that was neither submitted nor dismissed.
func (s *Server) OpenModal(userID string) (json.RawMessage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range slices.Backward(s.modals) {
		if m.userID == userID && !m.used {
			return slices.Clone(m.data), true
		}
	}
	return nil, false
}

// DismissModal closes the user's open modals with customID without
// submitting them, as the × of Discord's modal does.
func (s *Server) DismissModal(userID, customID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.modals {
		if m.userID == userID && m.customID == customID {
			m.used = true
		}
	}
}

// Guilds returns the guilds the bot is in, with their channels and roles.
func (s *Server) Guilds() []Guild {
	out := slices.Clone(s.opts.Guilds)
	for i := range out {
		out[i].Channels = slices.Clone(out[i].Channels)
		out[i].Roles = slices.Clone(out[i].Roles)
	}
	return out
}

// OpenDM returns the user's DM channel with the bot, opening it if needed,
// as clicking the bot's name in a client does.
func (s *Server) OpenDM(userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dmChannelLocked(userID).id
}
