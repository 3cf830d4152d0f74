package recovery

import (
	"testing"
	"time"
)

func TestUsualLevel(t *testing.T) {
	now := day(10)
	tests := []struct {
		name     string
		readings []Reading
		want     int
		wantOK   bool
	}{
		{"nothing recorded", nil, 0, false},
		{"only a baseline", []Reading{at(SourceBaseline, day(0), 4)}, 4, true},
		{"median of recent readings", dailies(t, 6, 2, 7, 3), 3, true},
		{"even count takes the lower middle", dailies(t, 7, 2, 4, 5, 6), 4, true},
		{"manual logs count", []Reading{at(SourceManual, day(9), 5)}, 5, true},
		{"workout readings are left out", join(dailies(t, 8, 3), []Reading{at(SourceWorkout, day(9), 8), at(SourceAfterWorkout, day(9).Add(2*time.Hour), 7)}), 3, true},
		{"old readings fall back to the baseline", join([]Reading{at(SourceBaseline, day(0), 6)}, dailies(t, 1, 2, 2)), 6, true},
		{"a reading exactly 7 days old is out of the window", join([]Reading{at(SourceBaseline, day(0), 6)}, dailies(t, 3, 1)), 6, true},
		{"a reading just inside 7 days counts", join([]Reading{at(SourceBaseline, day(0), 6), at(SourceDaily, day(3).Add(time.Second), 1)}), 1, true},
		{"the newest baseline wins", []Reading{at(SourceBaseline, day(0), 7), at(SourceBaseline, day(1), 3)}, 3, true},
		{"readings after now are ignored", join([]Reading{at(SourceBaseline, day(0), 2)}, dailies(t, 11, 8)), 2, true},
		{"invalid readings are not zeros", []Reading{at(SourceDaily, day(9), -1), at(SourceDaily, day(9), 5)}, 5, true},
		{"only workout readings", []Reading{at(SourceWorkout, day(9), 5)}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := UsualLevel(tt.readings, now)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("UsualLevel = %d, %v; want %d, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}
