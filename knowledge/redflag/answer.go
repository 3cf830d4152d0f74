package redflag

import "fmt"

// Answer is one reply to a question, stored as a one-letter code.
type Answer string

// The answers a member can give. NotSure is counted as Yes for safety;
// AnswerCrisis is only offered on the mood question.
const (
	AnswerYes     Answer = "y"
	AnswerNo      Answer = "n"
	AnswerNotSure Answer = "u"
	AnswerCrisis  Answer = "c"
)

// ParseAnswer reads an answer from its stored code.
func ParseAnswer(s string) (Answer, error) {
	switch a := Answer(s); a {
	case AnswerYes, AnswerNo, AnswerNotSure, AnswerCrisis:
		return a, nil
	default:
		return "", fmt.Errorf("unknown answer %q", s)
	}
}

// Label is the short button text for the answer.
func (a Answer) Label() string {
	switch a {
	case AnswerYes:
		return "Yes"
	case AnswerNo:
		return "No"
	case AnswerNotSure:
		return "Not sure"
	case AnswerCrisis:
		return "I've had thoughts of harming myself"
	default:
		return ""
	}
}

// countsAsYes reports whether the answer raises the question's flag: a
// "not sure" is treated as a yes so that doubt never lowers the urgency.
func (a Answer) countsAsYes() bool {
	return a == AnswerYes || a == AnswerNotSure || a == AnswerCrisis
}
