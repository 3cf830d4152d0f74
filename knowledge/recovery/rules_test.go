package recovery

import (
	"strings"
	"testing"
	"time"
)

// The absolute rules of clinical-notes.md ("The rule of twos and pain
// monitoring") for daily and logged readings, and the cases that must stay
// as they were.
func TestAssessAbsoluteRules(t *testing.T) {
	baseline := func(p int) []Reading { return []Reading{at(SourceBaseline, day(0), p)} }
	tests := []struct {
		name     string
		readings []Reading
		now      time.Time
		want     AdviceKind
		redFlag  bool
		contains []string
		lacks    []string
	}{
		// New rules.
		{name: "a 7 two points over a usual 5 is high", readings: join(baseline(5), dailies(t, 1, 5, 5, 7)), now: day(3).Add(time.Hour),
			want: AdviceHigh, redFlag: true, contains: []string{"7/10 is high pain", "doctor today"}, lacks: []string{"about the same"}},
		{name: "a logged 8 two over a usual 6 is high", readings: join(baseline(6), dailies(t, 1, 6, 6), []Reading{at(SourceManual, day(3), 8)}), now: day(3).Add(time.Hour),
			want: AdviceHigh, redFlag: true, contains: []string{"8/10 is high pain"}},
		{name: "steady severe pain that does not ease needs a doctor today", readings: join(baseline(8), dailies(t, 1, 8, 7, 8)), now: day(3).Add(time.Hour),
			want: AdviceSeeDoctorToday, redFlag: true, contains: []string{"doctor today", "8/10", "red-flag check"}},
		{name: "severe usual level that eased with rest is not 'today'", readings: join(baseline(8), dailies(t, 1, 8, 8, 3)), now: day(3).Add(time.Hour),
			want: AdviceAddLoad, contains: []string{"8/10 when you started", "3/10 in your latest"}},
		{name: "a fresh rise overrides a falling trend", readings: join(baseline(6), dailies(t, 1, 5, 4, 3, 4)), now: day(4).Add(time.Hour),
			want: AdviceHold, contains: []string{"went up, from 3/10 to 4/10", "rather than adding load"}, lacks: []string{"Nice", "add a little load", "trending down"}},
		{name: "a falling trend quotes the member's readings, not the fitted line", readings: join(baseline(5), dailies(t, 1, 6, 2, 2)), now: day(3).Add(time.Hour),
			want: AdviceAddLoad, contains: []string{"5/10 when you started", "2/10 in your latest"}, lacks: []string{"6/10"}},
		{name: "four weeks at a steady 2 is not a referral", readings: join(baseline(2), dailies(t, 25, 2, 2, 2, 2)), now: day(28),
			want: AdviceKeepGoing, lacks: []string{"physiotherapist", "doctor"}},
		{name: "four weeks at a steady 1 is not a referral", readings: join(baseline(1), dailies(t, 25, 1, 1, 1, 1)), now: day(28),
			want: AdviceKeepGoing, lacks: []string{"physiotherapist", "doctor"}},
		// Cases that must stay as they are.
		{name: "four weeks at a steady 3 still suggests a professional", readings: join(baseline(3), dailies(t, 25, 3, 3, 3, 3)), now: day(28),
			want: AdviceSeeProfessional, redFlag: true, contains: []string{"your doctor (GP or family doctor) or a physiotherapist", "3/10 at the start", "3/10 lately"}},
		{name: "a jump of 3 still means backing off", readings: join(baseline(3), dailies(t, 1, 3, 3, 6)), now: day(3).Add(time.Hour),
			want: AdviceBackOff, redFlag: true, contains: []string{"6/10 against your usual 3/10"}},
		{name: "a jump to 7 is a jump first", readings: join(baseline(3), dailies(t, 1, 3, 3, 7)), now: day(3).Add(time.Hour),
			want: AdviceBackOff, redFlag: true, contains: []string{"big jump"}},
		{name: "a steady 6 is steady", readings: join(baseline(6), dailies(t, 1, 6, 6, 6)), now: day(3).Add(time.Hour),
			want: AdviceKeepGoing, contains: []string{"about the same"}},
		{name: "a falling trend with no rise still earns praise", readings: join(baseline(6), dailies(t, 1, 5, 4, 3)), now: day(3).Add(time.Hour),
			want: AdviceAddLoad, contains: []string{"Nice work", "6/10 when you started", "3/10 in your latest"}},
		{name: "a flat last reading on a falling trend is not a rise", readings: join(baseline(6), dailies(t, 1, 5, 4, 3, 3)), now: day(4).Add(time.Hour),
			want: AdviceAddLoad},
		{name: "rising pain still means easing off", readings: join(baseline(2), dailies(t, 1, 2, 3, 4)), now: day(3).Add(time.Hour),
			want: AdviceEaseOff, redFlag: true},
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
			for _, w := range tt.contains {
				if !strings.Contains(a.Feedback.Message, w) {
					t.Errorf("message lacks %q: %q", w, a.Feedback.Message)
				}
			}
			for _, w := range tt.lacks {
				if strings.Contains(a.Feedback.Message, w) {
					t.Errorf("message says %q: %q", w, a.Feedback.Message)
				}
			}
			if n := len([]rune(a.Feedback.Message)); n == 0 || n > 600 {
				t.Errorf("message is %d characters", n)
			}
		})
	}
}

// A reading of 7 or more is never praised or called fine, whatever came
// before it and however it was taken.
func TestNoReadingOfSevenOrMoreIsReassured(t *testing.T) {
	histories := map[string][]Reading{
		"usual 0":          join([]Reading{at(SourceBaseline, day(0), 0)}, dailies(t, 1, 0, 0)),
		"usual 5":          join([]Reading{at(SourceBaseline, day(0), 5)}, dailies(t, 1, 5, 5)),
		"usual 7":          join([]Reading{at(SourceBaseline, day(0), 7)}, dailies(t, 1, 7, 7)),
		"falling from 9":   join([]Reading{at(SourceBaseline, day(0), 9)}, dailies(t, 1, 9, 8, 7)),
		"with a workout":   join([]Reading{at(SourceBaseline, day(0), 4)}, dailies(t, 1, 4, 4), []Reading{at(SourceWorkout, day(2).Add(12*time.Hour), 5)}),
		"four weeks at 6":  join([]Reading{at(SourceBaseline, day(0), 6)}, dailies(t, 25, 6, 6)),
		"nothing recorded": nil,
	}
	session := day(2).Add(12 * time.Hour)
	for name, history := range histories {
		for src := SourceBaseline; src <= SourceManual; src++ {
			for pain := HighPain; pain <= 10; pain++ {
				when := day(3)
				if src == SourceAfterWorkout {
					when = session.Add(time.Hour)
				}
				m := Feedback(at(src, when, pain), history, t0(), when)
				for _, bad := range []string{"handling this load", "Nice work", "add a little load", "about the same"} {
					if strings.Contains(m.Text, bad) {
						t.Errorf("%s, %v %d/10: %q", name, src, pain, m.Text)
					}
				}
				if !m.OfferRedFlagCheck || strings.Contains(m.Text, "can't compare") {
					t.Errorf("%s, %v %d/10 does not offer the red-flag check: %q", name, src, pain, m.Text)
				}
			}
		}
	}
}
