package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Message types of interaction responses.
const (
	msgTypeDefault     = 0
	msgTypeChatInput   = 20
	msgTypeContextMenu = 23
)

// allowedCallbacks lists the callback types each interaction type accepts.
var allowedCallbacks = map[discordgo.InteractionType][]discordgo.InteractionResponseType{
	discordgo.InteractionApplicationCommand:             {4, 5, 9},
	discordgo.InteractionMessageComponent:               {4, 5, 6, 7, 9},
	discordgo.InteractionApplicationCommandAutocomplete: {8},
	discordgo.InteractionModalSubmit:                    {4, 5, 6, 7},
}

// callback serves POST /interactions/{id}/{token}/callback with Discord's
// rules: the first callback within the deadline wins, a second is 40060, a
// late one 10062, and each interaction type accepts only some callback
// types.
func (c *call) callback() {
	var body struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if !c.decode(&body) {
		return
	}
	s := c.s
	s.mu.Lock()
	st := s.interactions[c.params["interaction_id"]]
	s.mu.Unlock()
	if st == nil || st.token != c.params["interaction_token"] {
		c.fail(newAPIError(http.StatusNotFound, codeUnknownInteraction))
		return
	}
	if e := s.acceptCallback(st, discordgo.InteractionResponseType(body.Type), body.Data, c.body, c.at); e != nil {
		c.fail(e)
		return
	}
	c.noContent()
}

// acceptCallback applies an interaction's first response, however it came
// (a REST callback, or the reply to an HTTP interaction): the first one
// within the deadline wins, a second is 40060, a late one 10062, and the
// type and data must suit the interaction.
func (s *Server) acceptCallback(st *interaction, typ discordgo.InteractionResponseType, data json.RawMessage, body parsedBody, arrived time.Time) *apiError {
	s.mu.Lock()
	if st.cb != nil {
		s.mu.Unlock()
		return newAPIError(http.StatusBadRequest, codeAlreadyAcked)
	}
	// The deadline is read under the lock so Interaction.Wait, which
	// checks under the same lock once the deadline has passed, agrees.
	if time.Since(st.dispatchedAt) > s.opts.CallbackDeadline {
		s.mu.Unlock()
		return newAPIError(http.StatusNotFound, codeUnknownInteraction)
	}
	created, e := s.applyCallbackLocked(st, typ, data, body)
	if e != nil {
		s.mu.Unlock()
		return e
	}
	// The latency runs to the callback's arrival: the stand-in's own
	// checks of the body since (the OpenAPI schema above all, slow for a
	// large embed) are not the bot's time.
	st.cb = &storedCallback{typ: typ, data: data, files: body.files, latency: arrived.Sub(st.dispatchedAt)}
	s.mu.Unlock()
	s.sig.broadcast()
	if created != nil {
		s.emitMessage("MESSAGE_CREATE", created)
	} else if typ == discordgo.InteractionResponseUpdateMessage {
		s.emitMessage("MESSAGE_UPDATE", st.source)
	}
	return nil
}

// applyCallbackLocked validates a callback for the interaction and applies
// its effect; it returns the message it created, if any. Call with s.mu held.
func (s *Server) applyCallbackLocked(st *interaction, typ discordgo.InteractionResponseType, data json.RawMessage, body parsedBody) (*message, *apiError) {
	var f formErrors
	if !allowed(st, typ) {
		f.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", fmt.Sprintf("Interaction response type %d is not valid for interaction type %d", typ, st.typ))
		return nil, f.err()
	}
	switch typ {
	case discordgo.InteractionResponseChannelMessageWithSource:
		p, e := parseMsgPayload(data, "data")
		if e != nil {
			return nil, e
		}
		if e := newMessageError(p, body.files, "data"); e != nil {
			return nil, e
		}
		m := s.newMessageLocked(s.channels[st.actor.ChannelID], s.opts.ApplicationID, p, body.files, responseType(st), st)
		st.original = m
		return m, nil
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		p, e := parseMsgPayload(data, "data")
		if e != nil {
			return nil, e
		}
		if fl := p.flags(); fl&^flagEphemeral != 0 {
			f.add("data.flags", "INTERACTION_RESPONSE_FLAGS_INVALID", "Only the EPHEMERAL flag (64) can be set on a deferred response")
			return nil, f.err()
		}
		m := s.newMessageLocked(s.channels[st.actor.ChannelID], s.opts.ApplicationID, &msgPayload{Flags: p.Flags}, nil, responseType(st), st)
		m.loading = true
		m.flags |= flagLoading
		st.original = m
		return nil, nil
	case discordgo.InteractionResponseDeferredMessageUpdate:
		st.original = st.source
		return nil, nil
	case discordgo.InteractionResponseUpdateMessage:
		p, e := parseMsgPayload(data, "data")
		if e != nil {
			return nil, e
		}
		if e := s.applyEditLocked(st.source, p, body, "data"); e != nil {
			return nil, e
		}
		st.original = st.source
		return nil, nil
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		var d struct {
			Choices []json.RawMessage `json:"choices"`
		}
		if err := json.Unmarshal(data, &d); err != nil || d.Choices == nil {
			f.required("data.choices")
			return nil, f.err()
		}
		checkChoices(&f, "data.choices", d.Choices)
		return nil, f.err()
	case discordgo.InteractionResponseModal:
		checkModal(&f, "data", data)
		if e := f.err(); e != nil {
			return nil, e
		}
		var d struct {
			CustomID string `json:"custom_id"`
		}
		_ = json.Unmarshal(data, &d) // checkModal has verified the shape.
		s.modals = append(s.modals, &openModal{customID: d.CustomID, userID: st.actor.UserID, from: st, data: data})
		return nil, nil
	}
	return nil, f.err()
}

// allowed reports whether the interaction accepts the callback type; 6 and 7
// also need a message to update (a modal opened from a slash command has
// none).
func allowed(st *interaction, typ discordgo.InteractionResponseType) bool {
	for _, t := range allowedCallbacks[st.typ] {
		if t == typ {
			if typ == discordgo.InteractionResponseDeferredMessageUpdate || typ == discordgo.InteractionResponseUpdateMessage {
				return st.source != nil && !st.source.deleted
			}
			return true
		}
	}
	return false
}

func responseType(st *interaction) int {
	switch {
	case st.typ != discordgo.InteractionApplicationCommand:
		return msgTypeDefault
	case st.commandType == discordgo.ChatApplicationCommand:
		return msgTypeChatInput
	default:
		return msgTypeContextMenu
	}
}
