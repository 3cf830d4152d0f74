package redflag

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Errors returned by Answers.Record, for the bot to tell a stale or forged
// button click from a real failure.
var (
	// ErrFinished means the check has already ended.
	ErrFinished = errors.New("the red-flag check has already finished")
	// ErrNotCurrent means the answer is for a question other than the one being asked.
	ErrNotCurrent = errors.New("that question is not the one being asked")
	// ErrNotOffered means the answer is not one of the question's choices.
	ErrNotOffered = errors.New("that answer is not offered for this question")
)

// Step is one answered question.
type Step struct {
	// QuestionID is the ID of the question answered.
	QuestionID string
	// Answer is the reply given.
	Answer Answer
}

// Answers is the ordered record of a member's replies, oldest first.
type Answers []Step

// Record returns the answers with one more reply to the current question; it
// fails if the check is over, id is not the question Next would ask, or the
// answer is not offered for it. The receiver is left unchanged.
func (a Answers) Record(id string, ans Answer) (Answers, error) {
	q, done := Next(a)
	if done {
		return a, fmt.Errorf("record %s=%s: %w", id, ans, ErrFinished)
	}
	if q.ID != id {
		return a, fmt.Errorf("record %s=%s (asking %s): %w", id, ans, q.ID, ErrNotCurrent)
	}
	if !q.allows(ans) {
		return a, fmt.Errorf("record %s=%s: %w", id, ans, ErrNotOffered)
	}
	return append(slices.Clip(a), Step{QuestionID: id, Answer: ans}), nil
}

// RecordTicked returns the answers with a checklist screen answered: Yes for
// each ticked question, No for the rest, in the screen's order. It fails if
// the check is over, screen is not the checklist NextScreen would show, a
// ticked ID is not on it, or one is ticked twice. The receiver is left
// unchanged.
func (a Answers) RecordTicked(screen string, ticked []string) (Answers, error) {
	s, _, done := NextScreen(a)
	if done {
		return a, fmt.Errorf("record screen %s: %w", screen, ErrFinished)
	}
	if s.ID != screen || !s.Checklist {
		return a, fmt.Errorf("record screen %s (showing %s): %w", screen, s.ID, ErrNotCurrent)
	}
	yes := make(map[string]bool, len(ticked))
	for _, id := range ticked {
		if yes[id] || !slices.ContainsFunc(s.Questions, func(q Question) bool { return q.ID == id }) {
			return a, fmt.Errorf("record screen %s: %w", screen, ErrNotOffered)
		}
		yes[id] = true
	}
	out := slices.Clip(a)
	for _, q := range s.Questions {
		ans := AnswerNo
		if yes[q.ID] {
			ans = AnswerYes
		}
		out = append(out, Step{QuestionID: q.ID, Answer: ans})
	}
	return out, nil
}

// Back returns the answers without the last screen's replies, so that
// screen is shown again: the last reply, and when it was on a checklist,
// every reply before it from the same checklist. With no answers it returns
// none. The receiver is left unchanged.
func (a Answers) Back() Answers {
	if len(a) == 0 {
		return nil
	}
	n := len(a) - 1
	if last, ok := Lookup(a[n].QuestionID); ok && last.Group.Checklist() {
		for n > 0 {
			q, ok := Lookup(a[n-1].QuestionID)
			if !ok || q.Group != last.Group {
				break
			}
			n--
		}
	}
	return slices.Clip(a[:n])
}

// String serialises the answers for storage as "id=code" pairs joined by
// commas, for example "saddle=n,bladder=y".
func (a Answers) String() string {
	parts := make([]string, len(a))
	for i, s := range a {
		parts[i] = s.QuestionID + "=" + string(s.Answer)
	}
	return strings.Join(parts, ",")
}

// ParseAnswers reads answers written by Answers.String. It rejects unknown
// question IDs, unknown answer codes, answers a question does not offer and
// questions answered twice; the empty string is no answers.
func ParseAnswers(s string) (Answers, error) {
	if s == "" {
		return nil, nil
	}
	var out Answers
	seen := make(map[string]bool)
	for _, pair := range strings.Split(s, ",") {
		id, code, ok := strings.Cut(pair, "=")
		if !ok {
			return nil, fmt.Errorf("parse answers: %q is not id=answer", pair)
		}
		q, known := Lookup(id)
		if !known {
			return nil, fmt.Errorf("parse answers: unknown question %q", id)
		}
		ans, err := ParseAnswer(code)
		if err != nil {
			return nil, fmt.Errorf("parse answers: question %s: %w", id, err)
		}
		if !q.allows(ans) {
			return nil, fmt.Errorf("parse answers: question %s: %w", id, ErrNotOffered)
		}
		if seen[id] {
			return nil, fmt.Errorf("parse answers: question %s answered twice", id)
		}
		seen[id] = true
		out = append(out, Step{QuestionID: id, Answer: ans})
	}
	return out, nil
}
