package schedule

import (
	"strings"
	"testing"
	"time"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// local builds a wall-clock time in zone with the given UTC offset in
// hours, so each case states which side of a transition it means.
func local(t *testing.T, zone string, offsetHours float64, y int, mo time.Month, d, h, mi int) time.Time {
	t.Helper()
	at := time.Date(y, mo, d, h, mi, 0, 0, time.UTC).Add(-time.Duration(offsetHours * float64(time.Hour)))
	_, off := at.In(mustZone(t, zone)).Zone()
	if float64(off) != offsetHours*3600 {
		t.Fatalf("%s %d-%02d-%02d %02d:%02d is not at UTC%+.1f (it is %+d s)", zone, y, mo, d, h, mi, offsetHours, off)
	}
	return at
}

func TestNextAcrossDaylightSavingChanges(t *testing.T) {
	t.Parallel()
	const ny, london, sydney = "America/New_York", "Europe/London", "Australia/Sydney"
	tests := []struct {
		name  string
		spec  string
		zone  string
		after time.Time
		want  time.Time
	}{
		{"new york spring forward: 02:30 does not exist, read before the gap", "30 2 * * *", ny,
			local(t, ny, -5, 2026, 3, 7, 2, 30), local(t, ny, -4, 2026, 3, 8, 3, 30)},
		{"new york day after spring forward is 02:30 again", "30 2 * * *", ny,
			local(t, ny, -4, 2026, 3, 8, 3, 30), local(t, ny, -4, 2026, 3, 9, 2, 30)},
		{"new york 09:00 keeps its wall clock over spring forward", "0 9 * * *", ny,
			local(t, ny, -5, 2026, 3, 7, 9, 0), local(t, ny, -4, 2026, 3, 8, 9, 0)},
		{"new york fall back: 01:30 happens twice, fires at the first", "30 1 * * *", ny,
			local(t, ny, -4, 2026, 10, 31, 1, 30), local(t, ny, -4, 2026, 11, 1, 1, 30)},
		{"new york fall back: not again at the repeat", "30 1 * * *", ny,
			local(t, ny, -4, 2026, 11, 1, 1, 30), local(t, ny, -5, 2026, 11, 2, 1, 30)},
		{"new york fall back: from inside the repeat, tomorrow", "30 1 * * *", ny,
			local(t, ny, -5, 2026, 11, 1, 1, 10), local(t, ny, -5, 2026, 11, 2, 1, 30)},
		{"london spring forward: 01:30 becomes 02:30 BST", "30 1 * * *", london,
			local(t, london, 0, 2026, 3, 28, 1, 30), local(t, london, 1, 2026, 3, 29, 2, 30)},
		{"london fall back: first 01:30 only", "30 1 * * *", london,
			local(t, london, 1, 2026, 10, 24, 1, 30), local(t, london, 1, 2026, 10, 25, 1, 30)},
		{"london fall back: next is the day after", "30 1 * * *", london,
			local(t, london, 1, 2026, 10, 25, 1, 30), local(t, london, 0, 2026, 10, 26, 1, 30)},
		{"sydney spring forward in october", "30 2 * * *", sydney,
			local(t, sydney, 10, 2026, 10, 3, 2, 30), local(t, sydney, 11, 2026, 10, 4, 3, 30)},
		{"sydney fall back in april: first 02:30", "30 2 * * *", sydney,
			local(t, sydney, 11, 2026, 4, 4, 2, 30), local(t, sydney, 11, 2026, 4, 5, 2, 30)},
		{"sydney fall back in april: then tomorrow", "30 2 * * *", sydney,
			local(t, sydney, 11, 2026, 4, 5, 2, 30), local(t, sydney, 10, 2026, 4, 6, 2, 30)},
		{"weekly monday 18:00 across london's change", "0 18 * * 1", london,
			local(t, london, 0, 2026, 3, 23, 18, 0), local(t, london, 1, 2026, 3, 30, 18, 0)},
		{"a time still ahead today is today", "0 21 * * *", london,
			local(t, london, 0, 2026, 1, 5, 20, 59), local(t, london, 0, 2026, 1, 5, 21, 0)},
		{"exactly at the time means tomorrow", "0 21 * * *", london,
			local(t, london, 0, 2026, 1, 5, 21, 0), local(t, london, 0, 2026, 1, 6, 21, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.spec, tt.zone)
			if err != nil {
				t.Fatal(err)
			}
			got := r.Next(tt.after)
			if !got.Equal(tt.want) {
				loc := mustZone(t, tt.zone)
				t.Errorf("Next(%v) = %v, want %v", tt.after.In(loc), got.In(loc), tt.want.In(loc))
			}
		})
	}
}

// TestDailyFiresOncePerLocalDay walks a whole year of daily occurrences at
// every quarter hour of the day in zones with both kinds of change: each
// local date gets exactly one, on that date, at the requested time or (in a
// spring-forward gap) later that night.
func TestDailyFiresOncePerLocalDay(t *testing.T) {
	t.Parallel()
	for _, zone := range []string{"America/New_York", "Europe/London", "Australia/Sydney", "Australia/Lord_Howe"} {
		t.Run(zone, func(t *testing.T) {
			loc := mustZone(t, zone)
			for minutes := 0; minutes < 24*60; minutes += 15 {
				h, m := minutes/60, minutes%60
				r, err := DailyAt(h, m, zone)
				if err != nil {
					t.Fatal(err)
				}
				at := time.Date(2025, 12, 31, 23, 59, 0, 0, loc)
				for day := range 365 {
					next := r.Next(at)
					want := time.Date(2026, 1, 1+day, 0, 0, 0, 0, loc)
					got := next.In(loc)
					if got.Year() != want.Year() || got.YearDay() != want.YearDay() {
						t.Fatalf("%02d:%02d: occurrence %d on %v, want on %s", h, m, day, got, want.Format(time.DateOnly))
					}
					if got.Hour() < h || (got.Hour() == h && got.Minute() < m) {
						t.Fatalf("%02d:%02d: fired early at %v", h, m, got)
					}
					if got.Hour() != h || got.Minute() != m {
						asked := time.Date(got.Year(), got.Month(), got.Day(), h, m, 0, 0, loc)
						if asked.Hour() == h && asked.Minute() == m {
							t.Fatalf("%02d:%02d exists on %s but fired at %v", h, m, got.Format(time.DateOnly), got)
						}
						if got.Sub(asked.Add(-time.Hour)) > 2*time.Hour {
							t.Fatalf("%02d:%02d in a gap fired long after it, at %v", h, m, got)
						}
					}
					at = next
				}
			}
		})
	}
}

func TestParseRejectsWhatItCannotHonour(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, spec, zone, want string
	}{
		{"unknown zone", "0 9 * * *", "Mars/Olympus_Mons", "Mars/Olympus_Mons"},
		{"local zone", "0 9 * * *", "Local", "IANA"},
		{"empty zone", "0 9 * * *", "", "IANA"},
		{"zone inside the spec", "TZ=Europe/London 0 9 * * *", "Europe/London", "separately"},
		{"six fields", "0 0 9 * * *", "UTC", "0 0 9 * * *"},
		{"every is not a time of day", "@every 1h", "UTC", "@every"},
		{"nonsense", "at nine", "UTC", "at nine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.spec, tt.zone)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q, %q) = %v, want an error mentioning %q", tt.spec, tt.zone, err, tt.want)
			}
		})
	}
	if _, err := DailyAt(25, 99, "UTC"); err == nil {
		t.Error("DailyAt(25, 99) accepted")
	}
}

func TestNextEndsWhenTheSpecNeverMatches(t *testing.T) {
	t.Parallel()
	r, err := Parse("0 9 31 2 *", "UTC")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); !got.IsZero() {
		t.Errorf("February 31st came round at %v", got)
	}
}
