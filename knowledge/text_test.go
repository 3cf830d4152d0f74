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
