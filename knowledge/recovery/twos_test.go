package recovery

import (
	"strings"
	"testing"
	"time"
)

func TestRuleOfTwos(t *testing.T) {
	tests := []struct {
		name          string
		usual, now    int
		sinceTraining time.Duration
		want          VerdictKind
	}{
		{"one point up hours later", 3, 4, 5 * time.Hour, VerdictFine},
		{"same as usual", 3, 3, 3 * time.Hour, VerdictFine},
		{"lower than usual", 5, 2, 3 * time.Hour, VerdictFine},
		{"exactly two up after more than 2 h", 3, 5, 2*time.Hour + time.Minute, VerdictBackOff},
		{"two up at exactly 2 h", 3, 5, 2 * time.Hour, VerdictRecheck},
		{"two up one second past 2 h", 3, 5, 2*time.Hour + time.Second, VerdictBackOff},
		{"big rise right after training", 2, 7, 0, VerdictRecheck},
		{"rise within the first hour", 2, 5, 40 * time.Minute, VerdictRecheck},
		{"one up right after training", 2, 3, 0, VerdictFine},
		{"rise with no session known", 2, 4, -1, VerdictBackOff},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := RuleOfTwos(tt.usual, tt.now, tt.sinceTraining)
			if v.Kind != tt.want {
				t.Errorf("kind = %d, want %d (%q)", v.Kind, tt.want, v.Message)
			}
			if v.Message == "" || len(v.Message) > 400 {
				t.Errorf("message must be 1-400 characters: %q", v.Message)
			}
		})
	}
}

func TestRuleOfTwosSaysItIsARuleOfThumb(t *testing.T) {
	for _, v := range []Verdict{RuleOfTwos(3, 3, 3*time.Hour), RuleOfTwos(3, 6, 3*time.Hour), RuleOfTwos(3, 6, -1)} {
		if !strings.Contains(v.Message, "rule of thumb") {
			t.Errorf("verdict %d does not call the rule a rule of thumb: %q", v.Kind, v.Message)
		}
	}
}

func TestRecheckAsksForAnotherLook(t *testing.T) {
	v := RuleOfTwos(2, 6, time.Hour)
	if !strings.Contains(v.Message, "check again") {
		t.Errorf("recheck message does not ask to check again: %q", v.Message)
	}
}
