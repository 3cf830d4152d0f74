package discordtest

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Message is a snapshot of a message in a channel: a member's, the bot's, an
// interaction response or a followup. Ephemeral messages are included, with
// FlagEphemeral set.
type Message struct {
	ID, ChannelID, GuildID string
	AuthorID               string
	Content                string
	Embeds                 []*discordgo.MessageEmbed
	// Components are decoded with discordgo's types: *discordgo.ActionsRow
	// holding *discordgo.Button and *discordgo.SelectMenu, and so on.
	Components []discordgo.MessageComponent
	Files      []File
	Flags      discordgo.MessageFlags
	Pinned     bool
	// Nonce is the nonce the message was sent with, as JSON text ("" if none).
	Nonce               string
	CreatedAt, EditedAt time.Time
	Deleted             bool
}

// File is an uploaded file: an attachment of a message or a callback.
type File struct {
	Name, ContentType string
	Data              []byte
}

// channel is a guild text channel or a DM channel.
type channel struct {
	id, guildID, name string
	recipient         string // set for DM channels
	msgs              []*message
}

func (c *channel) isDM() bool { return c.recipient != "" }

// attachment is a stored upload.
type attachment struct {
	id   string
	file File
}

// message is the stored form of a message; the JSON parts stay as the bot
// sent them so nothing is lost in translation.
type message struct {
	id, channelID, guildID, authorID string
	typ                              int
	content                          string
	embeds                           json.RawMessage // JSON array
	components                       json.RawMessage // JSON array
	attachments                      []attachment
	flags                            int64
	pinned                           bool
	pinnedAt                         time.Time
	nonce                            json.RawMessage
	created, edited                  time.Time
	deleted                          bool
	// interaction is set on responses and followups.
	interaction *interaction
	// loading marks the placeholder of a deferred response until it is edited.
	loading bool
}

// snapshot copies m into the public type; call with s.mu held.
func (m *message) snapshot() *Message {
	out := &Message{
		ID:        m.id,
		ChannelID: m.channelID,
		GuildID:   m.guildID,
		AuthorID:  m.authorID,
		Content:   m.content,
		Flags:     discordgo.MessageFlags(m.flags),
		Pinned:    m.pinned,
		Nonce:     string(m.nonce),
		CreatedAt: m.created,
		EditedAt:  m.edited,
		Deleted:   m.deleted,
	}
	// The stored JSON was validated on the way in, so decoding cannot fail
	// for embeds; components of a kind discordgo does not know are dropped.
	_ = json.Unmarshal(m.embeds, &out.Embeds)
	var raw []json.RawMessage
	_ = json.Unmarshal(m.components, &raw)
	for _, r := range raw {
		if c, err := discordgo.MessageComponentFromJSON(r); err == nil {
			out.Components = append(out.Components, c)
		}
	}
	for _, a := range m.attachments {
		out.Files = append(out.Files, File{Name: a.file.Name, ContentType: a.file.ContentType, Data: slices.Clone(a.file.Data)})
	}
	return out
}
