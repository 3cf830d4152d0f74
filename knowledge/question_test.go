package knowledge

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckQuestionNormalises(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"trims", "  ice or heat?  ", "ice or heat?"},
		{"joins lines", "ice\r\nor\theat?", "ice or heat?"},
		{"keeps emoji and accents", "dos de café 😩", "dos de café 😩"},
		{"exactly the limit", strings.Repeat("é", MaxQuestionLen), strings.Repeat("é", MaxQuestionLen)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckQuestion(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("CheckQuestion(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestCheckQuestionRefuses(t *testing.T) {
	tests := []struct {
		name, in string
		problem  QuestionProblem
		words    string
	}{
		{"empty", "", QuestionEmpty, "Please type a question"},
		{"only whitespace", " \n\t ", QuestionEmpty, "Please type a question"},
		{"too long", strings.Repeat("a", MaxQuestionLen+1), QuestionTooLong, "501 characters long. Please shorten it to 500"},
		{"control character", "ice\x00 or heat", QuestionUnreadable, "control characters"},
		{"escape sequence", "\x1b[31mred", QuestionUnreadable, "control characters"},
		{"invalid utf-8", "ice \xff heat", QuestionUnreadable, "couldn't read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CheckQuestion(tt.in)
			var qe *QuestionError
			if !errors.As(err, &qe) {
				t.Fatalf("error = %v, want a *QuestionError", err)
			}
			if qe.Problem != tt.problem || !strings.Contains(err.Error(), tt.words) {
				t.Errorf("got problem %d %q, want %d containing %q", qe.Problem, err, tt.problem, tt.words)
			}
			if msg := err.Error(); !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "\"") {
				t.Errorf("message %q is not a sentence", msg)
			}
		})
	}
}
