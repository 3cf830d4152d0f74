package recovery

import (
	"fmt"
	"time"
)

// Source says how a reading was taken.
type Source int

// The sources of a reading. Workout and AfterWorkout readings react to a
// session, so they are left out of the member's usual level and trend.
const (
	// SourceBaseline is the reading taken when check-ins start.
	SourceBaseline Source = iota + 1
	// SourceDaily is the answer to the daily check-in.
	SourceDaily
	// SourceWorkout is taken right after a training session.
	SourceWorkout
	// SourceAfterWorkout is the follow-up about 2 hours after a session.
	SourceAfterWorkout
	// SourceManual is a reading the member logged on their own.
	SourceManual
)

// String returns the source's stable storage name.
func (s Source) String() string {
	switch s {
	case SourceBaseline:
		return "baseline"
	case SourceDaily:
		return "daily"
	case SourceWorkout:
		return "workout"
	case SourceAfterWorkout:
		return "after_workout"
	case SourceManual:
		return "manual"
	default:
		return fmt.Sprintf("Source(%d)", int(s))
	}
}

// ParseSource reads a source from its storage name.
func ParseSource(name string) (Source, error) {
	for s := SourceBaseline; s <= SourceManual; s++ {
		if s.String() == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown reading source %q", name)
}

func (s Source) label() string {
	switch s {
	case SourceBaseline:
		return "starting level"
	case SourceDaily:
		return "daily check-in"
	case SourceWorkout:
		return "right after training"
	case SourceAfterWorkout:
		return "after training"
	default:
		return "logged by you"
	}
}

// Reading is one pain rating on the 0-10 scale.
type Reading struct {
	// At is when the member gave the rating.
	At time.Time
	// Pain is the rating, 0 (none) to 10 (worst imaginable).
	Pain int
	// Source says how the reading was taken.
	Source Source
}

// Valid reports whether the reading has a pain rating from 0 to 10 and a
// known source; the rules here skip invalid readings rather than guess.
func (r Reading) Valid() bool {
	return r.Pain >= 0 && r.Pain <= 10 && r.Source >= SourceBaseline && r.Source <= SourceManual
}

// resting reports whether the reading describes the back at rest rather than
// its reaction to a session.
func (r Reading) resting() bool {
	return r.Source == SourceBaseline || r.Source == SourceDaily || r.Source == SourceManual
}

// within returns the valid readings taken in [from, to], in their original order.
func within(readings []Reading, from, to time.Time) []Reading {
	var out []Reading
	for _, r := range readings {
		if r.Valid() && !r.At.Before(from) && !r.At.After(to) {
			out = append(out, r)
		}
	}
	return out
}
