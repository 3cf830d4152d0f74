package formtips

import (
	"slices"
	"testing"
)

func TestFind(t *testing.T) {
	l := defaultLibrary(t)
	for _, tc := range []struct {
		name, query, want string
	}{
		{"id", "back-squat", "back-squat"},
		{"title", "Romanian deadlift", "romanian-deadlift"},
		{"abbreviation", "RDL", "romanian-deadlift"},
		{"lower-case abbreviation", "rdl", "romanian-deadlift"},
		{"abbreviation with dots", "R.D.L.", "romanian-deadlift"},
		{"mixed words", "romanian dl", "romanian-deadlift"},
		{"title without hyphen", "trap bar deadlift", "trap-bar-deadlift"},
		{"bar name only", "trap bar", "trap-bar-deadlift"},
		{"other bar name", "HEX-BAR", "trap-bar-deadlift"},
		{"sumo slang", "sumo DL", "sumo-deadlift"},
		{"conventional slang", "conv DL", "conventional-deadlift"},
		{"plain deadlift", "deadlift", "conventional-deadlift"},
		{"plain squat", "squat", "back-squat"},
		{"bar position", "High-Bar", "back-squat"},
		{"extra spaces", "  side   plank ", "side-plank"},
		{"plural", "planks", "plank"},
		{"plural abbreviation", "RDLs", "romanian-deadlift"},
		{"kettlebell name", "KB squat", "goblet-squat"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := l.Find(tc.query)
			if !ok {
				t.Fatalf("Find(%q) found nothing, want %s", tc.query, tc.want)
			}
			if c.ID != tc.want {
				t.Errorf("Find(%q) = %s, want %s", tc.query, c.ID, tc.want)
			}
		})
	}
}

func TestFindMissesUnknownExercises(t *testing.T) {
	l := defaultLibrary(t)
	for _, tc := range []struct{ name, query string }{
		{"empty", ""},
		{"punctuation only", "--"},
		{"other lift", "bench press"},
		{"partial name", "dead"},
		{"lone s", "s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if c, ok := l.Find(tc.query); ok {
				t.Errorf("Find(%q) = %s, want nothing", tc.query, c.ID)
			}
		})
	}
}

func TestEveryNameFindsItsCard(t *testing.T) {
	l := defaultLibrary(t)
	for _, c := range l.Cards() {
		for _, name := range append([]string{c.ID, c.Title}, c.Aliases...) {
			if got, ok := l.Find(name); !ok || got != c {
				t.Errorf("Find(%q) = %v, %v; want %s", name, got, ok, c.ID)
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	l := defaultLibrary(t)
	all := ids(l.Cards())
	for _, tc := range []struct {
		name   string
		prefix string
		limit  int
		want   []string
	}{
		{"empty text lists cards in order", "", 25, all},
		{"empty text respects the limit", "", 3, all[:3]},
		{"no limit, no cards", "squat", 0, nil},
		{"later words match", "dead", 25, []string{"conventional-deadlift", "sumo-deadlift", "trap-bar-deadlift", "romanian-deadlift"}},
		{"limit cuts the list", "dead", 2, []string{"conventional-deadlift", "sumo-deadlift"}},
		{"name starts rank before later words", "plank", 25, []string{"plank", "side-plank"}},
		{"case and punctuation ignored", "TRAP-b", 25, []string{"trap-bar-deadlift"}},
		{"abbreviation before inside matches", "rd", 25, []string{"romanian-deadlift", "trap-bar-deadlift"}},
		{"alias start", "bench", 25, []string{"box-squat"}},
		{"inside a word as a last resort", "lift", 25, []string{"conventional-deadlift", "sumo-deadlift", "trap-bar-deadlift", "romanian-deadlift"}},
		{"nothing matches", "press", 25, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(l.Suggest(tc.prefix, tc.limit))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Suggest(%q, %d) = %v, want %v", tc.prefix, tc.limit, got, tc.want)
			}
		})
	}
}

func TestSuggestSquatPutsBestMatchesFirst(t *testing.T) {
	l := defaultLibrary(t)
	got := ids(l.Suggest("squ", 25))
	squats := []string{"back-squat", "front-squat", "goblet-squat", "sumo-squat", "box-squat"}
	if len(got) != len(squats) {
		t.Fatalf("Suggest(\"squ\") = %v, want the five squat cards", got)
	}
	for _, id := range squats {
		if !slices.Contains(got, id) {
			t.Errorf("Suggest(\"squ\") = %v, missing %s", got, id)
		}
	}
	if got[0] != "back-squat" {
		t.Errorf("Suggest(\"squ\") starts with %s, want back-squat (its alias is \"squat\")", got[0])
	}
}
