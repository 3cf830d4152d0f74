package recovery

import (
	"strings"
	"testing"
	"time"
)

func TestAssessWithNothingRecorded(t *testing.T) {
	a := Assess(nil, t0(), day(3).Add(5*time.Hour))
	if a.Entries != 0 || a.Trend != TrendNotEnoughData || a.Feedback.Kind != AdviceNone || a.HasBaseline || a.HasUsual {
		t.Errorf("empty history: %+v", a)
	}
	if a.DaysSinceStart != 3 {
		t.Errorf("DaysSinceStart = %d, want 3", a.DaysSinceStart)
	}
	if a.Feedback.Message == "" {
		t.Error("no message for an empty history")
	}
}

func TestAssessSummarisesTheReadingsSinceStart(t *testing.T) {
	readings := join(
		[]Reading{at(SourceDaily, day(-2), 0)},
		[]Reading{at(SourceBaseline, day(0), 6)},
		dailies(t, 1, 5, 3),
		[]Reading{at(SourceWorkout, day(3), 7), at(SourceDaily, day(4), -1), at(SourceDaily, day(9), 1)},
	)
	a := Assess(readings, t0(), day(4).Add(time.Hour))
	if !a.HasBaseline || a.Baseline != 6 {
		t.Errorf("baseline = %d (%v), want 6", a.Baseline, a.HasBaseline)
	}
	if a.Entries != 4 {
		t.Errorf("entries = %d, want 4 (before start, after now and invalid readings left out)", a.Entries)
	}
	if a.Best != 3 {
		t.Errorf("best = %d, want 3 (a reading before start does not count)", a.Best)
	}
	if a.Latest.Source != SourceWorkout || a.Latest.Pain != 7 {
		t.Errorf("latest = %+v, want the workout reading", a.Latest)
	}
	if !a.HasUsual || a.Usual != 5 {
		t.Errorf("usual = %d (%v), want 5", a.Usual, a.HasUsual)
	}
}

func TestTrend(t *testing.T) {
	tests := []struct {
		name     string
		readings []Reading
		want     Trend
	}{
		{"nothing", nil, TrendNotEnoughData},
		{"two days only", dailies(t, 0, 6, 2), TrendNotEnoughData},
		{"falling steadily", dailies(t, 0, 6, 5, 5, 4, 3), TrendImproving},
		{"falls by exactly one point", dailies(t, 0, 5, 5, 4), TrendImproving},
		{"falls by less than one point", dailies(t, 0, 5, 5, 5, 4), TrendSteady},
		{"flat", dailies(t, 0, 4, 4, 4, 4), TrendSteady},
		{"rising", dailies(t, 0, 2, 3, 4, 5), TrendWorsening},
		{"several readings a day are averaged", join(dailies(t, 0, 5, 5, 5), []Reading{at(SourceManual, day(2).Add(time.Hour), 5)}), TrendSteady},
		{"workout readings do not count", join(dailies(t, 0, 4, 4, 4), []Reading{at(SourceWorkout, day(2).Add(time.Hour), 9), at(SourceAfterWorkout, day(2).Add(3*time.Hour), 8)}), TrendSteady},
		{"missed days are not zeros", join(dailies(t, 0, 5, 5, 5), dailies(t, 12, 5)), TrendSteady},
		{"missed days do not hide a rise", join(dailies(t, 0, 3, 3, 3), dailies(t, 12, 6)), TrendWorsening},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Assess(tt.readings, t0(), day(14)).Trend; got != tt.want {
				t.Errorf("trend = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMissedDaysDoNotLowerTheBest(t *testing.T) {
	a := Assess(join(dailies(t, 0, 6, 6), dailies(t, 10, 6)), t0(), day(11))
	if a.Best != 6 || a.Entries != 3 {
		t.Errorf("best %d from %d entries, want 6 from 3", a.Best, a.Entries)
	}
}

func TestAssessFeedback(t *testing.T) {
	baseline := func(p int) []Reading { return []Reading{at(SourceBaseline, day(0), p)} }
	tests := []struct {
		name     string
		readings []Reading
		now      time.Time
		want     AdviceKind
		redFlag  bool
	}{
		{"too early to tell", join(baseline(5), dailies(t, 1, 5)), day(1).Add(time.Hour), AdviceKeepGoing, false},
		{"steady", join(baseline(4), dailies(t, 1, 4, 4, 4)), day(3).Add(time.Hour), AdviceKeepGoing, false},
		{"improving", join(baseline(6), dailies(t, 1, 5, 4, 3)), day(3).Add(time.Hour), AdviceAddLoad, false},
		{"worsening", join(baseline(2), dailies(t, 1, 2, 3, 4)), day(3).Add(time.Hour), AdviceEaseOff, true},
		{"jump of exactly 3 over usual", join(baseline(3), dailies(t, 1, 3, 3, 6)), day(3).Add(time.Hour), AdviceBackOff, true},
		{"jump of 2 is not sudden", join(baseline(3), dailies(t, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5)), day(10).Add(time.Hour), AdviceKeepGoing, false},
		{"jump on a manual log", join(baseline(2), dailies(t, 1, 2, 2), []Reading{at(SourceManual, day(3), 7)}), day(3).Add(time.Hour), AdviceBackOff, true},
		{"jump over the baseline alone", []Reading{at(SourceBaseline, day(0), 1), at(SourceDaily, day(1), 4)}, day(1).Add(time.Hour), AdviceBackOff, true},
		{"raised workout reading is not a jump", join(baseline(2), dailies(t, 1, 2, 2, 2), []Reading{at(SourceWorkout, day(3).Add(time.Hour), 6)}), day(3).Add(2 * time.Hour), AdviceKeepGoing, false},
		{"high workout reading is high", join(baseline(2), dailies(t, 1, 2, 2, 2), []Reading{at(SourceWorkout, day(3).Add(time.Hour), 8)}), day(3).Add(2 * time.Hour), AdviceHigh, true},
		{"day 27 without a drop", join(baseline(5), dailies(t, 24, 5, 5, 5, 5)), day(27).Add(23 * time.Hour), AdviceKeepGoing, false},
		{"day 28 without a drop", join(baseline(5), dailies(t, 25, 5, 5, 5, 5)), day(28), AdviceSeeProfessional, true},
		{"day 28 down one point from 6", join(baseline(6), dailies(t, 25, 5, 5, 5, 5)), day(28), AdviceSeeProfessional, true},
		{"day 28 down exactly two points", join(baseline(6), dailies(t, 25, 4, 4, 4, 4)), day(28), AdviceAddLoad, false},
		{"day 28 down a third from 3", join(baseline(3), dailies(t, 25, 2, 2, 2, 2)), day(28), AdviceAddLoad, false},
		{"day 28 pain gone", join(baseline(4), dailies(t, 25, 0, 0, 0, 0)), day(28), AdviceAddLoad, false},
		{"day 28 with no recent reading claims nothing", join(baseline(5), dailies(t, 1, 5, 5, 5)), day(28), AdviceKeepGoing, false},
		{"no baseline compares with the first reading", dailies(t, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), day(28).Add(time.Hour), AdviceSeeProfessional, true},
		{"a jump outranks four weeks", join(baseline(5), dailies(t, 25, 5, 5, 5, 8)), day(28).Add(time.Hour), AdviceBackOff, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(tt.readings, t0(), tt.now)
			if a.Feedback.Kind != tt.want {
				t.Errorf("advice = %d, want %d: %q", a.Feedback.Kind, tt.want, a.Feedback.Message)
			}
			if a.Feedback.OfferRedFlagCheck != tt.redFlag {
				t.Errorf("offer red-flag check = %v, want %v", a.Feedback.OfferRedFlagCheck, tt.redFlag)
			}
			if a.Feedback.Message == "" || len(a.Feedback.Message) > 600 {
				t.Errorf("message must be 1-600 characters: %q", a.Feedback.Message)
			}
		})
	}
}

func TestAdviceSaysWhatToDo(t *testing.T) {
	tests := []struct {
		name     string
		readings []Reading
		now      time.Time
		want     []string
	}{
		{"improving says when to add load", dailies(t, 0, 6, 5, 4), day(2), []string{"6/10", "4/10", "add a little load"}},
		{"four weeks suggests a professional", join([]Reading{at(SourceBaseline, day(0), 5)}, dailies(t, 28, 5)), day(28), []string{"28 days", "physiotherapist", "red-flag check"}},
		{"jump suggests backing off", join([]Reading{at(SourceBaseline, day(0), 2)}, dailies(t, 1, 6)), day(1), []string{"6/10", "usual 2/10", "red-flag check"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := Assess(tt.readings, t0(), tt.now).Feedback.Message
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q: %q", w, msg)
				}
			}
		})
	}
}

func TestDaysSinceStartNeverNegative(t *testing.T) {
	if got := Assess(nil, t0(), t0().Add(-time.Hour)).DaysSinceStart; got != 0 {
		t.Errorf("DaysSinceStart before start = %d", got)
	}
}
