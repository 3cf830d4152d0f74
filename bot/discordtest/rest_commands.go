package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// commandScope checks the application and guild of a commands route and
// returns the scope key ("" global, else the guild id), answering on error.
func (c *call) commandScope() (string, bool) {
	if c.params["application_id"] != c.s.opts.ApplicationID {
		c.fail(&apiError{status: http.StatusNotFound, Code: 10002, Message: "Unknown Application"})
		return "", false
	}
	g := c.params["guild_id"]
	if g != "" && c.s.guild(g) == nil {
		c.fail(newAPIError(http.StatusForbidden, 50001))
		return "", false
	}
	return g, true
}

func (c *call) getCommands() {
	scope, ok := c.commandScope()
	if !ok {
		return
	}
	s := c.s
	s.mu.Lock()
	cmds := s.commands[scope]
	s.mu.Unlock()
	if cmds == nil {
		cmds = []*discordgo.ApplicationCommand{}
	}
	c.respond(http.StatusOK, cmds)
}

// putCommands is the bulk overwrite: the body replaces the scope's
// commands. A command keeps its id when one of the same name and type
// existed, as on Discord.
func (c *call) putCommands() {
	scope, ok := c.commandScope()
	if !ok {
		return
	}
	var raw []json.RawMessage
	if !c.decode(&raw) {
		return
	}
	cmds := make([]*discordgo.ApplicationCommand, len(raw))
	var f formErrors
	for i, r := range raw {
		var cmd discordgo.ApplicationCommand
		if err := json.Unmarshal(permissionsAsString(r), &cmd); err != nil {
			f.add(fmt.Sprint(i), "MODEL_TYPE_CONVERT", err.Error())
			continue
		}
		if cmd.Type == 0 {
			cmd.Type = discordgo.ChatApplicationCommand
		}
		cmds[i] = &cmd
	}
	if f.empty() {
		validateCommands(&f, cmds)
	}
	if e := f.err(); e != nil {
		c.fail(e)
		return
	}
	s := c.s
	s.mu.Lock()
	old := map[string]string{}
	for _, o := range s.commands[scope] {
		old[fmt.Sprintf("%d/%s", o.Type, o.Name)] = o.ID
	}
	version := s.ids.next()
	for _, cmd := range cmds {
		cmd.ID = old[fmt.Sprintf("%d/%s", cmd.Type, cmd.Name)]
		if cmd.ID == "" {
			cmd.ID = s.ids.next()
		}
		cmd.ApplicationID, cmd.GuildID, cmd.Version = s.opts.ApplicationID, scope, version
	}
	s.commands[scope] = cmds
	s.mu.Unlock()
	s.sig.broadcast()
	c.respond(http.StatusOK, cmds)
}

// permissionsAsString accepts default_member_permissions as a number too,
// which Discord allows but discordgo's struct tag does not.
func permissionsAsString(r json.RawMessage) json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(r, &m) != nil {
		return r
	}
	v, ok := m["default_member_permissions"]
	if !ok || len(v) == 0 || v[0] == '"' || string(v) == "null" {
		return r
	}
	m["default_member_permissions"], _ = json.Marshal(string(v)) // a string always marshals.
	b, _ := json.Marshal(m)                                      // raw JSON values always marshal.
	return b
}

// Commands returns the commands the bot registered for guildID ("" for the
// global ones), as stored after the bulk overwrite (ids assigned).
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneCommands(s.commands[guildID])
}

// WaitCommands waits until the bot has overwritten the commands of guildID
// ("" for global) and returns them.
func (s *Server) WaitCommands(ctx context.Context, guildID string) ([]*discordgo.ApplicationCommand, error) {
	var out []*discordgo.ApplicationCommand
	err := s.sig.waitFor(ctx, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		cmds, ok := s.commands[guildID]
		out = cloneCommands(cmds)
		return ok
	})
	if err != nil {
		return nil, fmt.Errorf("wait for commands of scope %q: %w", guildID, err)
	}
	return out, nil
}

// cloneCommands deep-copies definitions through JSON so callers cannot
// change the stored ones.
func cloneCommands(cmds []*discordgo.ApplicationCommand) []*discordgo.ApplicationCommand {
	if cmds == nil {
		return nil
	}
	b, _ := json.Marshal(cmds) // stored commands came from JSON.
	var out []*discordgo.ApplicationCommand
	_ = json.Unmarshal(b, &out)
	return out
}
