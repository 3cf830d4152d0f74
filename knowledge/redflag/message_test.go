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
				Outcome{Level: l, CountedUnsure: unsure, Triggers: adviceIDs()},
			)
		}
	}
	return out
}

// adviceIDs lists every sign that adds advice of its own.
func adviceIDs() []string {
	var ids []string
	for _, a := range triggerAdvice {
		ids = append(ids, a.id)
	}
	return ids
}

func texts(r Rendered) []string {
	return []string{r.Title, r.Body, r.Action, r.CrisisHelp, r.Support, r.UnsureNote, r.SafetyNet, r.Disclaimer}
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
	if net := (Outcome{Level: LevelSameDay}).Message("GB").SafetyNet; !strings.Contains(net, "Call 999 now") {
		t.Errorf("the same-day outcome should say which number to call if it gets worse: %q", net)
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
	if !r.OfferCheckIns || !strings.Contains(r.Action, "physiotherapist") || !strings.Contains(r.Action, "your doctor (GP or family doctor)") {
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

// Every outcome short of an emergency ends with the emergency signs and the
// member's own number, or "your local emergency number" when the region is
// unknown. The emergency outcome lists the numbers in its action instead.
func TestEveryOutcomeCarriesASafetyNet(t *testing.T) {
	for _, o := range everyOutcome() {
		for _, region := range append(contacts.Codes(), "", "ZZ") {
			r := o.Message(region)
			if o.Level == LevelEmergency {
				if r.SafetyNet != "" {
					t.Errorf("%+v: the emergency outcome repeats the safety net", o)
				}
				continue
			}
			want := "your local emergency number"
			if c, ok := contacts.Lookup(region); ok {
				want = "Call " + c.Emergency + " now"
			}
			if !strings.Contains(r.SafetyNet, want) {
				t.Errorf("%+v in %q: safety net %q lacks %q", o, region, r.SafetyNet, want)
			}
			for _, sign := range []string{"numbness between your legs", "bladder or bowel", "leg weakness that is getting worse or in both legs", "tearing pain", "chest pain", "dark pee"} {
				if !strings.Contains(r.SafetyNet, sign) {
					t.Errorf("%+v: safety net lacks %q", o, sign)
				}
			}
		}
	}
	if got := SafetyNet(""); !strings.HasPrefix(got, "Call your local emergency number now") {
		t.Errorf("SafetyNet with no region = %q", got)
	}
}

// "See your doctor (GP or family doctor)" in every region; a surgery is
// what UK members call the practice, and nobody else does.
func TestDoctorWordingWorksInEveryRegion(t *testing.T) {
	for _, o := range everyOutcome() {
		for _, region := range append(contacts.Codes(), "") {
			r := o.Message(region)
			for _, text := range texts(r) {
				if strings.Contains(text, "surgery") {
					t.Errorf("%+v in %q says surgery: %q", o, region, text)
				}
			}
			if o.Level >= LevelSeeSoon && o.Level <= LevelSameDay && !o.Crisis && !strings.Contains(r.Action, "your doctor (GP or family doctor)") {
				t.Errorf("%v in %q: action does not name your doctor (GP or family doctor): %q", o.Level, region, r.Action)
			}
		}
	}
}

func TestWithinDaysSaysWhenOneLegBecomesAnEmergency(t *testing.T) {
	o := Triage(Answers{{"one_leg", AnswerYes}})
	r := o.Message("AU")
	if !strings.Contains(r.Title, "within a day or two") || !strings.Contains(r.Action, "within the next day or two") {
		t.Errorf("one-leg outcome: %q / %q", r.Title, r.Action)
	}
	for _, w := range []string{"gets worse", "drop or drag", "other leg", "call 000 now"} {
		if !strings.Contains(r.Action, w) {
			t.Errorf("one-leg action lacks %q: %q", w, r.Action)
		}
	}
	if !r.OfferCheckIns || len(r.RelatedEntries) != 0 {
		t.Errorf("one-leg outcome: offer check-ins %v, guides %v", r.OfferCheckIns, r.RelatedEntries)
	}
}

func TestSomeSignsAddWhatToDoAboutThem(t *testing.T) {
	tests := []struct {
		id   string
		want string
	}{
		{"dark_pee", "creatine kinase"},
		{"dark_pee", "drink water"},
		{"sudden_pain", "call for an ambulance"},
		{"blood_pee", "fever and feel very unwell, go to an emergency department now"},
		{"inflammatory", "morning stiffness"},
		{"young_arching", "ease off lifts and drills that arch"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			o := Triage(Answers{{tt.id, AnswerYes}})
			if r := o.Message("US"); !strings.Contains(r.Action, tt.want) {
				t.Errorf("action after %s lacks %q: %q", tt.id, tt.want, r.Action)
			}
			if r := (Outcome{Level: o.Level}).Message("US"); strings.Contains(r.Action, tt.want) {
				t.Errorf("the advice for %s shows without it: %q", tt.id, r.Action)
			}
		})
	}
}

func TestEmergencyNumbersForAnUnknownRegionKeepTheirHeading(t *testing.T) {
	lines := contacts.EmergencyLines("")
	action := Outcome{Level: LevelEmergency}.Message("").Action
	if strings.HasSuffix(lines[0], ":") && strings.Contains(action, "- "+lines[0]) {
		t.Errorf("the heading %q is shown as a number:\n%s", lines[0], action)
	}
	for _, l := range lines[1:] {
		if !strings.Contains(action, "- "+l) {
			t.Errorf("number %q is missing:\n%s", l, action)
		}
	}
}
