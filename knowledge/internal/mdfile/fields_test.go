package mdfile

import (
	"strings"
	"testing"
)

func TestCheckID(t *testing.T) {
	for _, tc := range []struct {
		name, file, id, words string
	}{
		{"valid", "leg-pain.md", "leg-pain", ""},
		{"valid with digits", "rule-of-2s.md", "rule-of-2s", ""},
		{"missing", "a.md", "", "missing"},
		{"capitals", "a.md", "Leg-pain", "must be lower-case words joined by -"},
		{"underscore", "a.md", "leg_pain", "must be lower-case words joined by -"},
		{"leading hyphen", "a.md", "-leg", "must be lower-case words joined by -"},
		{"trailing hyphen", "a.md", "leg-", "must be lower-case words joined by -"},
		{"double hyphen", "a.md", "leg--pain", "must be lower-case words joined by -"},
		{"not the file name", "leg-pain.md", "leg", `"leg" does not match the file name (want "leg-pain")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems := CheckID(tc.file, tc.id)
			if tc.words == "" {
				noProblems(t, problems)
				return
			}
			hasProblem(t, problems, tc.file, "id", tc.words)
		})
	}
}

func TestCheckTitle(t *testing.T) {
	for _, tc := range []struct {
		name, title, words string
	}{
		{"valid", "Heat/ice?", ""},
		{"exactly the limit", strings.Repeat("h", 10), ""},
		{"blank", "  ", "missing"},
		{"too long", strings.Repeat("h", 11), "11 characters; autocomplete shows at most 10"},
		{"emoji count twice", strings.Repeat("h", 9) + "🏋", "11 characters"},
		{"two lines", "Heat\nice", "must be one line"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems := CheckTitle("a.md", tc.title, 10)
			if tc.words == "" {
				noProblems(t, problems)
				return
			}
			hasProblem(t, problems, "a.md", "title", tc.words)
		})
	}
}

func TestTextLenCountsUTF16CodeUnits(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    string
		want int
	}{
		{"empty", "", 0},
		{"ascii", "squat", 5},
		{"accented letters count once", "café", 4},
		{"astral emoji counts twice", "🏋️", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TextLen(tc.s); got != tc.want {
				t.Errorf("TextLen(%q) = %d, want %d", tc.s, got, tc.want)
			}
		})
	}
}
