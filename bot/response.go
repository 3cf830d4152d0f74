package bot

import (
	"github.com/bwmarrin/discordgo"
)

// ResponseKind says how a Response answers the interaction.
type ResponseKind int

const (
	// KindMessage answers with a new message (or fills a deferred reply).
	KindMessage ResponseKind = iota
	// KindUpdate edits the message whose component was clicked.
	KindUpdate
	// KindChoices answers an autocomplete request.
	KindChoices
	// KindModal opens a modal form.
	KindModal
)

// Response is what a handler wants sent; the router turns it into the right
// Discord call for the interaction's state (fresh, or already deferred).
type Response struct {
	Kind       ResponseKind
	Ephemeral  bool
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Files      []*discordgo.File
	Choices    []*discordgo.ApplicationCommandOptionChoice
	// ModalID and ModalTitle are used with KindModal; Components hold its rows.
	ModalID    string
	ModalTitle string
	// AllowedMentions limits who a public message pings; nil pings nobody.
	AllowedMentions *discordgo.MessageAllowedMentions
}

// Ephemeral returns a message only the member who asked can see.
func Ephemeral(content string) *Response {
	return &Response{Kind: KindMessage, Ephemeral: true, Content: content}
}

// Public returns a message everyone in the channel can see.
func Public(content string) *Response {
	return &Response{Kind: KindMessage, Content: content}
}

// Update returns a response that edits the clicked message in place.
func Update(content string) *Response {
	return &Response{Kind: KindUpdate, Content: content}
}

// Choices returns an autocomplete answer.
func Choices(choices []*discordgo.ApplicationCommandOptionChoice) *Response {
	return &Response{Kind: KindChoices, Choices: choices}
}

func (r *Response) allowedMentions() *discordgo.MessageAllowedMentions {
	if r.AllowedMentions != nil {
		return r.AllowedMentions
	}
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (r *Response) flags() discordgo.MessageFlags {
	if r.Ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// interactionResponse is the callback body for a fresh interaction.
func (r *Response) interactionResponse() *discordgo.InteractionResponse {
	switch r.Kind {
	case KindChoices:
		return &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: r.Choices},
		}
	case KindModal:
		return &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseModal,
			Data: &discordgo.InteractionResponseData{CustomID: r.ModalID, Title: r.ModalTitle, Components: r.Components},
		}
	}
	typ := discordgo.InteractionResponseChannelMessageWithSource
	if r.Kind == KindUpdate {
		typ = discordgo.InteractionResponseUpdateMessage
	}
	return &discordgo.InteractionResponse{
		Type: typ,
		Data: &discordgo.InteractionResponseData{
			Content:         r.Content,
			Embeds:          r.Embeds,
			Components:      r.Components,
			Files:           r.Files,
			Flags:           r.flags(),
			AllowedMentions: r.allowedMentions(),
		},
	}
}

// webhookEdit is the body that fills in a deferred reply.
func (r *Response) webhookEdit() *discordgo.WebhookEdit {
	content := r.Content
	embeds := r.Embeds
	components := r.Components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &embeds,
		Components:      &components,
		Files:           r.Files,
		AllowedMentions: r.allowedMentions(),
	}
}

// followup is the body of an extra message sent after the first reply.
func (r *Response) followup() *discordgo.WebhookParams {
	return &discordgo.WebhookParams{
		Content:         r.Content,
		Embeds:          r.Embeds,
		Components:      r.Components,
		Files:           r.Files,
		Flags:           r.flags(),
		AllowedMentions: r.allowedMentions(),
	}
}
