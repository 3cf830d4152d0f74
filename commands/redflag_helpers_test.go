package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// actorN is a distinct member of the default guild, for tests that need
// several people with their own checks.
func redFlagMember(n int) discordtest.Actor {
	a := member
	a.UserID = fmt.Sprintf("18000000000000001%02d", n)
	a.Username = fmt.Sprintf("lifter%02d", n)
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

// redFlagQuestionAsked returns the question a message or response with
// these embeds asks, if it asks one.
func redFlagQuestionAsked(embeds []*discordgo.MessageEmbed) (redflag.Question, bool) {
	if len(embeds) == 0 {
		return redflag.Question{}, false
	}
	for _, q := range redflag.Questions() {
		if strings.Contains(embeds[0].Description, q.Text) {
			return q, true
		}
	}
	return redflag.Question{}, false
}

// redFlagMustAsk fails unless the message asks the question with id.
func redFlagMustAsk(t *testing.T, m *discordtest.Message, id string) {
	t.Helper()
	q, ok := redFlagQuestionAsked(m.Embeds)
	if !ok || q.ID != id {
		t.Fatalf("message asks %q (a question: %v), want %q:\n%s", q.ID, ok, id, redFlagText(m))
	}
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

// redFlagAnswerAll answers every question the message asks with replies[id]
// ("No" when absent) until the outcome replaces the questions; it returns
// the outcome and the ids of the questions asked, in order.
func (h *harness) redFlagAnswerAll(t *testing.T, a discordtest.Actor, m *discordtest.Message, replies map[string]string) (*discordtest.Message, []string) {
	t.Helper()
	var asked []string
	for range len(redflag.Questions()) + 1 {
		q, ok := redFlagQuestionAsked(m.Embeds)
		if !ok {
			return m, asked
		}
		asked = append(asked, q.ID)
		reply, ok := replies[q.ID]
		if !ok {
			reply = "No"
		}
		m = h.redFlagPress(t, a, m, reply)
	}
	t.Fatalf("the check kept asking after %v", asked)
	return nil, nil
}

// redFlagRunState reads a run from the store; found is false once it is gone.
func (h *harness) redFlagRunState(t *testing.T, id string) (run store.RedFlagRun, found bool) {
	t.Helper()
	run, err := h.store.RedFlagRun(context.Background(), id)
	if errors.Is(err, store.ErrRedFlagRunNotFound) {
		return store.RedFlagRun{}, false
	}
	if err != nil {
		t.Fatalf("read run %s: %v", id, err)
	}
	return run, true
}
