package knowledge

import (
	"fmt"
	"strings"
	"testing"
)

func TestPhraseSet(t *testing.T) {
	tests := []struct {
		name, pattern, text string
		want                string // "start-end" of each match, or ""
	}{
		{"exact words", "pins and needles", "got pins and needles in my foot", "1-3"},
		{"alternatives", "cant|cannot feel", "i cannot feel it", "1-2"},
		{"prefix", "suicid*", "feeling suicidal", "1-1"},
		{"gap of up to three", "lost ... control", "lost all of my control", "0-4"},
		{"gap too long", "lost ... control", "lost all of my bladder control", ""},
		{"numbered gap", "hard ...1 pee", "hard to pee", "0-2"},
		{"numbered gap too long", "hard ...1 pee", "hard for me to pee", ""},
		{"never across a sentence", "numb ... groin", "numb toes. groin fine", ""},
		{"every start", "back", "back to back", "0-0 2-2"},
		{"shortest match per start", "both ... legs", "both legs and both legs", "0-1 3-4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := compilePhrases([]string{tt.pattern})
			var got []string
			ps.find(tokenize(tt.text), func(_, s, e int) { got = append(got, fmt.Sprintf("%d-%d", s, e)) })
			if strings.Join(got, " ") != tt.want {
				t.Errorf("%q in %q: matches %v, want %q", tt.pattern, tt.text, got, tt.want)
			}
		})
	}
}

func TestPhraseGroupsLabelTheirMatches(t *testing.T) {
	ps := compileGroups([][]string{{"numb"}, {"groin", "inner thigh"}})
	var got []string
	ps.find(tokenize("numb inner thigh and groin"), func(label, s, e int) {
		got = append(got, fmt.Sprintf("%d:%d-%d", label, s, e))
	})
	if want := "0:0-0 1:1-2 1:4-4"; strings.Join(got, " ") != want {
		t.Errorf("matches %v, want %s", got, want)
	}
	if b := strings.Join(ps.blank(tokenize("numb toes")), " "); b != "_ toes" {
		t.Errorf("blank = %q", b)
	}
}
