package commands

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/contacts"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// redFlagFitsDiscord fails when Discord would refuse the response with 400.
func redFlagFitsDiscord(t *testing.T, resp *bot.Response) {
	t.Helper()
	total := 0
	for _, e := range resp.Embeds {
		n := utf8.RuneCountInString
		if n(e.Title) > 256 || n(e.Description) > 4096 || len(e.Fields) > 25 {
			t.Errorf("embed %q breaks the title, description or field-count limit", e.Title)
		}
		total += n(e.Title) + n(e.Description)
		for _, f := range e.Fields {
			if n(f.Name) > 256 || n(f.Value) > 1024 || f.Value == "" {
				t.Errorf("field %q is %d characters, want 1-1024", f.Name, n(f.Value))
			}
			total += n(f.Name) + n(f.Value)
		}
		if e.Footer != nil {
			total += n(e.Footer.Text)
		}
	}
	if total > 6000 {
		t.Errorf("embeds total %d characters, over Discord's 6000", total)
	}
	if len(resp.Components) > 5 {
		t.Errorf("%d action rows, over Discord's 5", len(resp.Components))
	}
	seen := map[string]bool{}
	for _, row := range resp.Components {
		r := row.(discordgo.ActionsRow)
		if len(r.Components) == 0 || len(r.Components) > 5 {
			t.Errorf("a row holds %d buttons, want 1-5", len(r.Components))
		}
		for _, c := range r.Components {
			b := c.(discordgo.Button)
			if utf8.RuneCountInString(b.Label) > 80 || len(b.CustomID) > 100 || seen[b.CustomID] {
				t.Errorf("button %q (%q) breaks a limit or repeats a custom_id", b.Label, b.CustomID)
			}
			seen[b.CustomID] = true
		}
	}
}

func TestEveryOutcomeFitsDiscordInEveryRegion(t *testing.T) {
	kb, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	regions := append([]string{""}, contacts.Codes()...)
	for l := redflag.LevelSelfCare; l <= redflag.LevelEmergency; l++ {
		for _, o := range []redflag.Outcome{
			{Level: l},
			{Level: l, CountedUnsure: true, LowMood: true},
			{Level: l, CountedUnsure: true, LowMood: true, Crisis: true},
		} {
			for _, region := range regions {
				t.Run(fmt.Sprintf("%v/crisis=%v/%q", l, o.Crisis, region), func(t *testing.T) {
					r := o.Message(region)
					resp := redFlagOutcome(o, r, kb)
					redFlagFitsDiscord(t, resp)
					if resp.Kind != bot.KindUpdate {
						t.Error("the outcome must replace the question, not arrive as a new message")
					}
					if r.OfferCheckIns != redFlagOffers(resp, checkinOfferID) {
						t.Errorf("check-in offer shown %v, want %v", !r.OfferCheckIns, r.OfferCheckIns)
					}
					for _, id := range r.RelatedEntries {
						if !redFlagOffers(resp, soreBackEntry+":"+id) {
							t.Errorf("no button for related entry %q (is it missing from the knowledge base?)", id)
						}
					}
				})
			}
		}
	}
}

func TestEveryQuestionFitsDiscord(t *testing.T) {
	run := store.RedFlagRun{ID: "abcdefghijklmnopqrstuvwxyz", Step: 1 << 30}
	var answers redflag.Answers
	for {
		q, done := redflag.Next(answers)
		if done {
			break
		}
		resp := redFlagQuestion(bot.KindUpdate, run, answers)
		redFlagFitsDiscord(t, resp)
		for _, a := range q.Choices() {
			if !redFlagOffers(resp, fmt.Sprintf("%s:%s:%d:%s", redFlagAnswerID, run.ID, run.Step, a)) {
				t.Errorf("%s: no button for %q", q.ID, a.Label())
			}
		}
		var err error
		if answers, err = answers.Record(q.ID, redflag.AnswerNo); err != nil {
			t.Fatal(err)
		}
	}
}

func redFlagOffers(resp *bot.Response, customID string) bool {
	for _, row := range resp.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if c.(discordgo.Button).CustomID == customID {
				return true
			}
		}
	}
	return false
}
