package discordtest

import (
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

var member = Actor{UserID: "1500000000000000001", Username: "deadlifter", GuildID: DefaultGuildID}

// botWith opens a session with the test command set and runs handle for
// every interaction; handle's error goes to the returned channel.
func botWith(t *testing.T, srv *Server, handle func(*discordgo.Session, *discordgo.InteractionCreate) error) <-chan error {
	t.Helper()
	dg := openSession(t, srv)
	register(t, srv, dg, "")
	errs := make(chan error, 8)
	dg.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) { errs <- handle(s, ic) })
	return errs
}

func reply(content string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: content}}
}

func TestReplyBecomesTheOriginalMessage(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	errs := botWith(t, srv, func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
		return s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content: "Ease off for two days.",
				Embeds:  []*discordgo.MessageEmbed{{Title: "Rule of twos", Description: "If pain is above 2/10..."}},
				Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.Button{Label: "Red flags", CustomID: "redflag:start", Style: discordgo.DangerButton},
				}}},
			},
		})
	})

	in := srv.SlashCommand(member, "sore-back", Opt("topic", "deadlift"))

	cb, err := in.Wait(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := next(t, errs); err != nil {
		t.Fatalf("bot's respond: %v", err)
	}
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Data.Content != "Ease off for two days." {
		t.Errorf("callback %v %q", cb.Type, cb.Data.Content)
	}
	if cb.Latency <= 0 || cb.Latency > 3*time.Second {
		t.Errorf("latency %v, want within the deadline", cb.Latency)
	}
	orig, err := in.Original(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	if orig.AuthorID != srv.ApplicationID() || len(orig.Embeds) != 1 || orig.Embeds[0].Title != "Rule of twos" || len(orig.Components) != 1 {
		t.Errorf("original %+v: want the bot's message with its embed and button row", orig)
	}
	if msgs := srv.Messages(DefaultChannelID); len(msgs) != 1 || msgs[0].ID != orig.ID {
		t.Errorf("channel holds %d messages, want the response", len(msgs))
	}
}

func TestLateCallbackIsUnknownInteraction(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{CallbackDeadline: 300 * time.Millisecond})
	release := make(chan struct{})
	followupErr := make(chan error, 1)
	errs := botWith(t, srv, func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
		<-release
		_, ferr := s.FollowupMessageCreate(ic.Interaction, true, &discordgo.WebhookParams{Content: "late"})
		followupErr <- ferr
		return s.InteractionRespond(ic.Interaction, reply("too late"))
	})

	in := srv.SlashCommand(member, "sore-back", Opt("topic", "squat"))

	if _, err := in.Wait(ctxT(t)); err == nil {
		t.Fatal("Wait returned a callback although the bot never answered in time")
	}
	close(release)
	if code := restCode(t, next(t, followupErr)); code != 10062 {
		t.Errorf("followup without a callback after the deadline: code %d, want 10062", code)
	}
	if code := restCode(t, next(t, errs)); code != 10062 {
		t.Errorf("late callback: code %d, want 10062 Unknown interaction", code)
	}
}

func TestSecondCallbackIsAlreadyAcknowledged(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	errs := botWith(t, srv, func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
		if err := s.InteractionRespond(ic.Interaction, reply("first")); err != nil {
			return err
		}
		return s.InteractionRespond(ic.Interaction, reply("second"))
	})

	in := srv.SlashCommand(member, "sore-back", Opt("topic", "squat"))

	if code := restCode(t, next(t, errs)); code != 40060 {
		t.Errorf("second callback: code %d, want 40060", code)
	}
	if cb, err := in.Wait(ctxT(t)); err != nil || cb.Data.Content != "first" {
		t.Errorf("Wait = %+v, %v; want the first callback", cb, err)
	}
}

func TestDeferredResponses(t *testing.T) {
	t.Parallel()
	edit := func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
		content := "Here is what helps."
		_, err := s.InteractionResponseEdit(ic.Interaction, &discordgo.WebhookEdit{Content: &content})
		return err
	}
	followup := func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
		_, err := s.FollowupMessageCreate(ic.Interaction, true, &discordgo.WebhookParams{Content: "Here is what helps."})
		return err
	}
	cases := []struct {
		name string
		then func(*discordgo.Session, *discordgo.InteractionCreate) error
	}{
		{"edit fills the placeholder", edit},
		{"first followup fills the placeholder", followup},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := Start(t, Options{})
			errs := botWith(t, srv, func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
				if err := s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
				}); err != nil {
					return err
				}
				return tc.then(s, ic)
			})

			in := srv.SlashCommand(member, "sore-back", Opt("topic", "squat"))

			if err := next(t, errs); err != nil {
				t.Fatalf("bot: %v", err)
			}
			orig, err := in.Original(ctxT(t))
			if err != nil {
				t.Fatal(err)
			}
			if orig.Content != "Here is what helps." || orig.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("original %q flags %d: want the text, still ephemeral", orig.Content, orig.Flags)
			}
			if edited, err := in.WaitEdit(ctxT(t), 1); err != nil || edited.Content != orig.Content {
				t.Errorf("first edit %v, %v", edited, err)
			}
			if n := len(in.Followups()); n != 0 {
				t.Errorf("%d followups, want none: the placeholder took the message", n)
			}
		})
	}
}

func TestCallbackRulesPerInteractionType(t *testing.T) {
	t.Parallel()
	choices := func(n int) []*discordgo.ApplicationCommandOptionChoice {
		var out []*discordgo.ApplicationCommandOptionChoice
		for i := range n {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: strings.Repeat("c", i+1), Value: "v"})
		}
		return out
	}
	cases := []struct {
		name         string
		autocomplete bool
		resp         *discordgo.InteractionResponse
		wantCode     int
		wantPath     string
	}{
		{"update message to a slash command", false, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: &discordgo.InteractionResponseData{Content: "x"}}, 50035, "type"},
		{"deferred update to a slash command", false, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}, 50035, "type"},
		{"choices to a slash command", false, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{Choices: choices(1)}}, 50035, "type"},
		{"message to autocomplete", true, reply("x"), 50035, "type"},
		{"26 autocomplete choices", true, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{Choices: choices(26)}}, 50035, "data.choices"},
		{"choice name of 101", true, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{Choices: choices(101)[100:]}}, 50035, "data.choices.0.name"},
		{"autocomplete without choices", true, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{}}, 50035, "data.choices"},
		{"autocomplete with no data", true, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult}, 50035, "data.choices"},
		{"25 autocomplete choices", true, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{Choices: choices(25)}}, 0, ""},
		{"defer with suppress-embeds flag", false, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsSuppressEmbeds}}, 50035, "data.flags"},
		{"empty message", false, reply(""), 50006, ""},
		{"modal title of 46", false, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseModal, Data: &discordgo.InteractionResponseData{CustomID: "notes", Title: strings.Repeat("t", 46), Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{CustomID: "n", Label: "Notes", Style: discordgo.TextInputShort}}}}}}, 50035, "data.title"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := Start(t, Options{})
			errs := botWith(t, srv, func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
				return s.InteractionRespond(ic.Interaction, tc.resp)
			})

			if tc.autocomplete {
				srv.Autocomplete(member, "sore-back", "topic", Opt("topic", "dead"))
			} else {
				srv.SlashCommand(member, "sore-back", Opt("topic", "squat"))
			}

			err := next(t, errs)
			srv.TakeViolations() // several of these bodies break the spec as well.
			if tc.wantCode == 0 {
				if err != nil {
					t.Fatalf("callback refused: %v", err)
				}
				return
			}
			if code := restCode(t, err); code != tc.wantCode {
				t.Fatalf("code %d, want %d (%v)", code, tc.wantCode, err)
			}
			if tc.wantPath != "" {
				if paths := formErrorPaths(t, err); len(paths) == 0 || paths[0] != tc.wantPath {
					t.Errorf("error fields %v, want %s", paths, tc.wantPath)
				}
			}
		})
	}
}

func TestAutocompleteSendsFocusedPartialValue(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	got := interactions(dg)
	register(t, srv, dg, "")

	srv.Autocomplete(member, "sore-back", "topic", Opt("topic", "dead"), Opt("pain", 4))

	ic := next(t, got)
	if ic.Type != discordgo.InteractionApplicationCommandAutocomplete {
		t.Fatalf("type %v, want autocomplete", ic.Type)
	}
	topic := ic.ApplicationCommandData().GetOption("topic")
	if !topic.Focused || topic.StringValue() != "dead" {
		t.Errorf("topic focused=%v value=%v, want focused partial \"dead\"", topic.Focused, topic.Value)
	}
}
