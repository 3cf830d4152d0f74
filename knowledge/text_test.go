package knowledge

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lower case and punctuation", "Hex-bar DL's: good?", "hex bar dls good"},
		{"apostrophes dropped", "I can't, it’s Bertolotti's", "i cant its bertolottis"},
		{"sentence ends become breaks", "Sore back. Numb groin!  Why?", "sore back . numb groin . why"},
		{"no leading or doubled breaks", "... ok?! fine.", "ok . fine"},
		{"numbers kept", "pain 2/10 to 5/10", "pain 2 10 to 5 10"},
		{"non-ASCII letters kept", "Rücken schmerzt", "rücken schmerzt"},
		{"empty", "  \t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(tokenize(tt.in), " "); got != tt.want {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalText(t *testing.T) {
	if got := normalText("  Heat or ICE?\nfor my back "); got != "heat or ice for my back" {
		t.Errorf("normalText = %q", got)
	}
}

func TestNormalizeDropsHiddenCharactersAndFoldsLookAlikes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"zero-width space", "num\u200bbness", "numbness"},
		{"word joiner", "sui\u2060cidal", "suicidal"},
		{"soft hyphen", "in\u00adcontinence", "incontinence"},
		{"zero-width joiner and BOM", "\ufeffgro\u200din", "groin"},
		{"direction marks", "\u200ekill\u200f myself", "kill myself"},
		{"full-width letters", "ｎｕｍｂ", "numb"},
		{"ligature", "ﬁve", "five"},
		{"non-breaking space", "numb\u00a0groin", "numb groin"},
		{"Hangul filler", "numb\u3164ness", "numbness"},
		{"plain text unchanged", "sore back after deadlifts", "sore back after deadlifts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeKeepsCensoredWordsAndDecimals(t *testing.T) {
	tests := []struct{ in, want string }{
		{"numb around my a**hole", "numb around my a**hole"},
		{"ready to k!ll myself!", "ready to k!ll myself"},
		{"temp is 38.5 today. back sore", "temp is 38.5 today . back sore"},
		{"numb*", "numb"},
	}
	for _, tt := range tests {
		if got := strings.Join(tokenize(tt.in), " "); got != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
