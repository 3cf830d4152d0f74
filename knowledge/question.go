package knowledge

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuestionLen is the longest question accepted, in characters. Discord
// allows a string option of up to 6000; a question about a sore back fits
// comfortably in far fewer, and a bound keeps search fast.
const MaxQuestionLen = 500

// QuestionProblem says why a question was refused.
type QuestionProblem int

const (
	// QuestionEmpty means the question was empty or only whitespace.
	QuestionEmpty QuestionProblem = iota + 1
	// QuestionTooLong means the question was longer than MaxQuestionLen.
	QuestionTooLong
	// QuestionUnreadable means the question held control characters or invalid text.
	QuestionUnreadable
)

// QuestionError is a question the bot will not search. Its Error() is a
// sentence meant for the member, to be shown ephemerally.
type QuestionError struct {
	Problem QuestionProblem
	msg     string
}

// Error returns the message for the member.
func (e *QuestionError) Error() string { return e.msg }

// CheckQuestion validates a member's question and returns it normalised:
// hidden format characters dropped and compatibility forms folded (see
// Normalize), surrounding whitespace removed and every run of whitespace
// (line breaks included) turned into one space. It refuses empty questions, questions
// longer than MaxQuestionLen characters, and control characters other than
// ordinary whitespace, with a *QuestionError.
func CheckQuestion(q string) (string, error) {
	if !utf8.ValidString(q) {
		return "", &QuestionError{Problem: QuestionUnreadable,
			msg: "I couldn't read that question. Please type it again as plain text."}
	}
	for _, r := range q {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return "", &QuestionError{Problem: QuestionUnreadable,
				msg: "Your question contains hidden control characters. Please type it again as plain text."}
		}
	}
	norm := strings.Join(strings.Fields(Normalize(q)), " ")
	if norm == "" {
		return "", &QuestionError{Problem: QuestionEmpty,
			msg: "Please type a question about your back, for example \"is it normal for my lower back to ache after deadlifts?\""}
	}
	if n := utf8.RuneCountInString(norm); n > MaxQuestionLen {
		return "", &QuestionError{Problem: QuestionTooLong,
			msg: fmt.Sprintf("Your question is %d characters long. Please shorten it to %d characters or fewer.", n, MaxQuestionLen)}
	}
	return norm, nil
}
