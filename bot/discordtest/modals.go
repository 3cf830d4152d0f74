package discordtest

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// modalInput is a text input of a modal the bot showed.
type modalInput struct {
	customID  string
	inLabel   bool
	required  bool
	minLength int
	maxLength int
}

// SubmitModal has the actor submit the modal with customID that the bot most
// recently showed them, with fields mapping text input custom_ids to values.
// It fails the test if no such modal is open, a field is not in the modal, or
// a required field is missing or a value is outside the input's lengths.
func (s *Server) SubmitModal(a Actor, customID string, fields map[string]string) *Interaction {
	s.t.Helper()
	s.mu.Lock()
	var open *openModal
	var shown []string
	for _, m := range slices.Backward(s.modals) {
		if m.userID == a.UserID && !m.used {
			shown = append(shown, m.customID)
			if m.customID == customID && open == nil {
				open = m
			}
		}
	}
	if open == nil {
		s.mu.Unlock()
		s.fatalf("no open modal %q for user %s (open: %s)", customID, a.UserID, strings.Join(shown, ", "))
	}
	inputs := modalInputs(open.data)
	fields = maps.Clone(fields)
	rows := make([]map[string]any, 0, len(inputs))
	for _, in := range inputs {
		v, ok := fields[in.customID]
		n := runeLen(v)
		if in.required && (!ok || v == "") {
			s.mu.Unlock()
			s.fatalf("modal %q: required field %q is missing", customID, in.customID)
		}
		if ok && v != "" && (n < in.minLength || (in.maxLength > 0 && n > in.maxLength)) {
			s.mu.Unlock()
			s.fatalf("modal %q: field %q must be %d-%d characters, got %d", customID, in.customID, in.minLength, in.maxLength, n)
		}
		input := map[string]any{"type": compTextInput, "custom_id": in.customID, "value": v}
		if in.inLabel {
			rows = append(rows, map[string]any{"type": compLabel, "component": input})
		} else {
			rows = append(rows, map[string]any{"type": compActionRow, "components": []any{input}})
		}
		delete(fields, in.customID)
	}
	for k := range fields {
		s.mu.Unlock()
		s.fatalf("modal %q has no text input %q", customID, k)
	}
	open.used = true
	from := open.from
	s.mu.Unlock()
	a.GuildID, a.ChannelID = from.actor.GuildID, from.actor.ChannelID
	a = s.resolveActor(a)
	data := map[string]any{"custom_id": customID, "components": rows}
	return s.startInteraction(a, discordgo.InteractionModalSubmit, 0, data, from.source)
}

// modalInputs lists the text inputs of a modal definition, in order.
func modalInputs(data json.RawMessage) []modalInput {
	var d struct {
		Components []componentBody `json:"components"`
	}
	_ = json.Unmarshal(data, &d) // validated by checkModal when it was shown.
	var out []modalInput
	add := func(c componentBody, inLabel bool) {
		if c.Type != compTextInput || c.CustomID == nil {
			return
		}
		in := modalInput{customID: *c.CustomID, inLabel: inLabel, required: true}
		if c.Required != nil {
			in.required = *c.Required
		}
		if c.MinLength != nil {
			in.minLength = *c.MinLength
		}
		if c.MaxLength != nil {
			in.maxLength = *c.MaxLength
		}
		out = append(out, in)
	}
	for _, c := range d.Components {
		switch c.Type {
		case compActionRow:
			for _, k := range c.Components {
				add(k, false)
			}
		case compLabel:
			if c.Component != nil {
				add(*c.Component, true)
			}
		}
	}
	return out
}
