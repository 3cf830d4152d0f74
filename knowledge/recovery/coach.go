package recovery

import (
	"fmt"
	"time"
)

// CoachView is what a coach the member chose is told about their recovery:
// a summary of pain readings and nothing else. It never carries red-flag
// answers or outcomes, nor the member's own feedback texts (which speak to
// the member and may point them to the red-flag check); it is phrased for
// someone who programs the member's training.
type CoachView struct {
	// Entries counts the valid readings summarised.
	Entries int
	// Usual is the member's usual level now; see HasUsual.
	Usual    int
	HasUsual bool
	// Latest is the most recent reading; zero when Entries is 0.
	Latest Reading
	// Best is the lowest pain recorded; meaningless when Entries is 0.
	Best int
	// Trend and TrendWords give the direction of resting pain.
	Trend      Trend
	TrendWords string
	// Twos is the rule of twos after the latest training reading, in words.
	Twos string
	// Guidance is what the readings suggest for programming, in words.
	Guidance string
	// EncourageProfessional is set when the readings suggest the member see
	// a doctor or physiotherapist: the coach is asked to encourage them.
	EncourageProfessional bool
}

// ForCoach summarises the readings taken from start to now for a coach:
// usual level, latest, best, trend, the rule of twos after the latest
// session, and whether to encourage a professional (no improvement after
// about four weeks, steady severe pain, high pain, a sudden jump, or a rise
// after training that lasted or was too big to train on).
func ForCoach(readings []Reading, start, now time.Time) CoachView {
	a := Assess(readings, start, now)
	v := CoachView{Entries: a.Entries, Usual: a.Usual, HasUsual: a.HasUsual, Latest: a.Latest, Best: a.Best, Trend: a.Trend}
	v.TrendWords = map[Trend]string{
		TrendNotEnoughData: "not enough check-ins yet to tell",
		TrendImproving:     "improving: resting pain is going down",
		TrendSteady:        "steady",
		TrendWorsening:     "getting worse: resting pain is creeping up",
	}[a.Trend]
	verdict, twos := latestSession(within(readings, start, now))
	v.Twos = twos
	switch a.Feedback.Kind {
	case AdviceSeeProfessional, AdviceSeeDoctorToday, AdviceHigh, AdviceBackOff:
		v.EncourageProfessional = true
	}
	switch verdict {
	case VerdictBackOff, VerdictHigh, VerdictStop, VerdictSevere:
		v.EncourageProfessional = true
	}
	switch {
	case v.EncourageProfessional:
		v.Guidance = "Their readings suggest keeping training light for now and having their back checked by a doctor or physiotherapist: please encourage them to."
	case a.Feedback.Kind == AdviceEaseOff || a.Feedback.Kind == AdviceHold:
		v.Guidance = "Consider holding load where it is, or a little lighter, until their readings settle."
	case a.Feedback.Kind == AdviceAddLoad:
		v.Guidance = "Pain is trending down: gradual progression, one change at a time, suits it."
	case a.Entries == 0:
		v.Guidance = "No readings yet."
	default:
		v.Guidance = "Nothing in the readings asks for a change: progress as their back tolerates."
	}
	return v
}

// latestSession applies the rule of twos to the latest workout or
// after-workout reading, against the usual level before it.
func latestSession(window []Reading) (VerdictKind, string) {
	var last *Reading
	for i, r := range window {
		if (r.Source == SourceWorkout || r.Source == SourceAfterWorkout) && (last == nil || r.At.After(last.At)) {
			last = &window[i]
		}
	}
	if last == nil {
		return 0, "no reading after training yet"
	}
	var before []Reading
	for _, r := range window {
		if r.At.Before(last.At) {
			before = append(before, r)
		}
	}
	usual, ok := UsualLevel(before, last.At)
	if !ok {
		if last.Pain >= HighPain {
			return VerdictHigh, fmt.Sprintf("%d/10 after the latest session: high pain", last.Pain)
		}
		return 0, fmt.Sprintf("%d/10 after the latest session; no usual level yet to compare with", last.Pain)
	}
	v := RuleOfTwos(usual, last.Pain, sinceTraining(*last, before))
	rise := last.Pain - usual
	switch v.Kind {
	case VerdictFine:
		return v.Kind, fmt.Sprintf("within it: %d/10 after the latest session against a usual %d/10", last.Pain, usual)
	case VerdictRecheck:
		return v.Kind, fmt.Sprintf("up %d points soon after the latest session (%d/10 against a usual %d/10); a rise this soon often settles", rise, last.Pain, usual)
	case VerdictBackOff:
		return v.Kind, fmt.Sprintf("up %d points after the latest session, lasting (%d/10 against a usual %d/10): that session was more than their back was ready for", rise, last.Pain, usual)
	case VerdictHigh:
		return v.Kind, fmt.Sprintf("%d/10 after the latest session: high pain", last.Pain)
	case VerdictStop:
		return v.Kind, fmt.Sprintf("%d/10 after the latest session against a usual %d/10: too much to train on that day", last.Pain, usual)
	default:
		return v.Kind, fmt.Sprintf("their usual level is %d/10: severe, steady pain", usual)
	}
}
