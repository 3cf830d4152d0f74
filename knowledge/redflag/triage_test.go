package redflag

import (
	"slices"
	"testing"
)

// levelOf is the level a yes to id asks for: its group's, except for
// stable one-leg symptoms, which ask for a doctor within a day or two.
func levelOf(t *testing.T, id string) Level {
	t.Helper()
	if id == "one_leg" {
		return LevelWithinDays
	}
	q, _ := Lookup(id)
	switch q.Group {
	case GroupEmergency:
		return LevelEmergency
	case GroupSameDay:
		return LevelSameDay
	case GroupSeeSoon:
		return LevelSeeSoon
	}
	t.Fatalf("%s has no level", id)
	return 0
}

func TestOneSignAloneSetsItsLevel(t *testing.T) {
	for _, g := range []Group{GroupEmergency, GroupSameDay, GroupSeeSoon} {
		for _, id := range idsInGroup(t, g) {
			t.Run(id, func(t *testing.T) {
				got := Triage(answerAll(t, map[string]Answer{id: AnswerYes}))
				if want := levelOf(t, id); got.Level != want {
					t.Errorf("level = %v, want %v", got.Level, want)
				}
				if !slices.Equal(got.Triggers, []string{id}) {
					t.Errorf("triggers = %v, want [%s]", got.Triggers, id)
				}
				if got.CountedUnsure || got.LowMood || got.Crisis {
					t.Errorf("unexpected flags: %+v", got)
				}
			})
		}
	}
}

func TestAllNoIsSelfCare(t *testing.T) {
	got := Triage(answerAll(t, nil))
	if got.Level != LevelSelfCare || len(got.Triggers) != 0 || got.Top() != LevelSelfCare {
		t.Errorf("all no: %+v, want self-care with no triggers", got)
	}
}

func TestNotSureCountsAsYes(t *testing.T) {
	for _, g := range []Group{GroupEmergency, GroupSameDay, GroupSeeSoon} {
		for _, id := range idsInGroup(t, g) {
			t.Run(id, func(t *testing.T) {
				got := Triage(answerAll(t, map[string]Answer{id: AnswerNotSure}))
				if want := levelOf(t, id); got.Level != want || !got.CountedUnsure {
					t.Errorf("%s=not sure: level %v, counted unsure %v; want %v and true", id, got.Level, got.CountedUnsure, want)
				}
			})
		}
	}
}

func TestHighestLevelWins(t *testing.T) {
	tests := []struct {
		name    string
		replies map[string]Answer
		want    Level
	}{
		{"same day and see soon", map[string]Answer{"fever": AnswerYes, "below_knee": AnswerYes}, LevelSameDay},
		{"see soon and same day not sure", map[string]Answer{"night_pain": AnswerNotSure, "four_weeks": AnswerYes}, LevelSameDay},
		{"two see soon", map[string]Answer{"four_weeks": AnswerYes, "below_knee": AnswerYes}, LevelSeeSoon},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Triage(answerAll(t, tt.replies)); got.Level != tt.want {
				t.Errorf("level = %v, want %v", got.Level, tt.want)
			}
		})
	}
}

// One rule for leg symptoms (clinical-notes.md): worsening weakness, a
// dropping foot or anything in both legs is an emergency; stable numbness
// or mild weakness in one leg is a doctor within a day or two.
func TestOneLegRule(t *testing.T) {
	tests := []struct {
		name    string
		replies map[string]Answer
		want    Level
	}{
		{"stable one leg", map[string]Answer{"one_leg": AnswerYes}, LevelWithinDays},
		{"worsening, dropping foot or both legs", map[string]Answer{"both_legs": AnswerYes}, LevelEmergency},
		{"one leg with a same-day sign", map[string]Answer{"one_leg": AnswerYes, "fever": AnswerYes}, LevelSameDay},
		{"one leg outranks see-soon", map[string]Answer{"one_leg": AnswerYes, "below_knee": AnswerYes}, LevelWithinDays},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Triage(answerAll(t, tt.replies)); got.Level != tt.want {
				t.Errorf("level = %v, want %v", got.Level, tt.want)
			}
		})
	}
}

func TestEmergencyOutranksEarlierSameDayAnswers(t *testing.T) {
	got := Triage(Answers{{"fever", AnswerYes}, {"trauma", AnswerYes}})
	if got.Level != LevelEmergency || !slices.Equal(got.Triggers, []string{"fever", "trauma"}) {
		t.Errorf("got %+v, want emergency triggered by fever and trauma", got)
	}
}

func TestLowMoodIsNotedWithoutRaisingTheLevel(t *testing.T) {
	tests := []struct {
		name    string
		replies map[string]Answer
		want    Level
	}{
		{"alone", map[string]Answer{"low_mood": AnswerYes}, LevelSelfCare},
		{"not sure", map[string]Answer{"low_mood": AnswerNotSure}, LevelSelfCare},
		{"with see soon", map[string]Answer{"low_mood": AnswerYes, "four_weeks": AnswerYes}, LevelSeeSoon},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Triage(answerAll(t, tt.replies))
			if !got.LowMood || got.Crisis || got.Level != tt.want {
				t.Errorf("got %+v, want low mood at %v without crisis", got, tt.want)
			}
		})
	}
}

func TestCrisisAnswerRaisesCrisis(t *testing.T) {
	tests := []struct {
		name    string
		replies map[string]Answer
		level   Level
	}{
		{"alone", map[string]Answer{"low_mood": AnswerCrisis}, LevelSelfCare},
		{"with same day", map[string]Answer{"fever": AnswerYes, "low_mood": AnswerCrisis}, LevelSameDay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Triage(answerAll(t, tt.replies))
			if !got.Crisis || got.Top() != LevelCrisis || got.Level != tt.level {
				t.Errorf("got %+v (top %v), want crisis over %v", got, got.Top(), tt.level)
			}
		})
	}
}

func TestCrisisKeepsAnEmergencyVisible(t *testing.T) {
	a := Answers{{"saddle", AnswerYes}, {"low_mood", AnswerCrisis}}
	got := Triage(a)
	if got.Level != LevelEmergency || !got.Crisis {
		t.Errorf("got %+v, want emergency level and crisis together", got)
	}
}

func TestLevelNamesSurviveStorage(t *testing.T) {
	want := map[Level]string{
		LevelEmergency:  "emergency",
		LevelSameDay:    "same_day",
		LevelSeeSoon:    "see_soon",
		LevelWithinDays: "within_days",
		LevelSelfCare:   "self_care",
		LevelCrisis:     "crisis",
	}
	for l, name := range want {
		if l.String() != name {
			t.Errorf("%d.String() = %q, want %q", int(l), l.String(), name)
		}
		if got, err := ParseLevel(name); err != nil || got != l {
			t.Errorf("ParseLevel(%q) = %v, %v", name, got, err)
		}
	}
	for _, bad := range []string{"", "Emergency", "urgent", "Level(0)"} {
		if _, err := ParseLevel(bad); err == nil {
			t.Errorf("ParseLevel(%q) succeeded", bad)
		}
	}
}
