package discordtest

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Click has the actor press the button with customID on msg. It fails the
// test if the message (as it is now) has no such button, or the button is
// disabled or a link, or the message is ephemeral and not the actor's.
func (s *Server) Click(a Actor, msg *Message, customID string) *Interaction {
	s.t.Helper()
	return s.useComponent(a, msg, customID, nil, false)
}

// Select has the actor choose values in the select menu with customID on
// msg; the values must fit the menu's options and min/max values.
func (s *Server) Select(a Actor, msg *Message, customID string, values ...string) *Interaction {
	s.t.Helper()
	return s.useComponent(a, msg, customID, values, true)
}

func (s *Server) useComponent(a Actor, msg *Message, customID string, values []string, isSel bool) *Interaction {
	s.t.Helper()
	if msg == nil {
		s.fatalf("component %q: msg is nil", customID)
	}
	s.mu.Lock()
	m := s.messages[msg.ID]
	if m == nil || m.deleted {
		s.mu.Unlock()
		s.fatalf("component %q: message %s does not exist (any more)", customID, msg.ID)
	}
	if m.flags&flagEphemeral != 0 && m.interaction != nil && m.interaction.actor.UserID != a.UserID {
		s.mu.Unlock()
		s.fatalf("component %q: message %s is ephemeral and only user %s sees it", customID, msg.ID, m.interaction.actor.UserID)
	}
	c, found := findComponent(m.components, customID)
	if !found {
		s.mu.Unlock()
		s.fatalf("message %s has no component with custom_id %q (it has: %s)", msg.ID, customID, strings.Join(customIDs(m.components), ", "))
	}
	a.GuildID, a.ChannelID = m.guildID, m.channelID
	s.mu.Unlock()
	data := map[string]any{"custom_id": customID, "component_type": c.Type}
	switch {
	case c.Disabled:
		s.fatalf("component %q is disabled", customID)
	case !isSel && c.Type != compButton:
		s.fatalf("component %q is of type %d, not a button; use Select", customID, c.Type)
	case !isSel && (c.Style == buttonLink || c.Style == buttonPremium):
		s.fatalf("button %q opens a link or a purchase; it sends no interaction", customID)
	case isSel && !isSelect(c.Type):
		s.fatalf("component %q is of type %d, not a select menu; use Click", customID, c.Type)
	case isSel:
		checkSelectValues(s, c, customID, values)
		data["values"] = values
	}
	a = s.resolveActor(a)
	return s.startInteraction(a, discordgo.InteractionMessageComponent, 0, data, m)
}

func checkSelectValues(s *Server, c *foundComponent, customID string, values []string) {
	s.t.Helper()
	lo, hi := 1, 1
	if c.MinValues != nil {
		lo = *c.MinValues
	}
	if c.MaxValues != nil {
		hi = *c.MaxValues
	}
	if len(values) < lo || len(values) > hi {
		s.fatalf("select %q takes %d to %d values, got %d", customID, lo, hi, len(values))
	}
	if c.Type != compStringMenu {
		return
	}
	for _, v := range values {
		if !slices.ContainsFunc(c.Options, func(o selectOption) bool { return o.Value == v }) {
			s.fatalf("select %q has no option with value %q", customID, v)
		}
	}
}

type selectOption struct {
	Value string `json:"value"`
}

// foundComponent is what Click and Select need to know about a component.
type foundComponent struct {
	Type      int            `json:"type"`
	CustomID  string         `json:"custom_id"`
	Style     int            `json:"style"`
	Disabled  bool           `json:"disabled"`
	MinValues *int           `json:"min_values"`
	MaxValues *int           `json:"max_values"`
	Options   []selectOption `json:"options"`
}

// findComponent searches a components tree (action rows, v2 containers,
// section accessories) for customID.
func findComponent(raw json.RawMessage, customID string) (*foundComponent, bool) {
	var hit *foundComponent
	walkComponents(raw, func(obj json.RawMessage) {
		var c foundComponent
		if json.Unmarshal(obj, &c) == nil && c.CustomID == customID && hit == nil {
			hit = &c
		}
	})
	return hit, hit != nil
}

func customIDs(raw json.RawMessage) []string {
	var out []string
	walkComponents(raw, func(obj json.RawMessage) {
		var c foundComponent
		if json.Unmarshal(obj, &c) == nil && c.CustomID != "" {
			out = append(out, c.CustomID)
		}
	})
	return out
}

// walkComponents calls visit for every object in a components tree.
func walkComponents(raw json.RawMessage, visit func(json.RawMessage)) {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		for _, item := range list {
			walkComponents(item, visit)
		}
		return
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return
	}
	visit(raw)
	for _, k := range []string{"components", "accessory", "component"} {
		if child, ok := obj[k]; ok {
			walkComponents(child, visit)
		}
	}
}
