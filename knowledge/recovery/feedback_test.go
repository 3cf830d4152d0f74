package recovery

import (
	"strings"
	"testing"
	"time"
)

func TestFeedbackAfterACheckIn(t *testing.T) {
	usual3 := join([]Reading{at(SourceBaseline, day(0), 3)}, dailies(t, 1, 3, 3))
	session := day(3).Add(18 * time.Hour)
	workout := at(SourceWorkout, session, 6)
	tests := []struct {
		name     string
		reading  Reading
		history  []Reading
		now      time.Time
		contains []string
		redFlag  bool
	}{
		{"baseline", at(SourceBaseline, day(0), 4), nil, day(0), []string{"Recorded: 4/10", "starting point"}, false},
		{"workout rise is expected to settle", workout, usual3, session, []string{"Recorded: 6/10", "check again"}, false},
		{"workout reading close to usual", at(SourceWorkout, session, 4), usual3, session, []string{"within 2 points"}, false},
		{"after workout exactly 2 points up past 2 h", at(SourceAfterWorkout, session.Add(2*time.Hour+10*time.Minute), 5), append(usual3, workout), session.Add(3 * time.Hour), []string{"more than 2 hours", "rule of thumb"}, true},
		{"after workout at exactly 2 h", at(SourceAfterWorkout, session.Add(2*time.Hour), 5), append(usual3, workout), session.Add(2 * time.Hour), []string{"check again"}, false},
		{"after workout settled", at(SourceAfterWorkout, session.Add(2*time.Hour+time.Minute), 4), append(usual3, workout), session.Add(3 * time.Hour), []string{"within 2 points"}, false},
		{"after workout with no workout reading", at(SourceAfterWorkout, session.Add(2*time.Hour), 6), usual3, session.Add(2 * time.Hour), []string{"3 points above"}, true},
		{"after workout whose session was yesterday", at(SourceAfterWorkout, session.Add(20*time.Hour), 6), append(usual3, workout), session.Add(20 * time.Hour), []string{"3 points above"}, true},
		{"workout with no usual level yet", at(SourceWorkout, day(0), 6), nil, day(0), []string{"don't know your usual level"}, false},
		{"high workout with no usual level yet", at(SourceWorkout, day(0), 7), nil, day(0), []string{"7/10 is high pain"}, true},
		{"very high workout with no usual level yet", at(SourceWorkout, day(0), 9), nil, day(0), []string{"9/10 is very high pain", "Stop training for today"}, true},
		{"daily jump", at(SourceDaily, day(4), 7), usual3, day(4), []string{"Recorded: 7/10 (daily check-in)", "big jump", "red-flag check"}, true},
		{"daily improving", at(SourceDaily, day(4), 1), join([]Reading{at(SourceBaseline, day(0), 5)}, dailies(t, 1, 4, 3, 2)), day(4), []string{"trending down", "add a little load"}, false},
		{"manual log", at(SourceManual, day(3).Add(time.Hour), 3), usual3, day(3).Add(time.Hour), []string{"(logged by you)", "about the same"}, false},
		{"after workout at four weeks", at(SourceAfterWorkout, day(30).Add(2*time.Hour), 5), join([]Reading{at(SourceBaseline, day(0), 5)}, dailies(t, 27, 5, 5, 5), []Reading{at(SourceWorkout, day(30), 6)}), day(30).Add(2 * time.Hour), []string{"within 2 points", "physiotherapist"}, true},
		{"out-of-range rating", at(SourceDaily, day(1), 12), nil, day(1), []string{"0 (none) to 10"}, false},
		{"high baseline", at(SourceBaseline, day(0), 8), nil, day(0), []string{"starting point", "8/10 is high pain", "doctor today"}, true},
		{"jump of 4 right after training stops training", at(SourceWorkout, session, 7), usual3, session, []string{"Stop training for today", "red-flag check now"}, true},
		{"to 8 right after training stops training", at(SourceWorkout, session, 8), join([]Reading{at(SourceBaseline, day(0), 6)}, dailies(t, 1, 6, 6)), session, []string{"Stop training for today", "8/10"}, true},
		{"after workout 7 over a usual 6 is high", at(SourceAfterWorkout, session.Add(3*time.Hour), 7), append(join([]Reading{at(SourceBaseline, day(0), 6)}, dailies(t, 1, 6, 6)), at(SourceWorkout, session, 7)), session.Add(3 * time.Hour), []string{"high pain, whatever your usual level"}, true},
		{"workout at a severe usual level", at(SourceWorkout, session, 7), join([]Reading{at(SourceBaseline, day(0), 7)}, dailies(t, 1, 7, 7)), session, []string{"usual level lately is 7/10", "doctor today"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Feedback(tt.reading, tt.history, t0(), tt.now)
			for _, want := range tt.contains {
				if !strings.Contains(m.Text, want) {
					t.Errorf("text lacks %q: %q", want, m.Text)
				}
			}
			if m.OfferRedFlagCheck != tt.redFlag {
				t.Errorf("offer red-flag check = %v, want %v: %q", m.OfferRedFlagCheck, tt.redFlag, m.Text)
			}
			if n := len([]rune(m.Text)); n > 600 {
				t.Errorf("text is %d characters, want at most 600: %q", n, m.Text)
			}
		})
	}
}

func TestFeedbackCountsAReadingAlreadyInTheHistoryOnce(t *testing.T) {
	history := join([]Reading{at(SourceBaseline, day(0), 2)}, dailies(t, 1, 2, 2))
	r := at(SourceDaily, day(3), 4)
	without := Feedback(r, history, t0(), day(3))
	with := Feedback(r, append(history, r), t0(), day(3))
	if without != with {
		t.Errorf("feedback differs when the history already holds the reading:\n%q\n%q", without.Text, with.Text)
	}
}

func TestFeedbackTextsStayPlainAndShort(t *testing.T) {
	banned := []string{"ibuprofen", "paracetamol", "acetaminophen", "painkiller", "tablet", "dose", "mg", "you have a", "disc", "strain", "injury"}
	history := join([]Reading{at(SourceBaseline, day(0), 3)}, dailies(t, 1, 3, 3))
	for src := SourceBaseline; src <= SourceManual; src++ {
		for pain := 0; pain <= 10; pain++ {
			for _, now := range []time.Time{day(3).Add(4 * time.Hour), day(40)} {
				m := Feedback(at(src, now, pain), history, t0(), now)
				lower := strings.ToLower(m.Text)
				if len([]rune(m.Text)) > 600 {
					t.Errorf("%v %d: %d characters: %q", src, pain, len(m.Text), m.Text)
				}
				for _, b := range banned {
					if strings.Contains(lower, b) {
						t.Errorf("%v %d mentions %q: %q", src, pain, b, m.Text)
					}
				}
			}
		}
	}
}
