package discordtest

import (
	"encoding/json"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Actor is the member (or DM user) who performs an interaction. GuildID ""
// means a DM with the bot: the payload then carries `user` and the channel is
// the user's DM channel. In a guild the payload carries `member` with
// `permissions` and `roles`, plus `app_permissions`, guild_id and channel_id.
type Actor struct {
	UserID, Username string
	// GuildID and ChannelID locate the interaction; ChannelID "" is the
	// guild's first channel, or the DM channel.
	GuildID, ChannelID string
	// Permissions is the member's computed permissions in the channel;
	// 0 means DefaultMemberPermissions.
	Permissions int64
	// ChannelPermissions are the member's computed permissions in other
	// channels, by channel id, as Discord resolves them for a channel
	// option; a channel not listed gets Permissions.
	ChannelPermissions map[string]int64
	// AppPermissions is the bot's; 0 means DefaultAppPermissions.
	AppPermissions int64
	Roles          []string
	// Locale is the user's client locale; default "en-US".
	Locale string
}

// memberJoinedAt is when every simulated member joined: fixed, so payloads
// are reproducible.
func memberJoinedAt() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }

// resolveActor fills an Actor's defaults and checks it against the known
// guilds; call from the test goroutine without s.mu held.
func (s *Server) resolveActor(a Actor) Actor {
	s.t.Helper()
	if !isSnowflake(a.UserID) {
		s.fatalf("Actor.UserID %q is not a snowflake", a.UserID)
	}
	if a.Username == "" {
		a.Username = "user" + a.UserID
	}
	if a.Locale == "" {
		a.Locale = "en-US"
	}
	if a.Permissions == 0 {
		a.Permissions = DefaultMemberPermissions
	}
	if a.AppPermissions == 0 {
		a.AppPermissions = DefaultAppPermissions
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[a.UserID] = a.Username
	if a.GuildID == "" {
		a.ChannelID = s.dmChannelLocked(a.UserID).id
		return a
	}
	g := s.guild(a.GuildID)
	if g == nil {
		s.fatalf("Actor.GuildID %s is not one of Options.Guilds", a.GuildID)
	}
	if a.ChannelID == "" {
		if len(g.Channels) == 0 {
			s.fatalf("guild %s has no channels for the Actor to be in", a.GuildID)
		}
		a.ChannelID = g.Channels[0].ID
	}
	if c := s.channels[a.ChannelID]; c == nil || c.guildID != a.GuildID {
		s.fatalf("Actor.ChannelID %s is not a channel of guild %s", a.ChannelID, a.GuildID)
	}
	if a.Roles == nil {
		a.Roles, _ = s.memberRolesLocked(a.GuildID, a.UserID)
	}
	for _, r := range a.Roles {
		if s.role(a.GuildID, r) == nil {
			s.fatalf("Actor role %s is not a role of guild %s", r, a.GuildID)
		}
	}
	return a
}

func (s *Server) guild(id string) *Guild {
	for i := range s.opts.Guilds {
		if s.opts.Guilds[i].ID == id {
			return &s.opts.Guilds[i]
		}
	}
	return nil
}

func (s *Server) role(guildID, roleID string) *Role {
	if roleID == guildID {
		return &Role{ID: guildID, Name: "@everyone"}
	}
	if g := s.guild(guildID); g != nil {
		for i := range g.Roles {
			if g.Roles[i].ID == roleID {
				return &g.Roles[i]
			}
		}
	}
	return nil
}

type wireMember struct {
	User                       *wireUser `json:"user,omitempty"`
	Roles                      []string  `json:"roles"`
	JoinedAt                   string    `json:"joined_at"`
	Nick                       *string   `json:"nick"`
	Avatar                     *string   `json:"avatar"`
	PremiumSince               *string   `json:"premium_since"`
	Deaf                       bool      `json:"deaf"`
	Mute                       bool      `json:"mute"`
	Pending                    bool      `json:"pending"`
	Flags                      int       `json:"flags"`
	Permissions                string    `json:"permissions"`
	CommunicationDisabledUntil *string   `json:"communication_disabled_until"`
}

func memberWire(u *wireUser, roles []string, perms int64) wireMember {
	if roles == nil {
		roles = []string{}
	}
	return wireMember{User: u, Roles: roles, JoinedAt: timestamp(memberJoinedAt()), Permissions: permString(perms)}
}

// startInteraction registers an interaction and dispatches INTERACTION_CREATE
// with the complete payload Discord sends; call without s.mu held.
func (s *Server) startInteraction(a Actor, typ discordgo.InteractionType, cmdType discordgo.ApplicationCommandType, data any, source *message) *Interaction {
	s.t.Helper()
	return s.dispatchInteraction(a, typ, cmdType, data, source, nil)
}

// dispatchInteraction is startInteraction with a hook that may change the
// complete payload before it is sent, for forged interactions.
func (s *Server) dispatchInteraction(a Actor, typ discordgo.InteractionType, cmdType discordgo.ApplicationCommandType, data any, source *message, edit func(map[string]any)) *Interaction {
	s.t.Helper()
	st := &interaction{id: s.ids.next(), token: "itok." + randomToken(48), typ: typ, commandType: cmdType, actor: a, source: source}
	s.mu.Lock()
	payload := map[string]any{
		"id":                             st.id,
		"application_id":                 s.opts.ApplicationID,
		"type":                           int(typ),
		"data":                           data,
		"token":                          st.token,
		"version":                        1,
		"app_permissions":                permString(a.AppPermissions),
		"locale":                         a.Locale,
		"entitlements":                   []any{},
		"authorizing_integration_owners": map[string]string{"0": ownerOf(a)},
		"attachment_size_limit":          maxBody - (1 << 20),
		"channel_id":                     a.ChannelID,
		"channel":                        s.channelWire(s.channels[a.ChannelID]),
	}
	user := s.userWire(a.UserID)
	if a.GuildID == "" {
		payload["context"] = int(discordgo.InteractionContextBotDM)
		payload["user"] = user
	} else {
		payload["context"] = int(discordgo.InteractionContextGuild)
		payload["guild_id"] = a.GuildID
		payload["guild_locale"] = "en-US"
		payload["guild"] = map[string]any{"id": a.GuildID, "locale": "en-US", "features": []string{}}
		payload["member"] = memberWire(&user, a.Roles, a.Permissions)
	}
	if source != nil {
		payload["message"] = s.messageWire(source)
	}
	if edit != nil {
		edit(payload)
	}
	raw, err := json.Marshal(payload)
	if err != nil {
		s.mu.Unlock()
		s.fatalf("marshal interaction: %v", err)
	}
	st.dispatchedAt = time.Now()
	s.interactions[st.id] = st
	s.byToken[st.token] = st
	s.mu.Unlock()
	if err := s.deliver(st, raw); err != nil {
		s.fatalf("dispatch interaction: %v", err)
	}
	return &Interaction{ID: st.id, Token: st.token, Type: typ, DispatchedAt: st.dispatchedAt, Payload: raw, s: s, st: st}
}
