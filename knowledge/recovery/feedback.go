package recovery

import (
	"fmt"
	"time"
)

// workoutLink is how long after a workout reading an after-workout reading
// is still taken to belong to that session.
const workoutLink = 12 * time.Hour

// Message is the text shown right after a check-in.
type Message struct {
	// Text says what was recorded and what it means; at most 600 characters.
	Text string
	// OfferRedFlagCheck is true when the bot should offer to start the red-flag check.
	OfferRedFlagCheck bool
	// StopTraining is true when the reading says to stop training for the
	// day and run the red-flag check now, so no "check again in two hours"
	// should follow.
	StopTraining bool
}

// Feedback explains a reading just recorded, taken between start and now.
// readings is the member's history and may already contain reading. A
// baseline is acknowledged as the starting point. Workout and after-workout
// readings get the rule of twos, timed from the latest workout reading in the
// 12 hours before, plus the 4-week advice when it applies; daily and manual
// readings get the assessment's advice (see Assess).
func Feedback(reading Reading, readings []Reading, start, now time.Time) Message {
	if !reading.Valid() {
		return Message{Text: "That rating could not be recorded: pain is rated from 0 (none) to 10 (worst imaginable)."}
	}
	history := withReading(readings, reading)
	recorded := fmt.Sprintf("Recorded: %d/10 (%s).", reading.Pain, reading.Source.label())
	a := Assess(history, start, now)
	switch reading.Source {
	case SourceBaseline:
		m := Message{Text: recorded + " That's your starting point: later check-ins are compared with it. A missed day is never counted as zero."}
		if reading.Pain >= HighPain {
			m.Text += fmt.Sprintf(" %d/10 is high pain: if it doesn't ease with rest, see a doctor today, and run the red-flag check.", reading.Pain)
			m.OfferRedFlagCheck = true
		}
		return m
	case SourceWorkout, SourceAfterWorkout:
		return afterTraining(recorded, reading, history, a)
	default:
		return Message{Text: recorded + " " + a.Feedback.Message, OfferRedFlagCheck: a.Feedback.OfferRedFlagCheck}
	}
}

func afterTraining(recorded string, reading Reading, history []Reading, a Assessment) Message {
	var before []Reading
	for _, r := range history {
		if r.At.Before(reading.At) {
			before = append(before, r)
		}
	}
	usual, ok := UsualLevel(before, reading.At)
	if !ok {
		if reading.Pain >= HighPain {
			return Message{Text: recorded + " " + highWithoutUsual(reading.Pain), OfferRedFlagCheck: true, StopTraining: reading.Pain >= VeryHighPain}
		}
		return Message{Text: recorded + " I don't know your usual level yet, so I can't compare. A daily check-in or two will fix that."}
	}
	v := RuleOfTwos(usual, reading.Pain, sinceTraining(reading, before))
	m := Message{Text: recorded + " " + v.Message, OfferRedFlagCheck: v.OfferRedFlagCheck, StopTraining: v.Kind == VerdictStop}
	if a.Feedback.Kind == AdviceSeeProfessional {
		m.Text += " " + a.Feedback.Message
		m.OfferRedFlagCheck = true
	}
	return m
}

// highWithoutUsual is the absolute rule when there is no usual level to
// compare with: a reading of HighPain or more is high whatever it would be.
func highWithoutUsual(pain int) string {
	if pain >= VeryHighPain {
		return fmt.Sprintf("%d/10 is very high pain. Stop training for today, keep to gentle movement such as walking, and run the red-flag check now.", pain)
	}
	return fmt.Sprintf("%d/10 is high pain. Ease right off for today. If it hasn't settled in a couple of hours, or anything new appears, run the red-flag check.", pain)
}

// sinceTraining times a reading from the session it follows: a workout
// reading is the session itself; an after-workout reading is timed from the
// latest workout reading within workoutLink, or -1 when there is none.
func sinceTraining(reading Reading, before []Reading) time.Duration {
	if reading.Source == SourceWorkout {
		return 0
	}
	var session *Reading
	for i, r := range before {
		if r.Source == SourceWorkout && reading.At.Sub(r.At) <= workoutLink && (session == nil || r.At.After(session.At)) {
			session = &before[i]
		}
	}
	if session == nil {
		return -1
	}
	return reading.At.Sub(session.At)
}

// withReading returns readings with reading added unless it is already there.
func withReading(readings []Reading, reading Reading) []Reading {
	for _, r := range readings {
		if r.At.Equal(reading.At) && r.Pain == reading.Pain && r.Source == reading.Source {
			return readings
		}
	}
	out := make([]Reading, 0, len(readings)+1)
	return append(append(out, readings...), reading)
}
