package discordtest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func row(buttons ...discordgo.MessageComponent) discordgo.ActionsRow {
	return discordgo.ActionsRow{Components: buttons}
}

func button(id string) discordgo.Button {
	return discordgo.Button{Label: "ok", CustomID: id}
}

func TestMessageLimits(t *testing.T) {
	t.Parallel()
	bigFields := func(n int) []*discordgo.MessageEmbedField {
		var out []*discordgo.MessageEmbedField
		for range n {
			out = append(out, &discordgo.MessageEmbedField{Name: "n", Value: "v"})
		}
		return out
	}
	rows := func(n int) []discordgo.MessageComponent {
		var out []discordgo.MessageComponent
		for i := range n {
			out = append(out, row(button(fmt.Sprint("b", i))))
		}
		return out
	}
	oneSelect := discordgo.SelectMenu{CustomID: "s", Options: []discordgo.SelectMenuOption{{Label: "a", Value: "a"}}}
	cases := []struct {
		name     string
		msg      *discordgo.MessageSend
		wantCode int
		wantPath string
	}{
		{"content of 2000 is fine", &discordgo.MessageSend{Content: strings.Repeat("a", 2000)}, 0, ""},
		{"content of 2001", &discordgo.MessageSend{Content: strings.Repeat("a", 2001)}, 50035, "content"},
		{"empty message", &discordgo.MessageSend{Content: "  "}, 50006, ""},
		{"11 embeds", &discordgo.MessageSend{Embeds: slices.Repeat([]*discordgo.MessageEmbed{{Title: "t"}}, 11)}, 50035, "embeds"},
		{"embed title of 257", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: strings.Repeat("t", 257)}}}, 50035, "embeds.0.title"},
		{"embed description of 4097", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("d", 4097)}}}, 50035, "embeds.0.description"},
		{"26 fields", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: bigFields(26)}}}, 50035, "embeds.0.fields"},
		{"field value of 1025", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "n", Value: strings.Repeat("v", 1025)}}}}}, 50035, "embeds.0.fields.0.value"},
		{"footer of 2049", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Footer: &discordgo.MessageEmbedFooter{Text: strings.Repeat("f", 2049)}}}}, 50035, "embeds.0.footer.text"},
		{"author of 257", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Author: &discordgo.MessageEmbedAuthor{Name: strings.Repeat("a", 257)}}}}, 50035, "embeds.0.author.name"},
		{"embeds over 6000 in total", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{
			{Description: strings.Repeat("d", 4000)}, {Description: strings.Repeat("d", 2001)},
		}}, 50035, "embeds"},
		{"5 action rows are fine", &discordgo.MessageSend{Components: rows(5)}, 0, ""},
		{"6 action rows", &discordgo.MessageSend{Components: rows(6)}, 50035, "components"},
		{"6 buttons in a row", &discordgo.MessageSend{Components: []discordgo.MessageComponent{row(button("1"), button("2"), button("3"), button("4"), button("5"), button("6"))}}, 50035, "components.0.components"},
		{"select beside a button", &discordgo.MessageSend{Components: []discordgo.MessageComponent{row(oneSelect, button("b"))}}, 50035, "components.0.components"},
		{"custom_id of 101", &discordgo.MessageSend{Components: []discordgo.MessageComponent{row(button(strings.Repeat("c", 101)))}}, 50035, "components.0.components.0.custom_id"},
		{"custom_id of 100 is fine", &discordgo.MessageSend{Components: []discordgo.MessageComponent{row(button(strings.Repeat("c", 100)))}}, 0, ""},
		{"duplicate custom_id", &discordgo.MessageSend{Components: []discordgo.MessageComponent{row(button("same")), row(button("same"))}}, 50035, "components.1.components.0.custom_id"},
		{"button label of 81", &discordgo.MessageSend{Components: []discordgo.MessageComponent{row(discordgo.Button{Label: strings.Repeat("l", 81), CustomID: "x"})}}, 50035, "components.0.components.0.label"},
		{"select with 26 options", &discordgo.MessageSend{Components: []discordgo.MessageComponent{row(discordgo.SelectMenu{CustomID: "s", Options: slices.Repeat([]discordgo.SelectMenuOption{{Label: "a", Value: "a"}}, 26)})}}, 50035, "components.0.components.0.options"},
	}
	srv := Start(t, Options{RouteLimits: map[string]RouteLimit{"POST /channels/{channel_id}/messages": {Limit: 100, Window: time.Minute}}})
	dg := newSession(t, srv)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := dg.ChannelMessageSendComplex(DefaultChannelID, tc.msg)
			if tc.wantCode == 0 {
				if err != nil {
					t.Fatalf("refused a message within the limits: %v", err)
				}
				return
			}
			if code := restCode(t, err); code != tc.wantCode {
				t.Fatalf("code %d, want %d", code, tc.wantCode)
			}
			if tc.wantPath != "" {
				if paths := formErrorPaths(t, err); !slices.Contains(paths, tc.wantPath) {
					t.Errorf("error fields %v, want %s", paths, tc.wantPath)
				}
			}
		})
	}
	srv.TakeViolations() // the spec also rejects most of these bodies.
	if n := len(srv.Messages(DefaultChannelID)); n != 3 {
		t.Errorf("%d messages stored, want only the 3 valid ones", n)
	}
}
