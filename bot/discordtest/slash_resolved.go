package discordtest

import (
	"github.com/bwmarrin/discordgo"
)

// add puts an object in the interaction's resolved data.
func (b *optionBuilder) add(kind, id string, obj any) {
	if b.resolved[kind] == nil {
		b.resolved[kind] = map[string]any{}
	}
	b.resolved[kind][id] = obj
}

// attachment stores an uploaded option file so its URL can be fetched.
func (b *optionBuilder) attachment(f File) string {
	s := b.s
	a := attachment{id: s.ids.next(), file: f}
	s.optionFiles[a.id] = f
	u := s.attachmentURL(b.actor.ChannelID, a)
	b.add("attachments", a.id, wireAttachment{ID: a.id, Filename: f.Name, Size: len(f.Data), URL: u, ProxyURL: u, ContentType: f.ContentType})
	return a.id
}

// mention resolves USER, CHANNEL, ROLE and MENTIONABLE values.
func (b *optionBuilder) mention(command string, d *discordgo.ApplicationCommandOption, v any) string {
	b.s.t.Helper()
	s := b.s
	var id string
	switch x := v.(type) {
	case string:
		id = x
	case Actor:
		id = x.UserID
		if x.Username != "" {
			s.users[x.UserID] = x.Username
		}
	default:
		b.fail("option %q of %q is %v; %T does not fit (use an id or an Actor)", d.Name, command, d.Type, v)
	}
	if !isSnowflake(id) {
		b.fail("option %q of %q: %q is not a snowflake", d.Name, command, id)
	}
	switch d.Type {
	case discordgo.ApplicationCommandOptionChannel:
		ch := s.channels[id]
		if ch == nil || (ch.guildID != b.actor.GuildID && !ch.isDM()) {
			b.fail("option %q of %q: channel %s is not in the actor's guild", d.Name, command, id)
		}
		w := s.channelWire(ch)
		perms := b.actor.Permissions
		if p, ok := b.actor.ChannelPermissions[id]; ok {
			perms = p
		}
		w.Permissions = permString(perms)
		b.add("channels", id, w)
	case discordgo.ApplicationCommandOptionRole:
		b.addRole(command, d, id)
	case discordgo.ApplicationCommandOptionMentionable:
		if s.role(b.actor.GuildID, id) != nil {
			b.addRole(command, d, id)
		} else {
			b.addUser(id)
		}
	default:
		b.addUser(id)
	}
	return id
}

func (b *optionBuilder) addRole(command string, d *discordgo.ApplicationCommandOption, id string) {
	b.s.t.Helper()
	r := b.s.role(b.actor.GuildID, id)
	if r == nil {
		b.fail("option %q of %q: role %s is not in the actor's guild", d.Name, command, id)
	}
	b.add("roles", id, roleWire(*r, 0))
}

// addUser resolves a user and, in a guild, the member.
func (b *optionBuilder) addUser(id string) {
	s := b.s
	if _, ok := s.users[id]; !ok {
		s.users[id] = "user" + id
	}
	b.add("users", id, s.userWire(id))
	if b.actor.GuildID != "" {
		// A user who is not in the guild resolves without a member.
		if roles, in := s.memberRolesLocked(b.actor.GuildID, id); in {
			b.add("members", id, memberWire(nil, roles, DefaultMemberPermissions))
		}
	}
}
