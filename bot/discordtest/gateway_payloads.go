package discordtest

import (
	"encoding/json"
	"strings"
	"time"
)

// readyPayload is READY's data: the bot user, the session, the application
// and the guilds of the session's shard as unavailable (their GUILD_CREATE
// follows).
func (g *gateway) readyPayload(sess *gwSession, c *gwConn, shard *[2]int) json.RawMessage {
	o := g.s.opts
	v := 10
	if c.version == "9" {
		v = 9
	}
	guilds := make([]map[string]any, 0, len(o.Guilds))
	for _, gd := range g.s.guildsOn(sess.shard) {
		guilds = append(guilds, map[string]any{"id": gd.ID, "unavailable": true})
	}
	d := map[string]any{
		"v": v,
		"user": map[string]any{
			"id": o.ApplicationID, "username": o.BotUsername, "discriminator": "0", "global_name": nil,
			"avatar": nil, "bot": true, "verified": true, "mfa_enabled": false, "flags": 0,
		},
		"session_id":         sess.id,
		"session_type":       "normal",
		"resume_gateway_url": strings.Replace(g.s.baseURL, "http://", "ws://", 1) + "/gateway",
		"application":        map[string]any{"id": o.ApplicationID, "flags": 0},
		"guilds":             guilds,
		"private_channels":   []any{},
		"relationships":      []any{},
		"presences":          []any{},
		"_trace":             []string{"discordtest"},
	}
	if shard != nil {
		d["shard"] = shard
	}
	b, _ := json.Marshal(d) // maps of plain values always marshal.
	return b
}

// guildPayloads are the GUILD_CREATE data for every configured guild of
// shard.
func (g *gateway) guildPayloads(shard [2]int) []json.RawMessage {
	guilds := g.s.guildsOn(shard)
	out := make([]json.RawMessage, 0, len(guilds))
	for _, gd := range guilds {
		roles := []map[string]any{roleWire(Role{ID: gd.ID, Name: "@everyone", Permissions: DefaultMemberPermissions}, 0)}
		for i, r := range gd.Roles {
			roles = append(roles, roleWire(r, i+1))
		}
		chans := make([]map[string]any, 0, len(gd.Channels))
		for i, c := range gd.Channels {
			chans = append(chans, map[string]any{
				"id": c.ID, "type": 0, "name": c.Name, "position": i, "parent_id": nil,
				"permission_overwrites": []any{}, "nsfw": false, "topic": nil, "last_message_id": nil,
				"rate_limit_per_user": 0, "flags": 0,
			})
		}
		d := map[string]any{
			"id": gd.ID, "name": gd.Name, "icon": nil, "owner_id": "1", "unavailable": false,
			"joined_at": timestamp(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)), "large": false,
			"member_count": 1, "roles": roles, "channels": chans, "threads": []any{}, "members": []any{},
			"presences": []any{}, "voice_states": []any{}, "emojis": []any{}, "stickers": []any{},
			"features": []string{}, "preferred_locale": "en-US", "system_channel_id": nil,
			"stage_instances": []any{}, "guild_scheduled_events": []any{}, "premium_tier": 0,
			"verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
			"mfa_level": 0, "nsfw_level": 0, "afk_timeout": 300,
		}
		b, _ := json.Marshal(d) // maps of plain values always marshal.
		out = append(out, b)
	}
	return out
}

func roleWire(r Role, position int) map[string]any {
	return map[string]any{
		"id": r.ID, "name": r.Name, "permissions": permString(r.Permissions), "position": position,
		"color": 0, "hoist": false, "managed": false, "mentionable": false, "flags": 0, "icon": nil,
		"unicode_emoji": nil,
	}
}
