package discordtest

import "github.com/bwmarrin/discordgo"

// MessageCommand has the actor run the message context-menu command name
// (type 3) on target, in target's channel; the payload carries target_id and
// resolved.messages.
func (s *Server) MessageCommand(a Actor, name string, target *Message) *Interaction {
	s.t.Helper()
	if target == nil {
		s.fatalf("MessageCommand %q: target is nil", name)
	}
	s.mu.Lock()
	m := s.messages[target.ID]
	if m == nil || m.deleted {
		s.mu.Unlock()
		s.fatalf("MessageCommand %q: message %s does not exist (seed it with AddMessage)", name, target.ID)
	}
	a.GuildID, a.ChannelID = m.guildID, m.channelID
	s.mu.Unlock()
	a = s.resolveActor(a)
	s.mu.Lock()
	cmd := s.findCommandLocked(a, name, discordgo.MessageApplicationCommand)
	data := map[string]any{
		"id": cmd.ID, "name": cmd.Name, "type": int(discordgo.MessageApplicationCommand), "target_id": m.id,
		"resolved": map[string]any{"messages": map[string]any{m.id: s.messageWire(m)}},
	}
	if cmd.GuildID != "" {
		data["guild_id"] = cmd.GuildID
	}
	s.mu.Unlock()
	return s.startInteraction(a, discordgo.InteractionApplicationCommand, discordgo.MessageApplicationCommand, data, nil)
}

// UserCommand has the actor run the user context-menu command name (type 2)
// on target; the payload carries target_id and resolved users (and members
// in a guild).
func (s *Server) UserCommand(a Actor, name string, target Actor) *Interaction {
	s.t.Helper()
	a = s.resolveActor(a)
	s.mu.Lock()
	cmd := s.findCommandLocked(a, name, discordgo.UserApplicationCommand)
	b := &optionBuilder{s: s, actor: a, resolved: map[string]map[string]any{}}
	if target.Username != "" {
		s.users[target.UserID] = target.Username
	}
	b.addUser(target.UserID)
	data := map[string]any{
		"id": cmd.ID, "name": cmd.Name, "type": int(discordgo.UserApplicationCommand), "target_id": target.UserID,
		"resolved": b.resolved,
	}
	if cmd.GuildID != "" {
		data["guild_id"] = cmd.GuildID
	}
	s.mu.Unlock()
	return s.startInteraction(a, discordgo.InteractionApplicationCommand, discordgo.UserApplicationCommand, data, nil)
}
