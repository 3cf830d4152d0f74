package commands

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
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
	units := func(s string) int { return len(utf16.Encode([]rune(s))) }
	for _, row := range resp.Components {
		r := row.(discordgo.ActionsRow)
		if len(r.Components) == 0 || len(r.Components) > 5 {
			t.Errorf("a row holds %d components, want 1-5", len(r.Components))
		}
		for _, c := range r.Components {
			var id string
			switch c := c.(type) {
			case discordgo.Button:
				id = c.CustomID
				if units(c.Label) > 80 {
					t.Errorf("button %q is over 80 units", c.Label)
				}
			case discordgo.SelectMenu:
				id = c.CustomID
				if len(r.Components) != 1 {
					t.Errorf("select %q shares its row", c.CustomID)
				}
				if n := len(c.Options); n < 1 || n > 25 || c.MaxValues > n || c.MinValues == nil || *c.MinValues < 1 {
					t.Errorf("select %q: %d options, values %v-%d", c.CustomID, n, c.MinValues, c.MaxValues)
				}
				if units(c.Placeholder) > 150 {
					t.Errorf("select placeholder %q is over 150 units", c.Placeholder)
				}
				for _, o := range c.Options {
					if units(o.Label) < 1 || units(o.Label) > 100 || units(o.Description) > 100 || units(o.Value) > 100 {
						t.Errorf("option %q (%q, %q) breaks a limit", o.Label, o.Description, o.Value)
					}
				}
			default:
				t.Errorf("unexpected component %T", c)
			}
			if id == "" || len(id) > 100 || seen[id] {
				t.Errorf("custom_id %q is empty, over 100 or repeated", id)
			}
			seen[id] = true
		}
	}
}

func TestEveryOutcomeFitsDiscordInEveryRegion(t *testing.T) {
	t.Parallel()
	kb, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	regions := append([]string{""}, contacts.Codes()...)
	for l := redflag.LevelSelfCare; l <= redflag.LevelEmergency; l++ {
		var every []string
		for _, q := range redflag.Questions() {
			every = append(every, q.ID)
		}
		for _, o := range []redflag.Outcome{
			{Level: l},
			{Level: l, CountedUnsure: true, LowMood: true, Triggers: every},
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

// Every screen fits Discord, with the longest run id and step the store can
// make; a question asked alone has a button for each answer that names the
// question, and a checklist has a menu with every open item and None of these.
func TestEveryScreenFitsDiscord(t *testing.T) {
	t.Parallel()
	run := spotter.RedFlagRun{ID: "abcdefghijklmnopqrstuvwxyz", Step: 1 << 30}
	var answers redflag.Answers
	for {
		s, _, done := redflag.NextScreen(answers)
		if done {
			break
		}
		resp := redFlagQuestion(bot.KindUpdate, run, answers)
		redFlagFitsDiscord(t, resp)
		prefix := fmt.Sprintf("%s:%d", run.ID, run.Step)
		var err error
		if s.Checklist {
			menu := redFlagMenu(resp)
			if menu == nil || menu.CustomID != redFlagTickID+":"+prefix+":"+s.ID || len(menu.Options) != len(s.Questions) || menu.MaxValues != len(s.Questions) {
				t.Errorf("%s: menu %+v does not offer the %d items", s.ID, menu, len(s.Questions))
			}
			if !redFlagOffers(resp, redFlagNoneID+":"+prefix+":"+s.ID) {
				t.Errorf("%s: no None of these button", s.ID)
			}
			for i, q := range s.Questions {
				if !strings.Contains(resp.Embeds[0].Description, fmt.Sprintf("%d. %s", i+1, q.Text)) {
					t.Errorf("%s: item %s is not listed in full", s.ID, q.ID)
				}
			}
			answers, err = answers.RecordTicked(s.ID, nil)
		} else {
			q := s.Questions[0]
			for _, a := range q.Choices() {
				if !redFlagOffers(resp, fmt.Sprintf("%s:%s:%s:%s", redFlagAnswerID, prefix, q.ID, a)) {
					t.Errorf("%s: no button for %q", q.ID, a.Label())
				}
			}
			answers, err = answers.Record(q.ID, redflag.AnswerNo)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func redFlagOffers(resp *bot.Response, customID string) bool {
	for _, row := range resp.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if b, ok := c.(discordgo.Button); ok && b.CustomID == customID {
				return true
			}
		}
	}
	return false
}

func redFlagMenu(resp *bot.Response) *discordgo.SelectMenu {
	for _, row := range resp.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if m, ok := c.(discordgo.SelectMenu); ok {
				return &m
			}
		}
	}
	return nil
}
