package commands

import (
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// TestAutocompleteWithNoMatchAnswersAnEmptyList types what matches nothing
// into every kind of autocomplete: Discord needs a `choices` array even when
// it is empty, or the member sees "Loading options failed".
func TestAutocompleteWithNoMatchAnswersAnEmptyList(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cases := []struct {
		name    string
		actor   discordtest.Actor
		command string
		option  string
	}{
		{"form card that does not exist", tipMember, "form-tip show", "exercise"},
		{"time zone that does not exist", member, "checkin start", "timezone"},
		{"schedule time zone that does not exist", tipModerator, "form-tip schedule", "timezone"},
		{"non-moderator typing a tip number", tipMember, "form-tip remove", "tip"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cb, err := h.srv.Autocomplete(tc.actor, tc.command, tc.option, discordtest.Opt(tc.option, "qqqzzzxxx")).Wait(h.ctx)
			if err != nil {
				t.Fatalf("no autocomplete answer: %v", err)
			}
			if cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
				t.Fatalf("answered with callback type %d, want %d", cb.Type, discordgo.InteractionApplicationCommandAutocompleteResult)
			}
			if cb.Data == nil || len(cb.Data.Choices) != 0 {
				t.Errorf("choices %+v, want an empty list", cb.Data)
			}
		})
	}
}
