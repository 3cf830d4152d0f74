package discordtest

import (
	"encoding/json"
	"net/url"
	"strconv"
	"time"
)

// Wire shapes of Discord objects, as the API sends them.

type wireUser struct {
	ID            string  `json:"id"`
	Username      string  `json:"username"`
	Discriminator string  `json:"discriminator"`
	GlobalName    *string `json:"global_name"`
	Avatar        *string `json:"avatar"`
	Bot           bool    `json:"bot,omitempty"`
	PublicFlags   int     `json:"public_flags"`
}

type wireAttachment struct {
	ID          string `json:"id"`
	Filename    string `json:"filename"`
	Size        int    `json:"size"`
	URL         string `json:"url"`
	ProxyURL    string `json:"proxy_url"`
	ContentType string `json:"content_type,omitempty"`
}

type wireInteractionMetadata struct {
	ID   string   `json:"id"`
	Type int      `json:"type"`
	User wireUser `json:"user"`
	// AuthorizingIntegrationOwners maps installation type to owner id.
	AuthorizingIntegrationOwners map[string]string `json:"authorizing_integration_owners"`
}

type wireMessage struct {
	ID                  string                   `json:"id"`
	Type                int                      `json:"type"`
	ChannelID           string                   `json:"channel_id"`
	GuildID             string                   `json:"guild_id,omitempty"`
	Author              wireUser                 `json:"author"`
	Content             string                   `json:"content"`
	Timestamp           string                   `json:"timestamp"`
	EditedTimestamp     *string                  `json:"edited_timestamp"`
	TTS                 bool                     `json:"tts"`
	MentionEveryone     bool                     `json:"mention_everyone"`
	Mentions            []wireUser               `json:"mentions"`
	MentionRoles        []string                 `json:"mention_roles"`
	Attachments         []wireAttachment         `json:"attachments"`
	Embeds              json.RawMessage          `json:"embeds"`
	Components          json.RawMessage          `json:"components"`
	Pinned              bool                     `json:"pinned"`
	Flags               int64                    `json:"flags"`
	Nonce               json.RawMessage          `json:"nonce,omitempty"`
	WebhookID           string                   `json:"webhook_id,omitempty"`
	ApplicationID       string                   `json:"application_id,omitempty"`
	InteractionMetadata *wireInteractionMetadata `json:"interaction_metadata,omitempty"`
}

type wireChannel struct {
	ID         string     `json:"id"`
	Type       int        `json:"type"`
	GuildID    string     `json:"guild_id,omitempty"`
	Name       string     `json:"name,omitempty"`
	Recipients []wireUser `json:"recipients,omitempty"`
	Flags      int        `json:"flags"`
	// Permissions is only present where Discord sends it: in interactions.
	Permissions string `json:"permissions,omitempty"`
}

func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000+00:00") }

// userWire renders a user the stand-in knows; call with s.mu held.
func (s *Server) userWire(id string) wireUser {
	name, ok := s.users[id]
	if !ok {
		name = "user" + id
	}
	return wireUser{ID: id, Username: name, Discriminator: "0", GlobalName: &name, Bot: id == s.opts.ApplicationID}
}

func (s *Server) botWire() wireUser {
	return wireUser{ID: s.opts.ApplicationID, Username: s.opts.BotUsername, Discriminator: "0", Bot: true}
}

// channelWire renders a channel; call with s.mu held.
func (s *Server) channelWire(c *channel) wireChannel {
	if c.isDM() {
		return wireChannel{ID: c.id, Type: 1, Recipients: []wireUser{s.userWire(c.recipient)}}
	}
	return wireChannel{ID: c.id, Type: 0, GuildID: c.guildID, Name: c.name}
}

// messageWire renders a stored message; call with s.mu held.
func (s *Server) messageWire(m *message) wireMessage {
	w := wireMessage{
		ID:           m.id,
		Type:         m.typ,
		ChannelID:    m.channelID,
		GuildID:      m.guildID,
		Author:       s.userWire(m.authorID),
		Content:      m.content,
		Timestamp:    timestamp(m.created),
		Mentions:     []wireUser{},
		MentionRoles: []string{},
		Attachments:  []wireAttachment{},
		Embeds:       m.embeds,
		Components:   m.components,
		Pinned:       m.pinned,
		Flags:        m.flags,
		Nonce:        m.nonce,
	}
	if m.authorID == s.opts.ApplicationID {
		w.Author = s.botWire()
	}
	if !m.edited.IsZero() {
		ts := timestamp(m.edited)
		w.EditedTimestamp = &ts
	}
	for _, a := range m.attachments {
		u := s.attachmentURL(m.channelID, a)
		w.Attachments = append(w.Attachments, wireAttachment{
			ID: a.id, Filename: a.file.Name, Size: len(a.file.Data), URL: u, ProxyURL: u, ContentType: a.file.ContentType,
		})
	}
	if i := m.interaction; i != nil {
		w.WebhookID = s.opts.ApplicationID
		w.ApplicationID = s.opts.ApplicationID
		w.InteractionMetadata = &wireInteractionMetadata{
			ID: i.id, Type: int(i.typ), User: s.userWire(i.actor.UserID),
			AuthorizingIntegrationOwners: map[string]string{"0": ownerOf(i.actor)},
		}
	}
	return w
}

func (s *Server) attachmentURL(channelID string, a attachment) string {
	return s.baseURL + "/attachments/" + channelID + "/" + a.id + "/" + url.PathEscape(a.file.Name)
}

// ownerOf is the guild-install owner id Discord reports: the guild, or "0"
// in the bot's DMs.
func ownerOf(a Actor) string {
	if a.GuildID == "" {
		return "0"
	}
	return a.GuildID
}

func permString(p int64) string { return strconv.FormatInt(p, 10) }
