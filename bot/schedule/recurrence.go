package schedule

import (
	"errors"
	"fmt"
	"strings"
	"time"
	// The tz database, embedded so zones load on machines without one.
	_ "time/tzdata"

	"github.com/robfig/cron/v3"
)

// Recurrence is a repeating time of day (or week, or month) in an IANA time
// zone, written as a standard 5-field cron spec ("30 9 * * *" is 09:30 every
// day, "0 18 * * 1" 18:00 every Monday).
//
// robfig/cron parses the spec and finds the next matching wall-clock time;
// the time zone is applied afterwards, explicitly, so daylight-saving changes
// behave the same in every zone:
//
//   - a time that does not exist because the clocks spring forward (02:30 in
//     New York on the second Sunday of March) fires once, as far after the
//     transition as it was after the last valid time, i.e. read with the
//     offset before the gap (03:30 EDT), as RFC 5545 calendars do;
//   - a time that happens twice because the clocks fall back (01:30 in New
//     York on the first Sunday of November) fires once, at its first
//     occurrence.
type Recurrence struct {
	spec     string
	zone     *time.Location
	schedule *cron.SpecSchedule
}

// Parse reads a 5-field cron spec (or a descriptor such as "@daily") to be
// read in the named IANA time zone.
func Parse(spec, zone string) (Recurrence, error) {
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		return Recurrence{}, fmt.Errorf("cron spec %q: give the time zone separately, not in the spec", spec)
	}
	loc, err := LoadZone(zone)
	if err != nil {
		return Recurrence{}, err
	}
	parsed, err := cron.ParseStandard(spec)
	if err != nil {
		return Recurrence{}, fmt.Errorf("cron spec %q: %w", spec, err)
	}
	sched, ok := parsed.(*cron.SpecSchedule)
	if !ok {
		return Recurrence{}, fmt.Errorf("cron spec %q: use fields or a descriptor such as @daily, not @every", spec)
	}
	return Recurrence{spec: spec, zone: loc, schedule: sched}, nil
}

// DailyAt is the recurrence at hour:minute every day in the named zone.
func DailyAt(hour, minute int, zone string) (Recurrence, error) {
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return Recurrence{}, fmt.Errorf("daily time %02d:%02d is not a time of day", hour, minute)
	}
	return Parse(fmt.Sprintf("%d %d * * *", minute, hour), zone)
}

// LoadZone loads an IANA time zone by name. Unlike time.LoadLocation it
// refuses "" and "Local", which would silently mean the server's zone.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, errors.New("time zone: name an IANA zone such as Europe/London")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %w", name, err)
	}
	return loc, nil
}

// Spec returns the cron spec the recurrence was parsed from.
func (r Recurrence) Spec() string { return r.spec }

// Zone returns the IANA name of the recurrence's time zone.
func (r Recurrence) Zone() string { return r.zone.String() }

// Next returns the first occurrence strictly after after, or the zero time
// if there is none within five years.
func (r Recurrence) Next(after time.Time) time.Time {
	wall := wallClock(after.In(r.zone))
	for range 1000 {
		wall = r.schedule.Next(wall)
		if wall.IsZero() {
			return time.Time{}
		}
		if t := resolve(wall, r.zone); t.After(after) {
			return t.UTC()
		}
	}
	return time.Time{}
}

// wallClock returns t's local date and time as the same reading in UTC, a
// zone without daylight saving where every reading happens exactly once.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// resolve turns a wall-clock reading (in UTC, see wallClock) into the
// instant it names in loc: the earliest instant showing that reading, or,
// when the reading falls in a spring-forward gap, the reading taken with the
// offset in force before the gap.
func resolve(wall time.Time, loc *time.Location) time.Time {
	var best time.Time
	for _, probe := range []time.Duration{-24 * time.Hour, 0, 24 * time.Hour} {
		offset := offsetAt(wall.Add(probe), loc)
		t := wall.Add(-offset)
		if offsetAt(t, loc) != offset {
			continue
		}
		if best.IsZero() || t.Before(best) {
			best = t
		}
	}
	if !best.IsZero() {
		return best
	}
	return wall.Add(-offsetAt(wall.Add(-24*time.Hour), loc))
}

func offsetAt(t time.Time, loc *time.Location) time.Duration {
	_, offset := t.In(loc).Zone()
	return time.Duration(offset) * time.Second
}
