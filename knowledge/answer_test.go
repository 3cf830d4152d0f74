package knowledge

import (
	"slices"
	"strings"
	"testing"
)

func TestAnswerUnderstandsLifterWording(t *testing.T) {
	b := mustDefault(t)
	tests := []struct {
		name, question, want string
	}{
		{"abbreviation", "is the hexbar better for my back than a straight bar", "trap-bar-deadlift"},
		{"brand names", "advil or aleve for a sore back?", "nsaids"},
		{"UK name", "does paracetamol do anything for back pain", "acetaminophen"},
		{"imaging slang", "do i need a scan for my back", "imaging"},
		{"chiro", "my chiro keeps cracking my back, worth it?", "spinal-manipulation"},
		{"physio", "should i see a physio for my back", "physical-therapy"},
		{"typo", "sciatcia shooting down my leg after squats", "leg-pain"},
		{"typo in a rare word", "is acupunture any good for back pain", "acupuncture"},
		{"word order", "heat or ice for my lower back", "heat-vs-ice"},
		{"word order reversed", "lower back: ice or heat", "heat-vs-ice"},
		{"belt", "do i need a lifting belt now my back is sore", "lifting-belts"},
		{"planks", "side planks for a sore lower back?", "core-strength"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Answer(tt.question)
			if r.Kind != ResultEntry || r.Entry.ID != tt.want {
				t.Errorf("Answer(%q) = %s, want %s", tt.question, outcome(r), tt.want)
			}
		})
	}
}

func TestAnswerDeclinesOtherSubjects(t *testing.T) {
	b := mustDefault(t)
	for _, q := range []string{
		"best protein powder for bulking",
		"my wrist hurts on bench",
		"when does the server movie night start",
		"how long should i rest between sets of curls",
		"",
		"asdf qwer",
	} {
		t.Run(q, func(t *testing.T) {
			r := b.Answer(q)
			if r.Kind != ResultOffTopic || r.Entry != nil {
				t.Fatalf("Answer(%q) = %s, want offtopic", q, outcome(r))
			}
			if got, want := ids(r.Suggestions), popularTopics()[:maxSuggestions]; !slices.Equal(got, want) {
				t.Errorf("suggestions = %v, want the popular topics %v", got, want)
			}
		})
	}
}

func TestAnswerGivesTheOverviewForVagueBackQuestions(t *testing.T) {
	b := mustDefault(t)
	overview := popularTopics()[0]
	for _, q := range []string{"back pain", "lower back pain", "my back is sore", "sore back", "my lowerback is sore", "deadlift", "squats"} {
		t.Run(q, func(t *testing.T) {
			r := b.Answer(q)
			if r.Kind != ResultEntry || r.Entry.ID != overview {
				t.Fatalf("Answer(%q) = %s, want the overview %s", q, outcome(r), overview)
			}
			if len(r.Suggestions) == 0 || slices.Contains(ids(r.Suggestions), overview) {
				t.Errorf("suggestions = %v, want other topics to narrow it down", ids(r.Suggestions))
			}
		})
	}
}

func TestAnswerKeepsTheBackWhenAnotherBodyPartIsMentioned(t *testing.T) {
	b := mustDefault(t)
	r := b.Answer("my knee and lower back both ache after squats")
	if r.Kind != ResultEntry {
		t.Errorf("got %s, want an entry: the question is about the back too", outcome(r))
	}
}

func TestAnswerSuggestionsAreOtherEntries(t *testing.T) {
	b := mustDefault(t)
	for _, q := range []string{"back pain", "sore back after squats", "tweaked my back", "how long"} {
		r := b.Answer(q)
		if len(r.Suggestions) > maxSuggestions {
			t.Errorf("%q: %d suggestions", q, len(r.Suggestions))
		}
		for _, s := range r.Suggestions {
			if r.Entry != nil && s.ID == r.Entry.ID {
				t.Errorf("%q: suggests the answer itself", q)
			}
			if s.Kind != KindTopic {
				t.Errorf("%q: suggests %s", q, s.ID)
			}
		}
	}
}

func TestAnswerOnFixtures(t *testing.T) {
	b := fixtureBase(t)
	tests := []struct{ question, want string }{
		{"hex bar?", "trap-bar-deadlift"},
		{"heat or ice", "heat-vs-ice"},
		{"sciatica down my leg", "leg-pain"},
		{"my groin went numb", "emergency"},
		{"i want to end my life", "crisis"},
		{"creatine dose", "offtopic"},
	}
	for _, tt := range tests {
		if got := outcome(b.Answer(tt.question)); got != tt.want {
			t.Errorf("Answer(%q) = %s, want %s", tt.question, got, tt.want)
		}
	}
}

func TestAnalyzerRewritesSlangAndStems(t *testing.T) {
	an := newAnalyzer()
	tests := []struct{ in, want string }{
		{"DLs and RDLs", "deadlift romanian deadlift"},
		{"hex bar pulls", "trap bar deadlift"},
		{"tylenol vs ibuprofen", "acetaminophen vs nsaid"},
		{"my physio said", "physical therapy said"},
		{"lower back squatting", "low back squat"},
		{"pain shooting down into my calf", "pain shoot down calf | radiat"},
		{"should i stay in bed", "bed rest"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			terms, added := an.analyze(tokenize(tt.in))
			got := strings.Join(terms[:added], " ")
			if added < len(terms) {
				got += " |" + strings.Join(terms[added:], " ")
			}
			if got != tt.want {
				t.Errorf("analyze(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIndexLeavesNumbersInProseOut(t *testing.T) {
	fsys := fixtureFS(t)
	edit(t, fsys, "trap-bar-deadlift.md", `"handles"]`, `"handles", "90/90"]`)
	b, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := b.index.terms["20"]; ok {
		t.Error(`"20" from the heat-vs-ice advice is indexed`)
	}
	if id, ok := b.index.terms["90"]; !ok || len(b.index.post[id]) != 1 {
		t.Error(`"90" from a keyword is not indexed`)
	}
}
