package commands

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
)

// /help names every command and subcommand with a clickable mention, and
// every field fits Discord's 1,024 characters even with long ids.
func TestHelpMentionsEveryCommand(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cmds, err := h.srv.WaitCommands(h.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	reply := h.answered(t, h.srv.SlashCommand(member, "help"))
	if len(reply.Embeds) != 1 {
		t.Fatalf("help has %d embeds", len(reply.Embeds))
	}
	text := redFlagText(reply)
	for _, c := range cmds {
		if c.Type == 0 || c.Type == 1 {
			if !strings.Contains(text, "</"+c.Name) || !strings.Contains(text, ":"+c.ID+">") {
				t.Errorf("help does not mention /%s as </%s:%s>", c.Name, c.Name, c.ID)
			}
		}
	}
	if strings.Contains(text, "`") {
		t.Errorf("help still uses code spans:\n%s", text)
	}
	for _, f := range reply.Embeds[0].Fields {
		if n := utf8.RuneCountInString(f.Value); n > 1024 {
			t.Errorf("field %s is %d characters", f.Name, n)
		}
	}
}

func TestHelpFieldsFitWithTheLongestIDs(t *testing.T) {
	t.Parallel()
	r := helpResponse(defsForHelp(t), func(path string) string { return "</" + path + ":18446744073709551615>" })
	for _, f := range r.Embeds[0].Fields {
		if n := utf8.RuneCountInString(f.Value); n > 1024 {
			t.Errorf("field %s is %d characters with 20-digit ids", f.Name, n)
		}
	}
}

func defsForHelp(t *testing.T) []*discordgo.ApplicationCommand {
	t.Helper()
	r := bot.NewRouter()
	Register(r, Deps{Store: nil, Logger: quietLogger()})
	return r.Definitions()
}
