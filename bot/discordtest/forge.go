package discordtest

import (
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Forgery is an interaction a modified client, or a request replayed with
// changes, could get delivered: the stand-in does not hold its data to the
// command's definition or to the clicked message's components, as SlashCommand
// and Click do. Tests of the bot's own checks use it; who sends it (the
// Actor) and the interaction's id and token are still genuine, so the bot can
// answer it as usual.
type Forgery struct {
	// Type is the interaction type; default APPLICATION_COMMAND, or
	// MESSAGE_COMPONENT when Source is set.
	Type discordgo.InteractionType
	// Command is a registered chat-input command path ("name", "name sub"
	// or "name group sub"); the data carries its id and name, and Options
	// are its leaf options exactly as given (each a map with name, type and
	// value), wrapped in the subcommand path.
	Command string
	Options []map[string]any
	// Resolved is the data.resolved object, as given.
	Resolved map[string]map[string]any
	// Source is the message a component interaction says was clicked;
	// CustomID, ComponentType (default a button) and Values are its data.
	Source        *Message
	CustomID      string
	ComponentType int
	Values        []string
	// Edit, if set, changes the complete INTERACTION_CREATE payload before
	// it is dispatched, e.g. to send a guild channel in a DM interaction.
	Edit func(payload map[string]any)
}

// Forge dispatches a forged interaction from the actor.
func (s *Server) Forge(a Actor, f Forgery) *Interaction {
	s.t.Helper()
	a = s.resolveActor(a)
	if f.Source != nil {
		s.mu.Lock()
		m := s.messages[f.Source.ID]
		if m == nil {
			s.mu.Unlock()
			s.fatalf("Forge: message %s does not exist", f.Source.ID)
		}
		a.GuildID, a.ChannelID = m.guildID, m.channelID
		s.mu.Unlock()
		typ := f.Type
		if typ == 0 {
			typ = discordgo.InteractionMessageComponent
		}
		ct := f.ComponentType
		if ct == 0 {
			ct = compButton
		}
		data := map[string]any{"custom_id": f.CustomID, "component_type": ct}
		if f.Values != nil {
			data["values"] = f.Values
		}
		return s.dispatchInteraction(a, typ, 0, data, m, f.Edit)
	}
	path := strings.Fields(f.Command)
	if len(path) == 0 {
		s.fatalf("Forge: name a Command or a Source message")
	}
	s.mu.Lock()
	cmd := s.findCommandLocked(a, path[0], discordgo.ChatApplicationCommand)
	s.mu.Unlock()
	options := f.Options
	if options == nil {
		options = []map[string]any{}
	}
	for i := len(path) - 1; i >= 1; i-- {
		typ := discordgo.ApplicationCommandOptionSubCommand
		if i < len(path)-1 {
			typ = discordgo.ApplicationCommandOptionSubCommandGroup
		}
		options = []map[string]any{{"name": path[i], "type": int(typ), "options": options}}
	}
	data := map[string]any{"id": cmd.ID, "name": cmd.Name, "type": int(discordgo.ChatApplicationCommand), "options": options}
	if cmd.GuildID != "" {
		data["guild_id"] = cmd.GuildID
	}
	if f.Resolved != nil {
		data["resolved"] = f.Resolved
	}
	typ := f.Type
	if typ == 0 {
		typ = discordgo.InteractionApplicationCommand
	}
	return s.dispatchInteraction(a, typ, discordgo.ChatApplicationCommand, data, nil, f.Edit)
}
