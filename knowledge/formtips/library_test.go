package formtips

import (
	"slices"
	"testing"
)

func TestEmbeddedCardsLintClean(t *testing.T) {
	fsys, err := CardFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Lint(fsys, knowledgeEntryIDs(t)) {
		t.Errorf("%s", p)
	}
}

func TestEveryRequiredExerciseHasACardInDisplayOrder(t *testing.T) {
	l := defaultLibrary(t)
	required := RequiredIDs()
	got := ids(l.Cards())
	if len(got) < len(required) || !slices.Equal(got[:len(required)], required) {
		t.Fatalf("Cards() = %v, want the required exercises first, in order: %v", got, required)
	}
	for _, id := range required {
		c, ok := l.Card(id)
		if !ok || c.ID != id {
			t.Errorf("Card(%q) = %v, %v", id, c, ok)
		}
	}
}

func TestCardLooksUpExactIDsOnly(t *testing.T) {
	l := defaultLibrary(t)
	for _, tc := range []struct {
		name, id string
		found    bool
	}{
		{"exact id", "romanian-deadlift", true},
		{"title is not an id", "Romanian deadlift", false},
		{"alias is not an id", "RDL", false},
		{"unknown", "bench-press", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, ok := l.Card(tc.id); ok != tc.found {
				t.Errorf("Card(%q) found = %v, want %v", tc.id, ok, tc.found)
			}
		})
	}
}

func TestCardsIsACopy(t *testing.T) {
	l := defaultLibrary(t)
	first := l.Cards()
	first[0] = nil
	if l.Cards()[0] == nil {
		t.Error("changing the slice from Cards() changed the library")
	}
}

func TestLoadOrdersOtherCardsAfterTheRequiredOnes(t *testing.T) {
	fsys := mapFS(t,
		"zercher-squat.md", fixtureCard("zercher-squat", "Zercher squat"),
		"bracing.md", fixtureCard("bracing", "Bracing"),
		"good-morning.md", fixtureCard("good-morning", "Good morning"),
		"back-squat.md", fixtureCard("back-squat", "Back squat"),
	)
	l, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"back-squat", "bracing", "good-morning", "zercher-squat"}
	if got := ids(l.Cards()); !slices.Equal(got, want) {
		t.Errorf("Cards() = %v, want %v", got, want)
	}
}

func TestEmbeddedCardsCiteEachSourceTheSameWay(t *testing.T) {
	seen := make(map[string]Source)
	for _, c := range defaultLibrary(t).Cards() {
		for _, s := range c.Sources {
			if first, ok := seen[s.Title]; ok && first != s {
				t.Errorf("%s cites %q as %+v; another card has %+v", c.ID, s.Title, s, first)
			}
			seen[s.Title] = s
		}
	}
}
