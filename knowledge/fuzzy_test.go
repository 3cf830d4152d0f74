package knowledge

import "testing"

func TestTypoDistance(t *testing.T) {
	tests := []struct {
		name, a, b  string
		limit, want int
	}{
		{"same", "deadlift", "deadlift", 1, 0},
		{"swap", "deadlfit", "deadlift", 1, 1},
		{"missing letter", "strething", "stretching", 2, 1},
		{"extra letter", "accupuncture", "acupuncture", 2, 1},
		{"substitution", "sciatoca", "sciatica", 1, 1},
		{"two edits over limit", "sciattoca", "sciatica", 1, 2},
		{"length gap over limit", "abc", "abcdef", 2, 3},
		{"four letters swap", "bakc", "back", 1, 1},
		{"four letters substitution refused", "sore", "core", 1, 2},
		{"four letters insertion refused", "blow", "below", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := typoDistance(tt.a, tt.b, tt.limit); got != tt.want {
				t.Errorf("typoDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
			}
		})
	}
}

func TestTypoDictCorrect(t *testing.T) {
	d := newTypoDict([]string{"should", "shoulder", "stretching", "sciatica", "treadmill", "back", "bertolotti"})
	tests := []struct{ in, want string }{
		{"shoud", "should"},
		{"strething", "stretching"},
		{"sciatia", "sciatica"},
		{"treadmil", "treadmill"},
		{"bertolloti", "bertolotti"},
		{"bakc", "back"},
		{"bkac", ""}, // short words are corrected by a single swap only
		{"should", ""},
		{"zzzzzz", ""},
		{"abc", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := d.correct(tt.in); got != tt.want {
				t.Errorf("correct(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTypoDictPrefersEarlierWordsOnTies(t *testing.T) {
	d := newTypoDict([]string{"sore", "core", "bore"})
	if got := d.correct("sroe"); got != "sore" {
		t.Errorf("correct(sroe) = %q, want sore", got)
	}
	d = newTypoDict([]string{"leg", "plank", "flank"})
	if got := d.correct("olank"); got != "plank" {
		t.Errorf("correct(olank) = %q, want plank (listed first)", got)
	}
}
