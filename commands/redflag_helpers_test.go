package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// actorN is a distinct member of the default guild, for tests that need
// several people with their own checks.
func redFlagMember(n int) discordtest.Actor {
	a := member
	a.UserID = fmt.Sprintf("18000000000000001%02d", n)
	a.Username = fmt.Sprintf("lifter%02d", n)
	// A client language that names no country: outcomes show the general
	// numbers unless a test chooses a region.
	a.Locale = "ja"
	return a
}

// buttonID returns the custom_id of the button labelled label.
func redFlagButtonID(t *testing.T, m *discordtest.Message, label string) string {
	t.Helper()
	for _, b := range allButtons(m) {
		if b.Label == label {
			return b.CustomID
		}
	}
	t.Fatalf("message has no %q button; it has %v", label, redFlagLabels(m))
	return ""
}

func redFlagLabels(m *discordtest.Message) []string {
	var out []string
	for _, b := range allButtons(m) {
		out = append(out, b.Label)
	}
	return out
}

// hasButton reports whether the message has a button with the custom_id.
func redFlagHasButton(m *discordtest.Message, customID string) bool {
	for _, b := range allButtons(m) {
		if b.CustomID == customID {
			return true
		}
	}
	return false
}

// text is everything a member reads on a message.
func redFlagText(m *discordtest.Message) string {
	parts := []string{m.Content}
	for _, e := range m.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// redFlagScreenShown returns the screen a message or response with these
// embeds shows, if it shows one: a question asked alone, or a checklist
// with the items still open on it.
func redFlagScreenShown(embeds []*discordgo.MessageEmbed) (redflag.Screen, bool) {
	if len(embeds) == 0 {
		return redflag.Screen{}, false
	}
	text := embeds[0].Description
	for _, s := range redflag.Screens() {
		if !s.Checklist {
			if strings.Contains(text, s.Questions[0].Text) {
				return s, true
			}
			continue
		}
		if !strings.Contains(text, redFlagChecklistHead) {
			continue
		}
		shown := redflag.Screen{ID: s.ID, Checklist: true}
		for _, q := range s.Questions {
			if strings.Contains(text, q.Text) {
				shown.Questions = append(shown.Questions, q)
			}
		}
		if len(shown.Questions) > 0 {
			return shown, true
		}
	}
	return redflag.Screen{}, false
}

// redFlagMustAsk fails unless the message shows the screen with id (a
// question's ID, or a checklist's).
func redFlagMustAsk(t *testing.T, m *discordtest.Message, id string) {
	t.Helper()
	s, ok := redFlagScreenShown(m.Embeds)
	if !ok || s.ID != id {
		t.Fatalf("message shows %q (a screen: %v), want %q:\n%s", s.ID, ok, id, redFlagText(m))
	}
}

// redFlagSelectMenu returns the message's select menu.
func redFlagSelectMenu(t *testing.T, m *discordtest.Message) *discordgo.SelectMenu {
	t.Helper()
	for _, c := range m.Components {
		if row, ok := c.(*discordgo.ActionsRow); ok {
			for _, x := range row.Components {
				if menu, ok := x.(*discordgo.SelectMenu); ok {
					return menu
				}
			}
		}
	}
	t.Fatalf("message has no select menu: %v", redFlagLabels(m))
	return nil
}

// redFlagRunID reads the run id from the Stop button of a question message.
func redFlagRunID(t *testing.T, m *discordtest.Message) string {
	t.Helper()
	parts := strings.Split(redFlagButtonID(t, m, "Stop"), ":")
	if len(parts) != 4 {
		t.Fatalf("Stop button custom_id %v is not redflag:stop:<run>:<step>", parts)
	}
	return parts[2]
}

// lastDM is the newest message in the member's DMs with the bot.
func (h *harness) redFlagNewestDM(t *testing.T, userID string) *discordtest.Message {
	t.Helper()
	dms := h.srv.DMs(userID)
	if len(dms) == 0 {
		t.Fatalf("user %s has no DMs from the bot", userID)
	}
	return dms[len(dms)-1]
}

// redFlagStartInServer runs /red-flag-check in the guild and returns the
// private acknowledgement and the question that arrived by DM.
func (h *harness) redFlagStartInServer(t *testing.T, a discordtest.Actor, opts ...discordtest.Option) (ack, question *discordtest.Message) {
	t.Helper()
	ack = h.answered(t, h.srv.SlashCommand(a, redFlagName, opts...))
	if !isEphemeral(ack) {
		t.Fatalf("the reply in the server is public: %q", redFlagText(ack))
	}
	return ack, h.redFlagNewestDM(t, a.UserID)
}

// click presses the button labelled label and returns what the member sees
// afterwards: the updated message or a new reply.
func (h *harness) redFlagPress(t *testing.T, a discordtest.Actor, m *discordtest.Message, label string) *discordtest.Message {
	t.Helper()
	return h.answered(t, h.srv.Click(a, m, redFlagButtonID(t, m, label)))
}

// redFlagAnswer answers the screen m shows as the member would: on a
// question asked alone it presses replies[id] ("No" when absent); on a
// checklist it ticks the items whose reply is "Yes" in the menu, or presses
// None of these. It returns what the member sees next.
func (h *harness) redFlagAnswer(t *testing.T, a discordtest.Actor, m *discordtest.Message, replies map[string]string) *discordtest.Message {
	t.Helper()
	s, ok := redFlagScreenShown(m.Embeds)
	if !ok {
		t.Fatalf("message shows no screen of the check:\n%s", redFlagText(m))
	}
	if !s.Checklist {
		reply, ok := replies[s.ID]
		if !ok {
			reply = "No"
		}
		return h.redFlagPress(t, a, m, reply)
	}
	var ticked []string
	for _, q := range s.Questions {
		if replies[q.ID] == "Yes" {
			ticked = append(ticked, q.ID)
		}
	}
	if len(ticked) == 0 {
		return h.redFlagPress(t, a, m, redFlagNoneLabel)
	}
	return h.answered(t, h.srv.Select(a, m, redFlagSelectMenu(t, m).CustomID, ticked...))
}

// redFlagAnswerAll answers every screen (see redFlagAnswer) until the
// outcome replaces them; it returns the outcome and the ids of the screens
// shown, in order: one tap each.
func (h *harness) redFlagAnswerAll(t *testing.T, a discordtest.Actor, m *discordtest.Message, replies map[string]string) (*discordtest.Message, []string) {
	t.Helper()
	var shown []string
	for range len(redflag.Screens()) + 1 {
		s, ok := redFlagScreenShown(m.Embeds)
		if !ok {
			return m, shown
		}
		shown = append(shown, s.ID)
		m = h.redFlagAnswer(t, a, m, replies)
	}
	t.Fatalf("the check kept asking after %v", shown)
	return nil, nil
}

// redFlagRunState reads a run from the store; found is false once it is gone.
func (h *harness) redFlagRunState(t *testing.T, id string) (run spotter.RedFlagRun, found bool) {
	t.Helper()
	run, err := h.store.RedFlagRun(context.Background(), id)
	if errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		return spotter.RedFlagRun{}, false
	}
	if err != nil {
		t.Fatalf("read run %s: %v", id, err)
	}
	return run, true
}
