package commands

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/knowledge"
)

// These tests run the safety layer's answers through the real bot and the
// Discord stand-in: what a member actually sees (issue 10).

func TestSoreBackSameDayCardSaysGetSeenToday(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	uk := member
	uk.Locale = "en-GB"
	reply := h.answered(t, h.srv.SlashCommand(uk, "sore-back", discordtest.Opt("question", "lower back aching for a week and now im feverish with chills")))
	if !isEphemeral(reply) {
		t.Fatal("a same-day answer was posted publicly")
	}
	text := embedText(reply)
	for _, want := range []string{"Get seen today", "NHS 111", "Numbers shown for United Kingdom", "Call now instead if"} {
		if !strings.Contains(text, want) {
			t.Errorf("same-day card lacks %q:\n%s", want, text)
		}
	}
	if !hasComponent(reply.Components, "redflag:start") || hasComponent(reply.Components, "checkin:offer") {
		t.Errorf("same-day card should offer only the red-flag check, got %+v", reply.Components)
	}
}

func TestSoreBackEmergencyAsksForNothingButTheCheck(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "pee looks like coke after 100 burpees and my quads are swollen")))
	if reply.Embeds[0].Title != mustEntry(t, h, "emergency").Title {
		t.Fatalf("got %q, want the emergency card", reply.Embeds[0].Title)
	}
	if !strings.HasPrefix(reply.Embeds[0].Description, "**Call 911") {
		t.Errorf("the card does not open with the call-now line: %q", reply.Embeds[0].Description)
	}
	if hasComponent(reply.Components, "checkin:offer") || !hasComponent(reply.Components, "redflag:start") {
		t.Errorf("emergency card components = %+v, want only the red-flag check", reply.Components)
	}
}

func TestSoreBackAnswersOtherLanguagesWithNumbers(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	spain := member
	spain.Locale = "es-ES"
	reply := h.answered(t, h.srv.SlashCommand(spain, "sore-back", discordtest.Opt("question", "me duele mucho la espalda después de las sentadillas, ¿qué puedo hacer?")))
	text := embedText(reply)
	for _, want := range []string{"Spotter answers in English", "Spotter solo responde en inglés", "Numbers shown for Spain", "112", "024"} {
		if !strings.Contains(text, want) {
			t.Errorf("other-language card lacks %q:\n%s", want, text)
		}
	}
	if len(reply.Components) != 0 {
		t.Errorf("other-language card has components %+v", reply.Components)
	}

	crisis := h.answered(t, h.srv.SlashCommand(spain, "sore-back", discordtest.Opt("question", "ya no puedo más, quiero morirme")))
	if !strings.Contains(embedText(crisis), "Spain: 024") {
		t.Errorf("a Spanish crisis message did not get the Spanish crisis line:\n%s", embedText(crisis))
	}
}

func TestRegionCommandChoosesCountryByName(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cb, err := h.srv.Autocomplete(member, "region", "country", discordtest.Opt("country", "zeal")).Wait(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Data == nil || len(cb.Data.Choices) == 0 || cb.Data.Choices[0].Name != "New Zealand" {
		t.Fatalf("choices for \"zeal\": %+v, want New Zealand first", cb.Data)
	}
	saved := h.answered(t, h.srv.SlashCommand(member, "region", discordtest.Opt("country", "NZ")))
	if !isEphemeral(saved) || !strings.Contains(saved.Content, "1737") {
		t.Errorf("saving NZ answered %q", saved.Content)
	}
	reply := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "honestly everyone would be better off without me")))
	text := embedText(reply)
	if !strings.Contains(text, "Need to Talk? 1737") || strings.Contains(text, "United States:") {
		t.Errorf("a New Zealand member in crisis should see 1737 and no foreign line:\n%s", text)
	}
	bad := h.answered(t, h.srv.SlashCommand(member, "region", discordtest.Opt("country", "Atlantis")))
	if !isEphemeral(bad) || !strings.Contains(bad.Content, "don't have numbers for that country") {
		t.Errorf("unknown country answered %q", bad.Content)
	}
}

func TestReplaceCommandOnlyReplacesWholeCommandNames(t *testing.T) {
	t.Parallel()
	m := func(name string) string { return "</" + name + ":1>" }
	tests := []struct{ in, want string }{
		{"Set your country with /region.", "Set your country with </region:1>."},
		{"run `/red-flag-check` now", "run </red-flag-check:1> now"},
		{"see /regions or example.com/region", "see /regions or example.com/region"},
	}
	for _, tt := range tests {
		c := mentionCommands(knowledge.Card{Description: tt.in}, m)
		if c.Description != tt.want {
			t.Errorf("%q became %q, want %q", tt.in, c.Description, tt.want)
		}
	}
}

// A note on /checkin log is read like a /sore-back question: an emergency
// in it gets the emergency card, privately, and the rating is still saved.
func TestCheckinLogNoteWithAnEmergencyGetsTheCardAndKeepsTheRating(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.command(t, inDM(member), "start", discordtest.Opt("pain", 3), discordtest.Opt("time", "21:00"), discordtest.Opt("timezone", "UTC"))
	clock.Set(checkinStart.Add(time.Hour))
	reply := h.command(t, member, "log", discordtest.Opt("pain", 6),
		discordtest.Opt("note", "back worse and i cant really feel it when i wipe since this morning"))
	if !isEphemeral(reply) {
		t.Fatal("a note's emergency answer was posted publicly")
	}
	if len(reply.Embeds) != 1 || reply.Embeds[0].Title != mustEntry(t, h.harness, "emergency").Title {
		t.Fatalf("reply embeds = %+v, want the emergency card", reply.Embeds)
	}
	if !strings.Contains(reply.Content, "rating and note are saved") {
		t.Errorf("reply does not say the rating was saved: %q", reply.Content)
	}
	plan, ok, err := h.store.CheckinPlan(h.ctx, member.UserID)
	if err != nil || !ok {
		t.Fatalf("plan: %v %v", ok, err)
	}
	entries, err := h.store.PainEntries(h.ctx, plan.ID, checkinStart)
	if err != nil {
		t.Fatal(err)
	}
	if last := entries[len(entries)-1]; last.Pain != 6 || last.Source != "manual" {
		t.Errorf("last entry = %+v, want the 6/10 just logged", last)
	}

	ordinary := h.command(t, member, "log", discordtest.Opt("pain", 4), discordtest.Opt("note", "bit stiff after sitting all day"))
	if len(ordinary.Embeds) != 0 || !strings.Contains(ordinary.Content, "Your note was saved") {
		t.Errorf("an ordinary note got %q with %d embeds", ordinary.Content, len(ordinary.Embeds))
	}
}

// A member who has not chosen a country gets the one their Discord
// language names, in the red-flag check's outcome too.
func TestRedFlagOutcomeUsesTheLocaleHint(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	a := redFlagMember(90)
	a.Locale = "en-GB"
	_, question := h.redFlagStartInServer(t, a)
	outcome, _ := h.redFlagAnswerAll(t, a, question, map[string]string{"saddle": "Yes"})
	shown := redFlagText(outcome)
	if !strings.Contains(shown, "999") || strings.Contains(shown, "911") {
		t.Errorf("an en-GB member's emergency outcome should show 999 only:\n%s", shown)
	}
}

// The share handler itself refuses the emergency and crisis entries, even
// for a click that got past the router's check that the button was on the
// message (issue 12, item 6).
func TestShareRefusesUrgentEntriesAtTheSource(t *testing.T) {
	t.Parallel()
	kb, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := &soreBack{kb: kb}
	for _, id := range []string{"emergency", "crisis"} {
		req := &bot.Request{Route: soreBackShare, Interaction: &discordgo.Interaction{
			Type:    discordgo.InteractionMessageComponent,
			GuildID: discordtest.DefaultGuildID,
			Member:  &discordgo.Member{User: &discordgo.User{ID: member.UserID}},
			Data:    discordgo.MessageComponentInteractionData{CustomID: soreBackShare + ":" + id},
		}}
		resp, err := s.share(context.Background(), req)
		var ue *bot.UserError
		if resp != nil || !errors.As(err, &ue) {
			t.Errorf("sharing %s: response %+v, error %v; want a refusal", id, resp, err)
		}
	}
}
