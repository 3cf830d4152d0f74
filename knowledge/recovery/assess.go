package recovery

import (
	"math"
	"time"
)

// Thresholds for the feedback rules.
const (
	// JumpPoints is how far a daily or manual reading must rise above the
	// usual level before it, in points, to count as a sudden jump.
	JumpPoints = 3
	// NoImprovementDays is when "no improvement after about 4 weeks" is
	// judged: acute back pain becomes subacute at 4 weeks.
	NoImprovementDays = 28
	// MeaningfulDropPoints and MeaningfulDropShare define a meaningful drop
	// from the starting level: 2 points or 30%, whichever is reached first,
	// the usual size of a change people notice on a 0-10 pain scale.
	MeaningfulDropPoints = 2
	MeaningfulDropShare  = 0.3
	// LowPain is the level at or below which no time alone sends anyone to a
	// doctor: a steady 1 or 2 out of 10 after four weeks is not a referral.
	LowPain = 2
)

// Assessment summarises a member's readings since check-ins started.
type Assessment struct {
	// Baseline is the most recent baseline reading's pain; see HasBaseline.
	Baseline int
	// HasBaseline is false when no baseline was recorded.
	HasBaseline bool
	// Latest is the most recent reading; zero when Entries is 0.
	Latest Reading
	// Best is the lowest pain recorded; meaningless when Entries is 0.
	Best int
	// Usual is the usual level now (see UsualLevel); see HasUsual.
	Usual int
	// HasUsual is false when there is no usual level yet.
	HasUsual bool
	// Entries counts the valid readings since start; missed days add nothing.
	Entries int
	// DaysSinceStart counts whole days from start to now.
	DaysSinceStart int
	// Trend is the direction of resting pain (see TrendMinChange for the method).
	Trend Trend
	// Feedback is the advice that matters most now.
	Feedback Advice
}

// Assess summarises the valid readings taken from start to now and picks the
// advice that matters most, in this order: steady severe pain (usual level
// and latest resting reading both SeverePain or more), a sudden jump (the
// latest daily or manual reading at least JumpPoints above the usual level
// before it), a high latest reading (HighPain or more), no meaningful drop
// after NoImprovementDays (unless pain is down to LowPain or less), then the
// trend; a falling trend earns praise and "add load" only when the latest
// resting reading did not go up. Messages quote the member's own readings,
// never the fitted line.
func Assess(readings []Reading, start, now time.Time) Assessment {
	window := within(readings, start, now)
	a := Assessment{
		Entries:        len(window),
		DaysSinceStart: max(0, int(now.Sub(start)/(24*time.Hour))),
	}
	a.Baseline, a.HasBaseline = latestBaseline(window, now)
	a.Usual, a.HasUsual = UsualLevel(window, now)
	for i, r := range window {
		if i == 0 || r.At.After(a.Latest.At) {
			a.Latest = r
		}
		if i == 0 || r.Pain < a.Best {
			a.Best = r.Pain
		}
	}
	f := trendOf(window, start)
	// The fitted line decides the trend only; messages quote readings.
	a.Trend = f.trend
	a.Feedback = choose(window, f, a, now)
	return a
}

func choose(window []Reading, f fit, a Assessment, now time.Time) Advice {
	if a.Entries == 0 {
		return noReadings()
	}
	last, previous, rose := lastRestingRise(window)
	if a.HasUsual && a.Usual >= SeverePain && last != nil && last.Pain >= SeverePain {
		return seeDoctorToday(a.Usual)
	}
	if latest, usual, ok := jump(window); ok {
		return suddenJump(latest, usual)
	}
	if a.Latest.Pain >= HighPain {
		return highPain(a.Latest.Pain)
	}
	if from, to, ok := noImprovement(window, a, now); ok {
		return seeProfessional(a.DaysSinceStart, from, to)
	}
	switch f.trend {
	case TrendImproving:
		from, known := a.Baseline, a.HasBaseline
		if !known {
			from, known = firstResting(window)
		}
		switch {
		case rose:
			return holdAfterRise(previous, last.Pain)
		case known && last != nil && last.Pain < from:
			return addLoad(from, last.Pain)
		default:
			return steady()
		}
	case TrendWorsening:
		return easeOff()
	case TrendSteady:
		return steady()
	default:
		return earlyDays()
	}
}

// lastRestingRise returns the latest resting reading and whether it went up
// from the resting reading before it (previous).
func lastRestingRise(window []Reading) (last *Reading, previous int, rose bool) {
	var prev *Reading
	for i, r := range window {
		if !r.resting() {
			continue
		}
		switch {
		case last == nil || r.At.After(last.At):
			prev, last = last, &window[i]
		case prev == nil || r.At.After(prev.At):
			prev = &window[i]
		}
	}
	if last == nil || prev == nil {
		return last, 0, false
	}
	return last, prev.Pain, last.Pain > prev.Pain
}

// jump finds a sudden rise in the latest daily or manual reading over the
// usual level before it.
func jump(window []Reading) (latest, usual int, ok bool) {
	var last *Reading
	for i, r := range window {
		if (r.Source == SourceDaily || r.Source == SourceManual) && (last == nil || r.At.After(last.At)) {
			last = &window[i]
		}
	}
	if last == nil {
		return 0, 0, false
	}
	var before []Reading
	for _, r := range window {
		if r.At.Before(last.At) {
			before = append(before, r)
		}
	}
	usual, known := UsualLevel(before, last.At)
	return last.Pain, usual, known && last.Pain >= usual+JumpPoints
}

// noImprovement reports pain still present with no meaningful drop from the
// starting level (the baseline, else the first resting reading) once
// NoImprovementDays have passed. Without a recent resting reading the
// current level is unknown and nothing is claimed.
func noImprovement(window []Reading, a Assessment, now time.Time) (from, to int, ok bool) {
	if a.DaysSinceStart < NoImprovementDays {
		return 0, 0, false
	}
	to, known := recentLevel(window, now)
	if !known || to <= LowPain {
		return 0, 0, false
	}
	from, known = a.Baseline, a.HasBaseline
	if !known {
		from, known = firstResting(window)
	}
	if !known {
		return 0, 0, false
	}
	drop := from - to
	meaningful := drop >= MeaningfulDropPoints || float64(drop) >= MeaningfulDropShare*float64(from)
	return from, to, !meaningful
}

func firstResting(window []Reading) (int, bool) {
	var first *Reading
	for i, r := range window {
		if r.resting() && (first == nil || r.At.Before(first.At)) {
			first = &window[i]
		}
	}
	if first == nil {
		return 0, false
	}
	return first.Pain, true
}

func round(x float64) int {
	return int(math.Round(x))
}
