package bot

import (
	"errors"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// fakeDiscord records the calls the bot makes, for tests that need no network.
type fakeDiscord struct {
	mu        sync.Mutex
	calls     []string
	responses []*discordgo.InteractionResponse
	edits     []*discordgo.WebhookEdit
	followups []*discordgo.WebhookParams
	// respondErr, when set, is returned by the first InteractionRespond.
	respondErr error
}

var _ Discord = (*fakeDiscord)(nil)

func (f *fakeDiscord) record(call string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
}

func (f *fakeDiscord) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakeDiscord) InteractionRespond(_ *discordgo.Interaction, resp *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	f.record("respond")
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.respondErr; err != nil {
		f.respondErr = nil
		return err
	}
	f.responses = append(f.responses, resp)
	return nil
}

func (f *fakeDiscord) InteractionResponseEdit(_ *discordgo.Interaction, e *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	f.record("edit")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.edits = append(f.edits, e)
	return &discordgo.Message{}, nil
}

func (f *fakeDiscord) InteractionResponseDelete(*discordgo.Interaction, ...discordgo.RequestOption) error {
	f.record("delete")
	return nil
}

func (f *fakeDiscord) FollowupMessageCreate(_ *discordgo.Interaction, _ bool, p *discordgo.WebhookParams, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	f.record("followup")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.followups = append(f.followups, p)
	return &discordgo.Message{}, nil
}

func (f *fakeDiscord) ApplicationCommandBulkOverwrite(string, string, []*discordgo.ApplicationCommand, ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error) {
	f.record("bulk-overwrite")
	return nil, nil
}

func (f *fakeDiscord) UserChannelCreate(string, ...discordgo.RequestOption) (*discordgo.Channel, error) {
	return nil, errors.New("not used")
}

func (f *fakeDiscord) ChannelMessageSendComplex(string, *discordgo.MessageSend, ...discordgo.RequestOption) (*discordgo.Message, error) {
	return nil, errors.New("not used")
}

func (f *fakeDiscord) ChannelMessageEditComplex(*discordgo.MessageEdit, ...discordgo.RequestOption) (*discordgo.Message, error) {
	return nil, errors.New("not used")
}

func (f *fakeDiscord) RequestWithBucketID(string, string, interface{}, string, ...discordgo.RequestOption) ([]byte, error) {
	return nil, errors.New("not used")
}

// slashCommand builds a slash-command interaction for name with optional
// subcommand and leaf options.
func slashCommand(name, sub string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	data := discordgo.ApplicationCommandInteractionData{ID: "1", Name: name, CommandType: discordgo.ChatApplicationCommand, Options: opts}
	if sub != "" {
		data.Options = []*discordgo.ApplicationCommandInteractionDataOption{{Name: sub, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}}
	}
	return &discordgo.Interaction{
		ID: "900", Type: discordgo.InteractionApplicationCommand, Data: data,
		GuildID: "500", ChannelID: "600",
		Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
	}
}

func click(customID string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "901", Type: discordgo.InteractionMessageComponent,
		Data:    discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
		GuildID: "500", ChannelID: "600",
		Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
		Message: &discordgo.Message{ID: "700", Components: []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			&discordgo.Button{CustomID: customID, Label: "x"},
		}}}},
	}
}
