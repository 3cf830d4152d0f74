package commands

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
)

func TestPendingNoticesWaitForAPrivateReply(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 1900)
	tests := []struct {
		name      string
		typ       discordgo.InteractionType
		resp      *bot.Response
		err       error
		shown     bool
		inContent bool
	}{
		{"ephemeral reply to a command", discordgo.InteractionApplicationCommand, bot.Ephemeral("Here is your answer."), nil, true, true},
		{"ephemeral reply with long content", discordgo.InteractionApplicationCommand, bot.Ephemeral(long), nil, true, false},
		{"public reply", discordgo.InteractionApplicationCommand, bot.Public("Posted for everyone."), nil, false, false},
		{"error", discordgo.InteractionApplicationCommand, nil, bot.Userf("No."), false, false},
		{"button click", discordgo.InteractionMessageComponent, bot.Ephemeral("Clicked."), nil, false, false},
		{"autocomplete", discordgo.InteractionApplicationCommandAutocomplete, bot.Choices(nil), nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCheckins(t)
			ctx := context.Background()
			const user = "1800000000000000001"
			if err := c.store.AddMemberNotice(ctx, user, spotter.NoticeCheckinsDMsClosed); err != nil {
				t.Fatal(err)
			}
			req := checkinRequest(user, "history", nil)
			req.Type = tt.typ
			h := pendingNotices(c.store, c.mentionOf)(func(context.Context, *bot.Request) (*bot.Response, error) { return tt.resp, tt.err })
			resp, _ := h(ctx, req)
			text := ""
			if resp != nil {
				text = resp.Content
				for _, e := range resp.Embeds {
					text += e.Description
				}
			}
			if got := strings.Contains(text, "Your check-ins are paused"); got != tt.shown {
				t.Errorf("notice shown: %v, want %v", got, tt.shown)
			}
			if tt.shown && strings.HasPrefix(resp.Content, "**Your check-ins") != tt.inContent {
				t.Errorf("notice in the text: %v, want %v (Discord allows 2,000 characters)", !tt.inContent, tt.inContent)
			}
			left, err := c.store.HasMemberNotices(ctx, user)
			if err != nil {
				t.Fatal(err)
			}
			if left == tt.shown {
				t.Errorf("notice still waiting: %v after being shown: %v", left, tt.shown)
			}
		})
	}
}
