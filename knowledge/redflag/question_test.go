package redflag

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// units counts a text as Discord does, in UTF-16 code units.
func units(s string) int { return len(utf16.Encode([]rune(s))) }

func TestQuestionAndScreenIDsAreShortUniqueAndSafeForCustomIDs(t *testing.T) {
	safe := regexp.MustCompile(`^[a-z][a-z_]{0,19}$`)
	seen := map[string]bool{}
	for _, q := range Questions() {
		if !safe.MatchString(q.ID) {
			t.Errorf("question ID %q must be 1-20 lower-case letters or underscores", q.ID)
		}
		if seen[q.ID] {
			t.Errorf("question ID %q is used twice", q.ID)
		}
		seen[q.ID] = true
	}
	for _, s := range Screens() {
		if !s.Checklist {
			continue
		}
		if !safe.MatchString(s.ID) || seen[s.ID] {
			t.Errorf("checklist screen ID %q is unsafe or clashes with a question ID", s.ID)
		}
		seen[s.ID] = true
	}
}

func TestQuestionsAskedAloneAreShortQuestionsToTheMember(t *testing.T) {
	for _, q := range Questions() {
		if q.Group.Checklist() {
			continue
		}
		t.Run(q.ID, func(t *testing.T) {
			if n := len([]rune(q.Text)); n > 300 {
				t.Errorf("text is %d characters, want at most 300", n)
			}
			if strings.Count(q.Text, "?") != 1 {
				t.Errorf("text should ask exactly one question: %q", q.Text)
			}
			if !strings.Contains(strings.ToLower(q.Text), "you") {
				t.Errorf("text should speak to the member: %q", q.Text)
			}
			if q.Label != "" || q.Hint != "" {
				t.Errorf("a question asked alone needs no menu label: %q / %q", q.Label, q.Hint)
			}
		})
	}
}

// Discord: a select option's label and description are at most 100
// characters (UTF-16 units), and a menu holds at most 25 options.
func TestChecklistItemsAreReadableInASelectMenu(t *testing.T) {
	for _, s := range Screens() {
		if !s.Checklist {
			continue
		}
		if len(s.Questions) > 25 {
			t.Errorf("checklist %s has %d items, a select menu holds 25", s.ID, len(s.Questions))
		}
		for _, q := range s.Questions {
			t.Run(q.ID, func(t *testing.T) {
				if n := units(q.Label); n < 1 || n > 100 {
					t.Errorf("label is %d units, want 1-100: %q", n, q.Label)
				}
				if n := units(q.Hint); n < 1 || n > 100 {
					t.Errorf("hint is %d units, want 1-100: %q", n, q.Hint)
				}
				if n := len([]rune(q.Text)); n > 300 {
					t.Errorf("text is %d characters, want at most 300", n)
				}
				if strings.Contains(q.Text, "?") || !strings.HasSuffix(q.Text, ".") {
					t.Errorf("a checklist item is a statement to tick, not a question: %q", q.Text)
				}
			})
		}
	}
}

func TestQuestionsAreAskedMostUrgentGroupFirst(t *testing.T) {
	qs := Questions()
	for i := 1; i < len(qs); i++ {
		if qs[i].Group < qs[i-1].Group {
			t.Errorf("%s (group %d) comes after %s (group %d)", qs[i].ID, qs[i].Group, qs[i-1].ID, qs[i-1].Group)
		}
	}
	for _, g := range []Group{GroupEmergency, GroupSameDay, GroupSeeSoon, GroupMood} {
		idsInGroup(t, g)
	}
}

// The emergency questions keep their order; the two new ones come after.
func TestEmergencyQuestionsKeepTheirOrder(t *testing.T) {
	want := []string{"saddle", "bladder", "bowel", "sexual", "both_legs", "trauma", "cancer_legs", "dark_pee", "sudden_pain"}
	if got := idsInGroup(t, GroupEmergency); !slices.Equal(got, want) {
		t.Errorf("emergency questions %v, want %v", got, want)
	}
}

// Each sign clinical-notes.md adds is asked, at its urgency, in words a
// member recognises.
func TestEverySignFromTheClinicalNotesIsAsked(t *testing.T) {
	tests := []struct {
		id    string
		group Group
		level Level
		words []string
	}{
		{"dark_pee", GroupEmergency, LevelEmergency, []string{"hard, long or unusual session", "very sore or swollen", "dark", "cola or tea", "peeing much less"}},
		{"sudden_pain", GroupEmergency, LevelEmergency, []string{"suddenly and severely", "tearing", "belly", "chest", "fainting", "sweating", "breathlessness"}},
		{"fever", GroupSameDay, LevelSameDay, []string{"fever", "chills", "sweats at night"}},
		{"infection", GroupSameDay, LevelSameDay, []string{"steroid tablets", "transplant", "rheumatology medicines", "HIV", "injecting drugs"}},
		{"blood_pee", GroupSameDay, LevelSameDay, []string{"Blood in your pee", "back or side"}},
		{"one_leg", GroupSameDay, LevelWithinDays, []string{"numbness or mild weakness", "ONE leg", "not getting worse"}},
		{"inflammatory", GroupSeeSoon, LevelSeeSoon, []string{"3 months", "over 30 minutes in the morning", "exercise", "worse with rest"}},
		{"young_arching", GroupSeeSoon, LevelSeeSoon, []string{"under 20", "arch or lean backwards", "more than 2 weeks"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			q, ok := Lookup(tt.id)
			if !ok {
				t.Fatalf("the check does not ask %s", tt.id)
			}
			if q.Group != tt.group || q.level() != tt.level {
				t.Errorf("group %d at level %v, want group %d at %v", q.Group, q.level(), tt.group, tt.level)
			}
			for _, w := range tt.words {
				if !strings.Contains(q.Text, w) {
					t.Errorf("text lacks %q: %q", w, q.Text)
				}
			}
		})
	}
}

// Ordinary soreness in both legs after leg day is not a yes: the question
// is about nerve symptoms, and worsening weakness or a dropping foot in one
// leg stays an emergency.
func TestBothLegsQuestionIsAboutNervesNotLegDay(t *testing.T) {
	q, _ := Lookup("both_legs")
	for _, w := range []string{"numbness", "pins and needles", "weakness", "nerve pain", "BOTH legs", "getting weaker", "foot that drops or drags", "after leg day don't count"} {
		if !strings.Contains(q.Text, w) {
			t.Errorf("both_legs lacks %q: %q", w, q.Text)
		}
	}
	if strings.HasPrefix(q.Text, "Do you have pain") {
		t.Errorf("both_legs still asks about any pain in both legs: %q", q.Text)
	}
}

func TestOnlyTheMoodQuestionOffersTheCrisisAnswer(t *testing.T) {
	for _, q := range Questions() {
		offers := q.allows(AnswerCrisis)
		if offers != (q.Group == GroupMood) {
			t.Errorf("%s offers the crisis answer: %v", q.ID, offers)
		}
		for _, a := range []Answer{AnswerYes, AnswerNo, AnswerNotSure} {
			if !q.allows(a) {
				t.Errorf("%s does not offer %q", q.ID, a.Label())
			}
		}
	}
}

func TestButtonLabelsFitDiscord(t *testing.T) {
	for _, a := range []Answer{AnswerYes, AnswerNo, AnswerNotSure, AnswerCrisis} {
		if l := a.Label(); l == "" || len(l) > 80 {
			t.Errorf("label for %q = %q, want 1-80 characters", a, l)
		}
	}
}

func TestLookupFindsQuestionsByID(t *testing.T) {
	q, ok := Lookup("saddle")
	if !ok || q.Group != GroupEmergency {
		t.Errorf("Lookup(saddle) = %+v, %v", q, ok)
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup(nope) found a question")
	}
}
