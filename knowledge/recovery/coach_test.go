package recovery

import (
	"strings"
	"testing"
	"time"
)

func TestForCoach(t *testing.T) {
	for _, tc := range []struct {
		name         string
		readings     []Reading
		now          time.Time
		trend        string
		twos         string
		professional bool
	}{
		{name: "nothing yet", now: day(1), trend: "not enough", twos: "no reading after training", professional: false},
		{name: "improving, session fine",
			readings: join([]Reading{at(SourceBaseline, day(0), 6)}, dailies(t, 1, 5, 5, 4, 3),
				[]Reading{at(SourceWorkout, day(4).Add(time.Hour), 4)}),
			now: day(4).Add(2 * time.Hour), trend: "improving", twos: "within it", professional: false},
		{name: "rise that lasted after training",
			readings: join([]Reading{at(SourceBaseline, day(0), 3)}, dailies(t, 1, 3, 3),
				[]Reading{at(SourceWorkout, day(2).Add(time.Hour), 4), at(SourceAfterWorkout, day(2).Add(4*time.Hour), 6)}),
			now: day(2).Add(5 * time.Hour), twos: "lasting", professional: true},
		{name: "no improvement after four weeks",
			readings: join([]Reading{at(SourceBaseline, day(0), 5)}, dailies(t, 25, 5, 5, 5, 5)),
			now:      day(29), trend: "steady", twos: "no reading after training", professional: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := ForCoach(tc.readings, t0(), tc.now)
			if !strings.Contains(v.TrendWords, tc.trend) || !strings.Contains(v.Twos, tc.twos) || v.EncourageProfessional != tc.professional {
				t.Errorf("ForCoach = trend %q, twos %q, professional %v; want %q, %q, %v", v.TrendWords, v.Twos, v.EncourageProfessional, tc.trend, tc.twos, tc.professional)
			}
			if v.EncourageProfessional && !strings.Contains(v.Guidance, "doctor or physiotherapist") {
				t.Errorf("guidance %q does not ask to encourage a professional", v.Guidance)
			}
			for _, banned := range []string{"red-flag", "red flag", "emergency"} {
				if strings.Contains(strings.ToLower(v.Guidance+v.Twos+v.TrendWords), banned) {
					t.Errorf("the coach's view mentions %q", banned)
				}
			}
		})
	}
}
