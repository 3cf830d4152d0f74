package redflag

import (
	"regexp"
	"strings"
	"testing"
)

func TestQuestionIDsAreShortUniqueAndSafeForCustomIDs(t *testing.T) {
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
}

func TestQuestionTextsAreShortQuestionsToTheMember(t *testing.T) {
	for _, q := range Questions() {
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
		})
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
