package redflag

import (
	"slices"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/knowledge/contacts"
)

// everyOutcome lists each combination of level and flag the bot can show.
func everyOutcome() []Outcome {
	var out []Outcome
	for l := LevelSelfCare; l <= LevelEmergency; l++ {
		for _, unsure := range []bool{false, true} {
			out = append(out,
				Outcome{Level: l, CountedUnsure: unsure},
				Outcome{Level: l, CountedUnsure: unsure, LowMood: true},
				Outcome{Level: l, CountedUnsure: unsure, LowMood: true, Crisis: true},
			)
		}
	}
	return out
}

func texts(r Rendered) []string {
	return []string{r.Title, r.Body, r.Action, r.CrisisHelp, r.Support, r.UnsureNote, r.Disclaimer}
}

func TestMessagesNeverNameADiagnosis(t *testing.T) {
	diagnoses := []string{"cauda equina", "cancer", "infection", "fracture", "stenosis", "tumour", "tumor", "depression", "herniat", "slipped disc"}
	for _, o := range everyOutcome() {
		for _, region := range append(contacts.Codes(), "") {
			for _, text := range texts(o.Message(region)) {
				lower := strings.ToLower(text)
				for _, d := range diagnoses {
					if strings.Contains(lower, d) {
						t.Errorf("%+v in %q names %q: %q", o, region, d, text)
					}
				}
				if strings.Contains(lower, "you have ") || strings.Contains(lower, "you've got") {
					t.Errorf("%+v tells the member what they have: %q", o, text)
				}
			}
		}
	}
}

func TestMessagesFitDiscordAndCarryTheDisclaimer(t *testing.T) {
	for _, o := range everyOutcome() {
		for _, region := range append(contacts.Codes(), "") {
			r := o.Message(region)
			if r.Disclaimer != Disclaimer || Disclaimer == "" {
				t.Errorf("%+v: disclaimer = %q", o, r.Disclaimer)
			}
			if r.Title == "" || len(r.Title) > 256 {
				t.Errorf("%+v: title %q must be 1-256 characters", o, r.Title)
			}
			total := 0
			for _, text := range texts(r) {
				if n := len([]rune(text)); n > 1200 {
					t.Errorf("%+v in %q: a text is %d characters, want at most 1200: %q", o, region, n, text)
				}
				total += len([]rune(text))
			}
			if total > 6000 {
				t.Errorf("%+v in %q: %d characters in all, over one message's embed budget", o, region, total)
			}
		}
	}
}

func TestEmergencyMessageListsTheMembersNumberFirst(t *testing.T) {
	tests := []struct {
		region string
		want   string
	}{
		{"GB", "United Kingdom: 999"},
		{"au", "Australia: 000"},
		{"NZ", "New Zealand: 111"},
		{"", "United States: 911"},
	}
	for _, tt := range tests {
		t.Run(tt.region, func(t *testing.T) {
			r := Outcome{Level: LevelEmergency}.Message(tt.region)
			first := firstBullet(t, r.Action)
			if first != tt.want {
				t.Errorf("first number = %q, want %q", first, tt.want)
			}
			if !strings.Contains(strings.ToLower(r.Action), "emergency department") {
				t.Errorf("action does not send the member to an emergency department: %q", r.Action)
			}
		})
	}
}

func TestSameDayMessageOffersNHS111OnlyInTheUK(t *testing.T) {
	uk := Outcome{Level: LevelSameDay}.Message("GB").Action
	us := Outcome{Level: LevelSameDay}.Message("US").Action
	if !strings.Contains(uk, "NHS 111") {
		t.Errorf("UK same-day action lacks NHS 111: %q", uk)
	}
	if strings.Contains(us, "NHS 111") {
		t.Errorf("US same-day action mentions NHS 111: %q", us)
	}
	if !strings.Contains(uk, "999") || !strings.Contains(us, "911") {
		t.Errorf("same-day actions should say which number to call if it gets worse: %q / %q", uk, us)
	}
	if !strings.Contains(uk, "today") {
		t.Errorf("same-day action does not say today: %q", uk)
	}
}

func TestSelfCareOffersGuidesAndCheckIns(t *testing.T) {
	r := Outcome{Level: LevelSelfCare}.Message("US")
	for _, id := range []string{"relative-rest", "rule-of-twos", "heat-vs-ice", "return-to-lifting"} {
		if !slices.Contains(r.RelatedEntries, id) {
			t.Errorf("self-care does not offer %q: %v", id, r.RelatedEntries)
		}
	}
	if !r.OfferCheckIns {
		t.Error("self-care does not offer check-ins")
	}
	for l := LevelSeeSoon; l <= LevelEmergency; l++ {
		if got := (Outcome{Level: l}).Message("US").RelatedEntries; len(got) != 0 {
			t.Errorf("%v offers self-care guides %v", l, got)
		}
	}
}

func TestSeeSoonOffersCheckInsAndAProfessional(t *testing.T) {
	r := Outcome{Level: LevelSeeSoon}.Message("US")
	if !r.OfferCheckIns || !strings.Contains(r.Action, "physiotherapist") {
		t.Errorf("see-soon: offer %v, action %q", r.OfferCheckIns, r.Action)
	}
}

func TestUnsureNoteShowsOnlyWhenCounted(t *testing.T) {
	if got := (Outcome{Level: LevelSameDay, CountedUnsure: true}).Message("US").UnsureNote; !strings.Contains(got, "Not sure") {
		t.Errorf("unsure note = %q", got)
	}
	if got := (Outcome{Level: LevelSameDay}).Message("US").UnsureNote; got != "" {
		t.Errorf("unsure note without a Not sure answer: %q", got)
	}
}

func TestLowMoodGetsKindSupportNotAlarm(t *testing.T) {
	r := Outcome{Level: LevelSelfCare, LowMood: true}.Message("GB")
	if r.Support == "" || !strings.Contains(r.Support, "GP") {
		t.Errorf("low-mood support = %q, want kind words naming where to get support", r.Support)
	}
	if r.CrisisHelp != "" || r.Title != (Outcome{Level: LevelSelfCare}).Message("GB").Title {
		t.Errorf("low mood alone must not look like an emergency: %+v", r)
	}
}

func TestCrisisShowsCrisisLinesFirstForTheMembersRegion(t *testing.T) {
	r := Outcome{Level: LevelSelfCare, LowMood: true, Crisis: true}.Message("GB")
	if first := firstBullet(t, r.CrisisHelp); first != "United Kingdom: Samaritans 116 123" {
		t.Errorf("first crisis line = %q, want Samaritans for the UK", first)
	}
	if !strings.Contains(r.CrisisHelp, "999") {
		t.Errorf("crisis help does not give the UK emergency number: %q", r.CrisisHelp)
	}
	if len(r.RelatedEntries) != 0 || r.OfferCheckIns {
		t.Errorf("crisis message should not push training guides: %+v", r)
	}
}

func TestCrisisWithEmergencyShowsBoth(t *testing.T) {
	r := Outcome{Level: LevelEmergency, LowMood: true, Crisis: true}.Message("US")
	if firstBullet(t, r.Action) != "United States: 911" {
		t.Errorf("emergency action missing: %q", r.Action)
	}
	if !strings.Contains(r.CrisisHelp, "988") {
		t.Errorf("crisis lines missing: %q", r.CrisisHelp)
	}
}

func firstBullet(t *testing.T, text string) string {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, "- "); ok {
			return rest
		}
	}
	t.Fatalf("no bullet list in %q", text)
	return ""
}
