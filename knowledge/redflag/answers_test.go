package redflag

import (
	"slices"
	"testing"
)

func TestAnswersSurviveStorage(t *testing.T) {
	tests := []struct {
		name string
		in   Answers
	}{
		{"none", nil},
		{"one", answerUpTo(t, "saddle", AnswerNo)},
		{"emergency stop", answerUpTo(t, "both_legs", AnswerNotSure)},
		{"whole check with crisis", answerAll(t, map[string]Answer{"fever": AnswerYes, "low_mood": AnswerCrisis})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAnswers(tt.in.String())
			if err != nil {
				t.Fatalf("ParseAnswers(%q): %v", tt.in.String(), err)
			}
			if !slices.Equal(got, tt.in) {
				t.Errorf("round trip of %q gave %v", tt.in.String(), got)
			}
		})
	}
}

func TestAnswersAreStoredCompactly(t *testing.T) {
	a := answerUpTo(t, "bladder", AnswerYes)
	if got, want := a.String(), "saddle=n,bladder=y"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestParseAnswersRejectsGarbage(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"unknown question", "saddle=n,elbow=y"},
		{"unknown answer", "saddle=maybe"},
		{"missing answer", "saddle"},
		{"empty pair", "saddle=n,,bladder=y"},
		{"trailing comma", "saddle=n,"},
		{"answered twice", "saddle=n,saddle=y"},
		{"crisis on a body question", "saddle=c"},
		{"upper case", "SADDLE=N"},
		{"spaces", "saddle = n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := ParseAnswers(tt.in); err == nil {
				t.Errorf("ParseAnswers(%q) = %v, want an error", tt.in, got)
			}
		})
	}
}

func TestParseAnswerReadsEveryCode(t *testing.T) {
	for _, want := range []Answer{AnswerYes, AnswerNo, AnswerNotSure, AnswerCrisis} {
		if got, err := ParseAnswer(string(want)); err != nil || got != want {
			t.Errorf("ParseAnswer(%q) = %q, %v", want, got, err)
		}
	}
	if _, err := ParseAnswer(""); err == nil {
		t.Error("ParseAnswer(\"\") succeeded")
	}
}
