package recovery

import (
	"testing"
	"time"
)

// t0 is when check-ins start in every test.
func t0() time.Time { return time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC) }

func day(n int) time.Time { return t0().Add(time.Duration(n) * 24 * time.Hour) }

func at(src Source, when time.Time, pain int) Reading {
	return Reading{At: when, Pain: pain, Source: src}
}

// dailies records one daily reading per listed day, starting with day first.
func dailies(t *testing.T, first int, pains ...int) []Reading {
	t.Helper()
	out := make([]Reading, len(pains))
	for i, p := range pains {
		out[i] = at(SourceDaily, day(first+i), p)
	}
	return out
}

func join(parts ...[]Reading) []Reading {
	var out []Reading
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
