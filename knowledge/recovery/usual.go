package recovery

import (
	"slices"
	"time"
)

// UsualWindow is how far back UsualLevel looks for resting readings.
const UsualWindow = 7 * 24 * time.Hour

// UsualLevel returns the member's usual pain: the median of the resting
// (baseline, daily and manual) readings from the last UsualWindow up to now,
// taking the lower middle value when there is an even number, so the rule of
// twos errs towards caution. With no recent readings it falls back to the
// most recent baseline; ok is false when there is neither.
func UsualLevel(readings []Reading, now time.Time) (level int, ok bool) {
	if level, ok := recentLevel(readings, now); ok {
		return level, true
	}
	return latestBaseline(readings, now)
}

// recentLevel is UsualLevel without the baseline fallback.
func recentLevel(readings []Reading, now time.Time) (int, bool) {
	var pains []int
	for _, r := range readings {
		if r.Valid() && r.resting() && r.At.After(now.Add(-UsualWindow)) && !r.At.After(now) {
			pains = append(pains, r.Pain)
		}
	}
	if len(pains) == 0 {
		return 0, false
	}
	slices.Sort(pains)
	return pains[(len(pains)-1)/2], true
}

// latestBaseline returns the pain of the most recent valid baseline reading
// at or before now.
func latestBaseline(readings []Reading, now time.Time) (int, bool) {
	var found *Reading
	for i, r := range readings {
		if r.Valid() && r.Source == SourceBaseline && !r.At.After(now) && (found == nil || r.At.After(found.At)) {
			found = &readings[i]
		}
	}
	if found == nil {
		return 0, false
	}
	return found.Pain, true
}
