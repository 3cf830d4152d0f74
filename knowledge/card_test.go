package knowledge

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/knowledge/contacts"
	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

func fieldNames(c Card) string {
	names := make([]string, len(c.Fields))
	for i, f := range c.Fields {
		names[i] = f.Name
	}
	return strings.Join(names, " | ")
}

func TestCardForAnEntry(t *testing.T) {
	b := fixtureBase(t)
	e, _ := b.Entry("heat-vs-ice")
	c := b.Card(Result{Kind: ResultEntry, Entry: e}, "GB")
	if c.Title != "Heat or ice?" || c.Description != e.Short || c.Footer != Disclaimer || c.EntryID != "heat-vs-ice" || c.Kind != ResultEntry {
		t.Errorf("card = %+v", c)
	}
	if got := fieldNames(c); got != "What to do now | When to get help | Sources" {
		t.Errorf("fields = %s", got)
	}
	if c.Fields[0].Value != e.DoNow || c.Fields[1].Value != e.GetHelp {
		t.Errorf("section fields = %+v", c.Fields[:2])
	}
	if want := "• Fixture source on superficial heat — Fixture Org, 2006"; c.Fields[2].Value != want {
		t.Errorf("sources = %q, want %q", c.Fields[2].Value, want)
	}
	if got := strings.Join(ids(c.Related), ","); got != "leg-pain,red-flags" {
		t.Errorf("related = %s", got)
	}
}

func TestCardOffersAlternativesFirst(t *testing.T) {
	b := fixtureBase(t)
	e, _ := b.Entry("heat-vs-ice")
	alt, _ := b.Entry("trap-bar-deadlift")
	red, _ := b.Entry("red-flags")
	c := b.Card(Result{Kind: ResultEntry, Entry: e, Suggestions: []*Entry{alt, red, e}}, "")
	if got := fieldNames(c); got != "What to do now | When to get help | Not quite it? Try | Sources | If you feel unwell" {
		t.Errorf("fields = %s, want the safety line last on a weak match", got)
	}
	if got := strings.Join(ids(c.Related), ","); got != "trap-bar-deadlift,red-flags,leg-pain" {
		t.Errorf("related = %s, want alternatives first, no repeats, not the entry itself", got)
	}
}

func TestEmergencyCardPutsTheUrgentActionFirst(t *testing.T) {
	b := fixtureBase(t)
	em, _ := b.Entry("emergency")
	tests := []struct {
		name, region, action, firstNumber string
	}{
		{"known region", "gb", "**Call 999 or go to the nearest emergency department now.**", "United Kingdom: 999"},
		{"unknown region", "", "**Call your local emergency number", "Your local emergency number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := b.Card(Result{Kind: ResultEmergency, Entry: em}, tt.region)
			if !strings.HasPrefix(c.Description, tt.action) || !strings.Contains(c.Description, em.Short) {
				t.Errorf("description = %q", c.Description)
			}
			if c.Fields[0].Name != "Emergency numbers" || !strings.HasPrefix(c.Fields[0].Value, tt.firstNumber) {
				t.Errorf("first field = %+v", c.Fields[0])
			}
			if !strings.Contains(c.Description, contacts.ShownFor(tt.region)) {
				t.Errorf("description %q does not say whose numbers these are", c.Description)
			}
			if c.Kind != ResultEmergency || c.EntryID != "emergency" {
				t.Errorf("kind/id = %v/%q", c.Kind, c.EntryID)
			}
		})
	}
}

func TestEmergencyCardAlsoCarriesCrisisLines(t *testing.T) {
	b := fixtureBase(t)
	em, _ := b.Entry("emergency")
	c := b.Card(Result{Kind: ResultEmergency, Entry: em, AlsoCrisis: true}, "AU")
	if got := fieldNames(c); !strings.HasPrefix(got, "Emergency numbers | If you are thinking about hurting yourself") {
		t.Fatalf("fields = %s", got)
	}
	if v := c.Fields[1].Value; !strings.HasSuffix(v, "\nAustralia: Lifeline 13 11 14") {
		t.Errorf("crisis field = %q, want the member's own line", v)
	}
}

func TestCrisisCard(t *testing.T) {
	b := fixtureBase(t)
	cr, _ := b.Entry("crisis")
	tests := []struct {
		name, region, action, firstLine string
	}{
		{"United States", "US", "**Please reach out now: 988 Suicide & Crisis Lifeline (call or text 988). If you are in danger, call 911.**", "United States: 988"},
		{"New Zealand", "NZ", "**Please reach out now: Need to Talk? 1737 (free call or text, any time). If you are in danger, call 111.**", "New Zealand: Need to Talk? 1737"},
		{"unknown region", "", "**Please reach out now to a crisis line below", "Find a free line in your country at findahelpline.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := b.Card(Result{Kind: ResultCrisis, Entry: cr}, tt.region)
			if !strings.HasPrefix(c.Description, tt.action) {
				t.Errorf("description = %q", c.Description)
			}
			if got := fieldNames(c); !strings.HasPrefix(got, "Crisis lines | Emergency numbers | What to do now") {
				t.Errorf("fields = %s", got)
			}
			if !strings.HasPrefix(c.Fields[0].Value, tt.firstLine) {
				t.Errorf("crisis lines = %q", c.Fields[0].Value)
			}
		})
	}
}

func TestCardForTheEmergencyEntryPickedFromAutocomplete(t *testing.T) {
	b := fixtureBase(t)
	em, _ := b.Entry("emergency")
	c := b.Card(Result{Kind: ResultEntry, Entry: em}, "CA")
	if c.Kind != ResultEmergency || !strings.HasPrefix(c.Description, "**Call 911") {
		t.Errorf("card = %v %q, want an emergency card", c.Kind, c.Description)
	}
}

func TestOffTopicCard(t *testing.T) {
	b := fixtureBase(t)
	heat, _ := b.Entry("heat-vs-ice")
	c := b.Card(Result{Kind: ResultOffTopic, Suggestions: []*Entry{heat}}, "")
	if c.Title != "I only cover back pain from lifting" || !strings.Contains(c.Description, "I only answer questions about lower-back pain") {
		t.Errorf("card = %q / %q", c.Title, c.Description)
	}
	if len(c.Fields) != 2 || c.Fields[0].Value != "• Heat or ice?" || len(c.Related) != 1 || c.EntryID != "" {
		t.Errorf("card = %+v", c)
	}
	if net := c.Fields[1]; net.Name != "If you feel unwell" || !strings.Contains(net.Value, "local emergency number") || !strings.Contains(net.Value, "findahelpline.com") {
		t.Errorf("safety line = %+v, want the emergency number and a crisis line", net)
	}
	if gb := b.Card(Result{Kind: ResultOffTopic}, "GB"); !strings.Contains(gb.Fields[len(gb.Fields)-1].Value, "999") ||
		!strings.Contains(gb.Fields[len(gb.Fields)-1].Value, "Samaritans 116 123") {
		t.Errorf("UK safety line = %q, want the member's own numbers", gb.Fields[len(gb.Fields)-1].Value)
	}
}

func TestSameDayCard(t *testing.T) {
	b := mustDefault(t)
	tests := []struct {
		question, region, when, line string
	}{
		{"back pain and a fever since yesterday", "GB", "today", "NHS 111"},
		{"lower back pain and night sweats", "AU", "today", "healthdirect"},
		{"back sore and feeling feverish", "US", "today", "urgent care"},
		{"new numbness in my left shin since the tweak, not getting worse", "NZ", "within a day or two", "Healthline"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := b.Answer(tt.question)
			if r.Kind != ResultSameDay {
				t.Fatalf("kind = %v, want same-day", r.Kind)
			}
			c := b.Card(r, tt.region)
			if c.Kind != ResultSameDay || !strings.HasPrefix(c.Title, "Get seen "+tt.when) || !strings.HasPrefix(c.Description, "**Get seen "+tt.when) {
				t.Errorf("card %v %q / %q, want a get-seen-%s banner", c.Kind, c.Title, c.Description, tt.when)
			}
			if got := fieldNames(c); !strings.HasPrefix(got, "Where to get seen | Call now instead if") {
				t.Errorf("fields = %s", got)
			}
			if !strings.Contains(c.Fields[0].Value, tt.line) {
				t.Errorf("same-day line = %q, want %q", c.Fields[0].Value, tt.line)
			}
		})
	}
}

func TestOtherLanguageCard(t *testing.T) {
	b := mustDefault(t)
	r := b.Answer("me duele la espalda después de hacer peso muerto, ¿qué hago?")
	if r.Kind != ResultOtherLanguage || r.Language != "es" {
		t.Fatalf("result = %v %q, want the other-language card for Spanish", r.Kind, r.Language)
	}
	c := b.Card(r, "ES")
	if !strings.Contains(c.Description, "Spotter solo responde en inglés") || !strings.Contains(c.Description, "Spotter answers in English") {
		t.Errorf("description = %q", c.Description)
	}
	if !strings.Contains(c.Description, "Numbers shown for Spain") {
		t.Errorf("description %q does not say whose numbers these are", c.Description)
	}
	if got := fieldNames(c); got != "Emergency numbers | Crisis lines" || !strings.Contains(c.Fields[1].Value, "024") {
		t.Errorf("fields = %s / %q", got, c.Fields[1].Value)
	}
}

func TestCardTextHasEverythingTheMemberReads(t *testing.T) {
	b := fixtureBase(t)
	e, _ := b.Entry("leg-pain")
	c := b.Card(Result{Kind: ResultEntry, Entry: e}, "")
	text := c.Text()
	parts := []string{c.Title, c.Description, c.Footer, "Related: Warning signs: when back pain is urgent; Possible emergency: get help now"}
	for _, f := range c.Fields {
		parts = append(parts, f.Name+"\n"+f.Value)
	}
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("Text() lacks %q:\n%s", p, text)
		}
	}
}

func TestTrimText(t *testing.T) {
	tests := []struct {
		name, in string
		limit    int
		want     string
	}{
		{"fits", "Short.", 10, "Short."},
		{"at a sentence", "First sentence here. Second one is longer.", 30, "First sentence here.…"},
		{"at a line", "- one item\n- two item\n- three items", 27, "- one item\n- two item…"},
		{"at a space", "averyverylongword another word", 26, "averyverylongword another…"},
		{"mid word", "abcdefghijklmnop", 6, "abcde…"},
		{"astral characters count twice", "😩😩😩😩", 5, "😩😩…"},
		{"no room", "abc", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := trimText(tt.in, tt.limit)
			if got != tt.want {
				t.Errorf("trimText(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
			if mdfile.TextLen(got) > tt.limit {
				t.Errorf("result is %d long, over %d", mdfile.TextLen(got), tt.limit)
			}
		})
	}
}

// randomText builds n characters of sentences and lines, with some
// multi-byte and astral characters.
func randomText(r *rand.Rand, n int) string {
	words := []string{"lift", "brace", "back", "café", "😩", "deadlift", "numbness", "x"}
	var b strings.Builder
	for mdfile.TextLen(b.String()) < n {
		b.WriteString(words[r.IntN(len(words))])
		switch r.IntN(8) {
		case 0:
			b.WriteString(". ")
		case 1:
			b.WriteString("\n- ")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

func TestCardAlwaysFitsDiscord(t *testing.T) {
	b := fixtureBase(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 100 {
		size := func() int { return r.IntN(9000) }
		e := &Entry{
			ID: "huge", Title: randomText(r, r.IntN(400)), Short: randomText(r, size()),
			DoNow: randomText(r, size()), GetHelp: randomText(r, size()), Kind: Kind(r.IntN(3)),
			Related: []string{"heat-vs-ice"},
		}
		for range r.IntN(40) {
			e.Sources = append(e.Sources, Source{Title: randomText(r, 200), Org: "Org", Year: 2020})
		}
		var alts []*Entry
		for range r.IntN(4) {
			alts = append(alts, &Entry{ID: "alt", Title: randomText(r, 100)})
		}
		kind := []ResultKind{ResultEntry, ResultEmergency, ResultCrisis}[r.IntN(3)]
		c := b.Card(Result{Kind: kind, Entry: e, Suggestions: alts, AlsoCrisis: r.IntN(2) == 0}, []string{"", "GB", "NZ"}[r.IntN(3)])
		if over := c.overflows(); len(over) > 0 {
			t.Fatalf("card %d is over Discord's limits: %v", i, over)
		}
		for _, f := range c.Fields {
			if f.Name == "" || strings.TrimSpace(f.Value) == "" {
				t.Fatalf("card %d has an empty field %+v", i, f)
			}
		}
		if mdfile.TextLen(e.Short) > EmbedDescriptionMax && !strings.HasSuffix(c.Description, ellipsis) {
			t.Fatalf("card %d: trimmed description does not end with %q", i, ellipsis)
		}
	}
}
