package recovery

import (
	"fmt"
	"time"
)

// Trend is the direction of a member's resting pain since check-ins started.
type Trend int

// The trends; the zero value is TrendNotEnoughData.
const (
	// TrendNotEnoughData means fewer than TrendMinDays days have a resting reading.
	TrendNotEnoughData Trend = iota
	// TrendImproving means the fitted line fell by at least TrendMinChange points.
	TrendImproving
	// TrendSteady means the fitted line moved by less than TrendMinChange points.
	TrendSteady
	// TrendWorsening means the fitted line rose by at least TrendMinChange points.
	TrendWorsening
)

// The trend method: each day since the start that has resting readings gets
// their mean; days without readings are left out, never filled with zero. A
// least-squares line through (day, mean) gives the slope, and the change is
// the slope times the days from the first such day to the last.
const (
	TrendMinDays   = 3
	TrendMinChange = 1.0
)

// String returns the trend's stable storage name.
func (t Trend) String() string {
	switch t {
	case TrendImproving:
		return "improving"
	case TrendSteady:
		return "steady"
	case TrendWorsening:
		return "worsening"
	case TrendNotEnoughData:
		return "not_enough_data"
	default:
		return fmt.Sprintf("Trend(%d)", int(t))
	}
}

// fit is a straight line through the daily resting means.
type fit struct {
	trend       Trend
	first, last float64 // fitted pain on the first and last day with readings
}

// trendOf fits the line through the resting readings; readings must be valid
// and taken at or after start, as within returns them.
func trendOf(readings []Reading, start time.Time) fit {
	sums := map[int]float64{}
	counts := map[int]int{}
	for _, r := range readings {
		if !r.resting() {
			continue
		}
		day := int(r.At.Sub(start) / (24 * time.Hour))
		sums[day] += float64(r.Pain)
		counts[day]++
	}
	if len(counts) < TrendMinDays {
		return fit{trend: TrendNotEnoughData}
	}
	var n, sx, sy, sxx, sxy float64
	firstDay, lastDay := -1, -1
	for day, c := range counts {
		x, y := float64(day), sums[day]/float64(c)
		n++
		sx += x
		sy += y
		sxx += x * x
		sxy += x * y
		if firstDay < 0 || day < firstDay {
			firstDay = day
		}
		if day > lastDay {
			lastDay = day
		}
	}
	slope := (n*sxy - sx*sy) / (n*sxx - sx*sx)
	intercept := (sy - slope*sx) / n
	f := fit{
		first: intercept + slope*float64(firstDay),
		last:  intercept + slope*float64(lastDay),
	}
	// The tolerance keeps a change of exactly TrendMinChange from being lost
	// to floating-point rounding.
	const tolerance = 1e-9
	switch change := f.last - f.first; {
	case change <= -TrendMinChange+tolerance:
		f.trend = TrendImproving
	case change >= TrendMinChange-tolerance:
		f.trend = TrendWorsening
	default:
		f.trend = TrendSteady
	}
	return f
}
