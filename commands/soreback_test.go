package commands

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/knowledge"
)

func embedText(m *discordtest.Message) string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}

func TestSoreBackAnswersPrivatelyWithSourcesAndDisclaimer(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "ice or heat for my lower back after deadlifts?")))
	if !isEphemeral(reply) {
		t.Fatal("a personal answer was posted publicly")
	}
	if len(reply.Embeds) != 1 || reply.Embeds[0].Title != mustEntry(t, h, "heat-vs-ice").Title {
		t.Fatalf("answer = %+v, want the heat-vs-ice entry", reply.Embeds)
	}
	text := embedText(reply)
	for _, want := range []string{"Sources", knowledge.Disclaimer} {
		if !strings.Contains(text, want) {
			t.Errorf("answer lacks %q", want)
		}
	}
	for _, id := range []string{"sore-back:share:heat-vs-ice", "redflag:start", "checkin:offer", "sore-back:related"} {
		if !hasComponent(reply.Components, id) {
			t.Errorf("answer lacks the %s component", id)
		}
	}
}

func TestSoreBackPutsEmergenciesFirstEvenWithTypos(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for _, q := range []string{"cant feel my groin after deadlifts", "peed myself a bit and my back is killing me after squats"} {
		reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", q)))
		if !isEphemeral(reply) || reply.Embeds[0].Title != mustEntry(t, h, "emergency").Title {
			t.Errorf("%q got %q, want the private emergency answer", q, reply.Embeds[0].Title)
		}
		if !strings.Contains(embedText(reply), "United States: 911") {
			t.Errorf("%q: emergency answer lacks emergency numbers", q)
		}
	}
}

func TestSoreBackDeclinesOffTopicHonestly(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "best creatine brand for bulking?")))
	if !strings.Contains(reply.Embeds[0].Title, "only cover back pain") {
		t.Errorf("off-topic question got %q", reply.Embeds[0].Title)
	}
}

func TestSoreBackRefusesBadQuestionsClearly(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cases := map[string]string{
		"empty":      "",
		"whitespace": "   \t  ",
		"6000 chars": strings.Repeat("why does my back hurt ", 273)[:6000],
		"control":    "back hurts\x00\x07 after squats",
	}
	for name, q := range cases {
		t.Run(name, func(t *testing.T) {
			reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", q)))
			if !isEphemeral(reply) || len(reply.Embeds) != 0 || reply.Content == "" {
				t.Fatalf("got %+v, want a short ephemeral explanation", reply)
			}
			if strings.Contains(reply.Content, "went wrong") {
				t.Errorf("bad input was treated as a crash: %q", reply.Content)
			}
		})
	}
}

func TestSoreBackAutocompleteSuggestsEntriesAndAnswersThePickExactly(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	in := h.srv.Autocomplete(member, "sore-back", "question", discordtest.Opt("question", "hex b"))
	cb, err := in.Wait(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(cb.Data.Choices) == 0 || len(cb.Data.Choices) > 25 {
		t.Fatalf("autocomplete = %+v", cb)
	}
	first := cb.Data.Choices[0]
	if first.Name != mustEntry(t, h, "trap-bar-deadlift").Title {
		t.Errorf("first suggestion for 'hex b' = %q", first.Name)
	}
	reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", first.Value)))
	if reply.Embeds[0].Title != first.Name {
		t.Errorf("picking %q answered %q", first.Name, reply.Embeds[0].Title)
	}
	empty, err := h.srv.Autocomplete(member, "sore-back", "question", discordtest.Opt("question", "")).Wait(h.ctx)
	if err != nil || len(empty.Data.Choices) == 0 {
		t.Errorf("empty input should suggest common topics: %v, %+v", err, empty)
	}
}

func TestSoreBackRelatedMenuSwapsTheAnswerInPlace(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	in := h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "ice or heat?"))
	reply := h.answered(t, in)
	related := mustEntry(t, h, "heat-vs-ice").Related[0]
	click := h.srv.Select(member, reply, "sore-back:related", related)
	cb, err := click.Wait(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("menu pick answered with type %d, want an in-place update", cb.Type)
	}
	swapped, err := in.Original(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if swapped.Embeds[0].Title != mustEntry(t, h, related).Title {
		t.Errorf("after picking %s the answer shows %q", related, swapped.Embeds[0].Title)
	}
}

func TestSoreBackShareButtonPostsTheEntryPublicly(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	question := "my embarrassing secret question about ice or heat"
	reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", question)))
	shared := h.answered(t, h.srv.Click(member, reply, "sore-back:share:heat-vs-ice"))
	if isEphemeral(shared) {
		t.Fatal("shared answer is still ephemeral")
	}
	if shared.Embeds[0].Title != mustEntry(t, h, "heat-vs-ice").Title {
		t.Errorf("shared %q", shared.Embeds[0].Title)
	}
	if strings.Contains(embedText(shared), "embarrassing") {
		t.Error("the member's question was made public")
	}
}

func TestSoreBackForPostsPubliclyAndPingsOnlyTheTarget(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	in := h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "should I wear a belt for deadlifts?"), discordtest.Opt("for", otherMember.UserID))
	reply := h.answered(t, in)
	if isEphemeral(reply) {
		t.Fatal("'for' answer was ephemeral")
	}
	if !strings.Contains(reply.Content, "<@"+otherMember.UserID+">") || reply.Embeds[0].Title != mustEntry(t, h, "lifting-belts").Title {
		t.Errorf("for-answer = %q / %q", reply.Content, reply.Embeds[0].Title)
	}
	var body struct {
		Data struct {
			AllowedMentions struct {
				Users []string `json:"users"`
			} `json:"allowed_mentions"`
		} `json:"data"`
	}
	last := lastRequest(t, h, "/callback")
	if err := json.Unmarshal(last, &body); err != nil {
		t.Fatal(err)
	}
	if got := body.Data.AllowedMentions.Users; len(got) != 1 || got[0] != otherMember.UserID {
		t.Errorf("allowed mentions = %v, want only the target", got)
	}
}

func TestSoreBackForKeepsEmergenciesPrivate(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "his legs both went numb after he dropped the bar"), discordtest.Opt("for", otherMember.UserID)))
	if !isEphemeral(reply) {
		t.Fatal("an emergency answer about another member was posted publicly")
	}
}

func TestSoreBackWorksInDMs(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(inDM(member), "sore-back", discordtest.Opt("question", "how long does a tweaked back take to heal")))
	if len(reply.Embeds) != 1 {
		t.Fatalf("DM answer = %+v", reply)
	}
}

// TestSoreBackEmbedGolden pins the rendered embed of one entry, so a change
// to rendering shows up as a reviewable diff. Run with -update to rewrite.
func TestSoreBackEmbedGolden(t *testing.T) {
	t.Parallel()
	kb, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, _ := kb.Entry("rule-of-twos")
	resp := privateAnswer(kb.Card(knowledge.Result{Kind: knowledge.ResultEntry, Entry: e}, ""))
	got, err := json.MarshalIndent(struct {
		Embeds     []*discordgo.MessageEmbed    `json:"embeds"`
		Components []discordgo.MessageComponent `json:"components"`
	}{resp.Embeds, resp.Components}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "rule-of-twos.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./commands -run Golden -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("rendered embed changed; if intended, run with -update and review the diff\n got: %s", got)
	}
}

func mustEntry(t *testing.T, h *harness, id string) *knowledge.Entry {
	t.Helper()
	e, ok := h.deps.Knowledge.Entry(id)
	if !ok {
		t.Fatalf("no entry %q", id)
	}
	return e
}

func hasComponent(rows []discordgo.MessageComponent, customID string) bool {
	for _, row := range rows {
		ar, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range ar.Components {
			switch c := c.(type) {
			case *discordgo.Button:
				if c.CustomID == customID {
					return true
				}
			case *discordgo.SelectMenu:
				if c.CustomID == customID {
					return true
				}
			}
		}
	}
	return false
}

// lastRequest returns the body of the latest request whose path ends with
// pathSuffix; the stand-in records a request just after answering it, so it
// may take a moment to appear.
func lastRequest(t *testing.T, h *harness, pathSuffix string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
	defer cancel()
	var body []byte
	err := h.srv.WaitUntil(ctx, func() bool {
		reqs := h.srv.Requests()
		for i := len(reqs) - 1; i >= 0; i-- {
			if strings.HasSuffix(reqs[i].Path, pathSuffix) {
				body = reqs[i].Body
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("no request to *%s", pathSuffix)
	}
	return body
}
