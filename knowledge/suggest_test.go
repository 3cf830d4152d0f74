package knowledge

import (
	"slices"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

func TestSuggestMatchesAsTheMemberTypes(t *testing.T) {
	b := mustDefault(t)
	tests := []struct {
		name, input, first string
	}{
		{"title prefix", "heat", "heat-vs-ice"},
		{"title word prefix", "bertol", "bertolotti"},
		{"word inside a title", "varia", "squat-variations"},
		{"alias", "hex bar", "trap-bar-deadlift"},
		{"alias word", "kinesio", "fear-of-movement"},
		{"keyword", "cyclobenz", "muscle-relaxants"},
		{"slang via synonyms", "tylenol", "acetaminophen"},
		{"abbreviation via synonyms", "physio", "physical-therapy"},
		{"typo", "sciatcia", "leg-pain"},
		{"typo in a finished word", "accupuncture for", "acupuncture"},
		{"words in any order", "ice heat", "heat-vs-ice"},
		{"case and spaces", "  HEAT  ", "heat-vs-ice"},
		{"a whole question", "my back hurts when i sit at my desk", "sitting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.Suggest(tt.input, 25)
			if len(got) == 0 || got[0].ID != tt.first {
				t.Errorf("Suggest(%q) = %v, want %s first", tt.input, ids(got), tt.first)
			}
		})
	}
}

func TestSuggestRespectsTheLimit(t *testing.T) {
	b := mustDefault(t)
	for _, input := range []string{"", "a", "back", "s", "deadlift", "my back hurts"} {
		for _, limit := range []int{1, 3, 25, 100} {
			got := b.Suggest(input, limit)
			if len(got) > min(limit, AutocompleteChoicesMax) {
				t.Errorf("Suggest(%q, %d) returned %d", input, limit, len(got))
			}
			seen := map[string]bool{}
			for _, e := range got {
				if seen[e.ID] {
					t.Errorf("Suggest(%q, %d) repeats %s", input, limit, e.ID)
				}
				seen[e.ID] = true
				if mdfile.TextLen(e.Title) > AutocompleteChoiceNameMax {
					t.Errorf("title %q too long for a choice", e.Title)
				}
			}
		}
	}
	if got := b.Suggest("back", 0); len(got) != 0 {
		t.Errorf("limit 0 returned %v", ids(got))
	}
}

func TestSuggestWithNoInputOffersPopularTopics(t *testing.T) {
	b := mustDefault(t)
	got := ids(b.Suggest("   ", 5))
	if want := popularTopics()[:5]; !slices.Equal(got, want) {
		t.Errorf("Suggest(\"\") = %v, want %v", got, want)
	}
	for _, e := range b.Suggest("", 25) {
		if e.Kind != KindTopic {
			t.Errorf("default list offers %s (%v)", e.ID, e.Kind)
		}
	}
}

func TestSuggestFindsNothingForNonsense(t *testing.T) {
	b := mustDefault(t)
	if got := b.Suggest("qwxzv", 25); len(got) != 0 {
		t.Errorf("Suggest(nonsense) = %v", ids(got))
	}
}

func TestPopularTopicsExist(t *testing.T) {
	b := mustDefault(t)
	for _, id := range popularTopics() {
		if e, ok := b.Entry(id); !ok || e.Kind != KindTopic {
			t.Errorf("popular topic %q is not a topic entry", id)
		}
	}
	if strings.Join(ids(b.starterTopics(3)), ",") != strings.Join(popularTopics()[:3], ",") {
		t.Errorf("starterTopics(3) = %v", ids(b.starterTopics(3)))
	}
}

func TestSuggestPutsUrgentEntriesFirst(t *testing.T) {
	b := mustDefault(t)
	tests := []struct{ input, first string }{
		{"heat or ice, my groin is numb", "emergency"},
		{"i want to kill myself", "crisis"},
	}
	for _, tt := range tests {
		got := b.Suggest(tt.input, 3)
		if len(got) == 0 || got[0].ID != tt.first || len(got) > 3 {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.input, ids(got), tt.first)
		}
	}
	if got := b.Suggest("numb", 25); len(got) > 0 && got[0].Kind == KindEmergency {
		t.Errorf("a single word put the emergency entry first: %v", ids(got))
	}
}
