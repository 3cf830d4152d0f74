package recovery

import (
	"fmt"
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
		{"rise within the first hour", 2, 5, 40 * time.Minute, VerdictRecheck},
		{"three up right after training", 3, 6, 0, VerdictRecheck},
		{"one up right after training", 2, 3, 0, VerdictFine},
		{"rise with no session known", 2, 4, -1, VerdictBackOff},
		{"up to 6 from a usual 6 is fine", 6, 6, 3 * time.Hour, VerdictFine},
		// Absolute levels the relative rule never overrides.
		{"jump of 4 right after training stops training", 2, 6, 0, VerdictStop},
		{"jump of 5 right after training stops training", 2, 7, 0, VerdictStop},
		{"jump of 4 hours later stops training", 1, 5, 5 * time.Hour, VerdictStop},
		{"jump of 4 with no session known stops training", 1, 5, -1, VerdictStop},
		{"to 8 from a usual 6 right after training", 6, 8, 0, VerdictStop},
		{"to 9 from a usual 8", 8, 9, time.Hour, VerdictStop},
		{"to 10 from a usual 9", 9, 10, 0, VerdictStop},
		{"7 within one point of a usual 6 is high", 6, 7, 3 * time.Hour, VerdictHigh},
		{"7 from a usual 4 right after training is high", 4, 7, 0, VerdictHigh},
		{"7 when 7 is usual is severe", 7, 7, 3 * time.Hour, VerdictSevere},
		{"lower than a severe usual level is still severe", 8, 5, 3 * time.Hour, VerdictSevere},
		{"usual 6 is not severe", 6, 5, 3 * time.Hour, VerdictFine},
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
	v := RuleOfTwos(2, 5, time.Hour)
	if !strings.Contains(v.Message, "check again") {
		t.Errorf("recheck message does not ask to check again: %q", v.Message)
	}
}

// A reading of 7 or more is never "handling this load", and a big jump or a
// very high reading right after training is never "wait and check again":
// it stops training today and offers the red-flag check.
func TestAbsoluteLevelsOverrideTheRuleOfTwos(t *testing.T) {
	for usual := 0; usual <= 10; usual++ {
		for now := 0; now <= 10; now++ {
			for _, since := range []time.Duration{0, time.Hour, 3 * time.Hour, -1} {
				v := RuleOfTwos(usual, now, since)
				if now >= HighPain && (v.Kind == VerdictFine || strings.Contains(v.Message, "handling this load")) {
					t.Errorf("usual %d, now %d: %q", usual, now, v.Message)
				}
				if now-usual >= BigJump || now >= VeryHighPain {
					if v.Kind != VerdictStop || !v.OfferRedFlagCheck || strings.Contains(v.Message, "check again") || !strings.Contains(v.Message, "Stop training for today") || !strings.Contains(v.Message, "red-flag check now") {
						t.Errorf("usual %d, now %d, %v after training: %d %q", usual, now, since, v.Kind, v.Message)
					}
				}
				if (v.Kind == VerdictFine || v.Kind == VerdictRecheck) == v.OfferRedFlagCheck {
					t.Errorf("usual %d, now %d: kind %d offers the check: %v", usual, now, v.Kind, v.OfferRedFlagCheck)
				}
				if !strings.Contains(v.Message, fmt.Sprintf("%d/10", usual)) {
					t.Errorf("usual %d, now %d: the message does not quote the usual level: %q", usual, now, v.Message)
				}
			}
		}
	}
}

func TestSteadySeverePainAfterTrainingSendsToADoctorToday(t *testing.T) {
	v := RuleOfTwos(7, 7, 3*time.Hour)
	if !strings.Contains(v.Message, "doctor today") || !v.OfferRedFlagCheck {
		t.Errorf("usual 7: %q (offer %v)", v.Message, v.OfferRedFlagCheck)
	}
}
