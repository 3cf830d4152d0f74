package discordtest

import (
	"encoding/json"
	"net/http"
	"slices"
)

// Discord's answers about guild members.
const (
	codeUnknownGuild  = 10004
	codeUnknownMember = 10007
	// intentGuildMembers is the privileged GUILD_MEMBERS intent, which
	// GUILD_MEMBER_ADD, _UPDATE and _REMOVE need.
	intentGuildMembers = 1 << 1
)

// roster is who is in each guild, with their roles. Every user counts as a
// member with no roles until SetMemberRoles or RemoveMember says otherwise.
type roster struct {
	roles map[string]map[string][]string // guild -> user -> roles
	left  map[string]map[string]bool     // guild -> user -> left
}

// SetMemberRoles gives a guild member exactly these roles (and brings back
// one who left), as Discord keeps them: they are what an Actor without
// Roles carries, what a USER option resolves to, and what GET
// /guilds/{g}/members/{u} answers. A bot with the GUILD_MEMBERS intent is
// sent GUILD_MEMBER_UPDATE.
func (s *Server) SetMemberRoles(guildID, userID string, roles ...string) {
	s.t.Helper()
	s.mu.Lock()
	if s.guild(guildID) == nil {
		s.mu.Unlock()
		s.fatalf("SetMemberRoles: guild %s is not one of Options.Guilds", guildID)
	}
	for _, r := range roles {
		if s.role(guildID, r) == nil {
			s.mu.Unlock()
			s.fatalf("SetMemberRoles: role %s is not a role of guild %s", r, guildID)
		}
	}
	s.rosterLocked()
	if s.members.roles[guildID] == nil {
		s.members.roles[guildID] = map[string][]string{}
	}
	s.members.roles[guildID][userID] = slices.Clone(roles)
	delete(s.members.left[guildID], userID)
	data := s.memberEventLocked(guildID, userID, true)
	s.mu.Unlock()
	s.gw.dispatchIf(intentGuildMembers, "GUILD_MEMBER_UPDATE", data)
}

// RemoveMember makes the user leave the guild: GET
// /guilds/{g}/members/{u} then answers 10007 Unknown Member, and a bot with
// the GUILD_MEMBERS intent is sent GUILD_MEMBER_REMOVE.
func (s *Server) RemoveMember(guildID, userID string) {
	s.t.Helper()
	s.mu.Lock()
	if s.guild(guildID) == nil {
		s.mu.Unlock()
		s.fatalf("RemoveMember: guild %s is not one of Options.Guilds", guildID)
	}
	s.rosterLocked()
	if s.members.left[guildID] == nil {
		s.members.left[guildID] = map[string]bool{}
	}
	s.members.left[guildID][userID] = true
	delete(s.members.roles[guildID], userID)
	data := s.memberEventLocked(guildID, userID, false)
	s.mu.Unlock()
	s.gw.dispatchIf(intentGuildMembers, "GUILD_MEMBER_REMOVE", data)
}

// rosterLocked makes the roster's maps; call with s.mu held.
func (s *Server) rosterLocked() {
	if s.members.roles == nil {
		s.members.roles = map[string]map[string][]string{}
		s.members.left = map[string]map[string]bool{}
	}
}

// memberRolesLocked returns a member's roles and whether they are in the
// guild; call with s.mu held.
func (s *Server) memberRolesLocked(guildID, userID string) ([]string, bool) {
	if s.members.left[guildID][userID] {
		return nil, false
	}
	return slices.Clone(s.members.roles[guildID][userID]), true
}

// memberEventLocked is the data of GUILD_MEMBER_UPDATE (full) or
// GUILD_MEMBER_REMOVE (guild and user only); call with s.mu held.
func (s *Server) memberEventLocked(guildID, userID string, full bool) json.RawMessage {
	u := s.userWire(userID)
	var v any = map[string]any{"guild_id": guildID, "user": u}
	if full {
		roles, _ := s.memberRolesLocked(guildID, userID)
		m := memberWire(&u, roles, 0)
		v = map[string]any{"guild_id": guildID, "user": u, "roles": m.Roles, "joined_at": m.JoinedAt, "nick": nil, "avatar": nil,
			"premium_since": nil, "deaf": false, "mute": false, "pending": false, "flags": 0, "communication_disabled_until": nil}
	}
	b, err := json.Marshal(v)
	if err != nil {
		s.fatalf("marshal member event: %v", err)
	}
	return b
}

// getMember answers GET /guilds/{guild_id}/members/{user_id}.
func (c *call) getMember() {
	s := c.s
	guildID, userID := c.params["guild_id"], c.params["user_id"]
	s.mu.Lock()
	if s.guild(guildID) == nil {
		s.mu.Unlock()
		c.fail(newAPIError(http.StatusNotFound, codeUnknownGuild))
		return
	}
	if !isSnowflake(userID) {
		s.mu.Unlock()
		c.fail(newAPIError(http.StatusNotFound, codeUnknownUser))
		return
	}
	roles, in := s.memberRolesLocked(guildID, userID)
	u := s.userWire(userID)
	s.mu.Unlock()
	if !in {
		c.fail(newAPIError(http.StatusNotFound, codeUnknownMember))
		return
	}
	// Only interactions carry a member's permissions.
	m := memberWire(&u, roles, 0)
	c.respond(http.StatusOK, map[string]any{"user": u, "roles": m.Roles, "joined_at": m.JoinedAt, "nick": nil, "avatar": nil,
		"premium_since": nil, "deaf": false, "mute": false, "pending": false, "flags": 0, "communication_disabled_until": nil})
}
