package redflag

import (
	"errors"
	"slices"
	"testing"
)

func TestNextAsksEveryQuestionInOrderWhenAllAreNo(t *testing.T) {
	var asked []string
	var a Answers
	for {
		q, done := Next(a)
		if done {
			break
		}
		asked = append(asked, q.ID)
		var err error
		if a, err = a.Record(q.ID, AnswerNo); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	for _, q := range Questions() {
		want = append(want, q.ID)
	}
	if !slices.Equal(asked, want) {
		t.Errorf("asked %v, want %v", asked, want)
	}
}

func TestEmergencySignEndsTheCheckAtOnce(t *testing.T) {
	for _, id := range idsInGroup(t, GroupEmergency) {
		for _, ans := range []Answer{AnswerYes, AnswerNotSure} {
			t.Run(id+"="+ans.Label(), func(t *testing.T) {
				a := answerUpTo(t, id, ans)
				if q, done := Next(a); !done {
					t.Errorf("after %s=%s the check asks %s, want it to stop", id, ans.Label(), q.ID)
				}
			})
		}
	}
}

func TestSameDayAndSeeSoonSignsKeepTheCheckGoing(t *testing.T) {
	ids := append(idsInGroup(t, GroupSameDay), idsInGroup(t, GroupSeeSoon)...)
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			a := answerUpTo(t, id, AnswerYes)
			if _, done := Next(a); done {
				t.Errorf("check stopped after %s=yes; the mood question must still be asked", id)
			}
		})
	}
}

func TestRecordRejectsClicksThatDoNotFit(t *testing.T) {
	started := answerUpTo(t, "saddle", AnswerNo)
	finished := answerUpTo(t, "bladder", AnswerYes)
	tests := []struct {
		name string
		from Answers
		id   string
		ans  Answer
		want error
	}{
		{"old button for an answered question", started, "saddle", AnswerYes, ErrNotCurrent},
		{"button for a later question", started, "fever", AnswerYes, ErrNotCurrent},
		{"click after the check ended", finished, "bowel", AnswerNo, ErrFinished},
		{"crisis answer on a body question", started, "bladder", AnswerCrisis, ErrNotOffered},
		{"made-up answer", started, "bladder", Answer("x"), ErrNotOffered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.from.Record(tt.id, tt.ans)
			if !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
			if !slices.Equal(got, tt.from) {
				t.Errorf("answers changed to %v on a rejected click", got)
			}
		})
	}
}

func TestBackAsksTheLastQuestionAgain(t *testing.T) {
	a := answerUpTo(t, "bowel", AnswerNo)
	back := a.Back()
	if q, _ := Next(back); q.ID != "bowel" {
		t.Errorf("after Back the check asks %q, want bowel again", q.ID)
	}
	if len(back) != len(a)-1 {
		t.Errorf("Back left %d answers, want %d", len(back), len(a)-1)
	}
	changed, err := back.Record("bowel", AnswerYes)
	if err != nil {
		t.Fatal(err)
	}
	if a[len(a)-1].Answer != AnswerNo || changed[len(changed)-1].Answer != AnswerYes {
		t.Errorf("re-answering after Back changed the earlier record: before %v, after %v", a, changed)
	}
}

func TestBackUndoesAnEmergencyStop(t *testing.T) {
	a := answerUpTo(t, "saddle", AnswerYes)
	if q, done := Next(a.Back()); done || q.ID != "saddle" {
		t.Errorf("Back after saddle=yes: Next = %q, done %v; want saddle asked again", q.ID, done)
	}
}

func TestBackWithNoAnswersStaysEmpty(t *testing.T) {
	if got := Answers(nil).Back(); len(got) != 0 {
		t.Errorf("Back on no answers = %v", got)
	}
}

func TestScreensAskEmergenciesAloneThenOneChecklistPerGroup(t *testing.T) {
	var got []string
	for _, s := range Screens() {
		id := s.ID
		if s.Checklist {
			id += "[]"
		}
		got = append(got, id)
	}
	want := []string{"saddle", "bladder", "bowel", "sexual", "both_legs", "trauma", "cancer_legs", "dark_pee", "sudden_pain", "same_day[]", "see_soon[]", "low_mood"}
	if !slices.Equal(got, want) {
		t.Errorf("screens %v, want %v", got, want)
	}
	var all []string
	for _, s := range Screens() {
		for _, q := range s.Questions {
			all = append(all, q.ID)
		}
	}
	var every []string
	for _, q := range Questions() {
		every = append(every, q.ID)
	}
	if !slices.Equal(all, every) {
		t.Errorf("the screens ask %v, want every question once in order %v", all, every)
	}
}

// An all-clear run is 12 taps: No on each of the 9 emergency screens, None
// of these on the 2 checklists, No on the mood question. It was 19, one per
// question.
func TestAnAllClearRunTakesTwelveTaps(t *testing.T) {
	var a Answers
	taps := 0
	for {
		s, step, done := NextScreen(a)
		if done {
			break
		}
		taps++
		if step != taps {
			t.Errorf("screen %s says step %d, want %d", s.ID, step, taps)
		}
		var err error
		if s.Checklist {
			a, err = a.RecordTicked(s.ID, nil)
		} else {
			a, err = a.Record(s.Questions[0].ID, AnswerNo)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if taps != 12 || taps != len(Screens()) {
		t.Errorf("an all-clear run took %d taps, want 12 (%d screens)", taps, len(Screens()))
	}
	if len(a) != len(Questions()) {
		t.Errorf("%d answers recorded, want one for each of the %d questions", len(a), len(Questions()))
	}
	if got := Triage(a); got.Level != LevelSelfCare || len(got.Triggers) != 0 {
		t.Errorf("all clear: %+v", got)
	}
}

func TestRecordTickedAnswersTheWholeChecklist(t *testing.T) {
	a := answerUpTo(t, "sudden_pain", AnswerNo)
	s, _, _ := NextScreen(a)
	if s.ID != "same_day" || !s.Checklist || len(s.Questions) != len(idsInGroup(t, GroupSameDay)) {
		t.Fatalf("after the emergency questions the check shows %+v", s)
	}
	got, err := a.RecordTicked("same_day", []string{"one_leg", "fever"})
	if err != nil {
		t.Fatal(err)
	}
	added := got[len(a):]
	if len(added) != len(s.Questions) {
		t.Fatalf("recorded %d answers for %d items", len(added), len(s.Questions))
	}
	for i, step := range added {
		want := AnswerNo
		if step.QuestionID == "fever" || step.QuestionID == "one_leg" {
			want = AnswerYes
		}
		if step.QuestionID != s.Questions[i].ID || step.Answer != want {
			t.Errorf("answer %d = %+v, want %s=%s", i, step, s.Questions[i].ID, want)
		}
	}
	if next, _, _ := NextScreen(got); next.ID != "see_soon" {
		t.Errorf("after the same-day checklist the check shows %s, want see_soon", next.ID)
	}
}

func TestRecordTickedRejectsTicksThatDoNotFit(t *testing.T) {
	atSameDay := answerUpTo(t, "sudden_pain", AnswerNo)
	finished := answerUpTo(t, "saddle", AnswerYes)
	tests := []struct {
		name   string
		from   Answers
		screen string
		ticked []string
		want   error
	}{
		{"a later checklist", atSameDay, "see_soon", nil, ErrNotCurrent},
		{"a single question by its ID", answerUpTo(t, "saddle", AnswerNo), "bladder", nil, ErrNotCurrent},
		{"an item from another checklist", atSameDay, "same_day", []string{"four_weeks"}, ErrNotOffered},
		{"an emergency question", atSameDay, "same_day", []string{"saddle"}, ErrNotOffered},
		{"ticked twice", atSameDay, "same_day", []string{"fever", "fever"}, ErrNotOffered},
		{"after the check ended", finished, "same_day", nil, ErrFinished},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.from.RecordTicked(tt.screen, tt.ticked)
			if !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
			if !slices.Equal(got, tt.from) {
				t.Errorf("answers changed to %v on a rejected tick", got)
			}
		})
	}
}

func TestBackFromAChecklistShowsTheWholeChecklistAgain(t *testing.T) {
	a := answerUpTo(t, "sudden_pain", AnswerNo)
	a, err := a.RecordTicked("same_day", []string{"night_pain"})
	if err != nil {
		t.Fatal(err)
	}
	a, err = a.RecordTicked("see_soon", nil)
	if err != nil {
		t.Fatal(err)
	}
	back := a.Back()
	if s, _, _ := NextScreen(back); s.ID != "see_soon" || len(s.Questions) != len(idsInGroup(t, GroupSeeSoon)) {
		t.Errorf("Back from the mood question shows %s with %d items, want the whole see-soon checklist", s.ID, len(s.Questions))
	}
	back = back.Back()
	if s, _, _ := NextScreen(back); s.ID != "same_day" || len(s.Questions) != len(idsInGroup(t, GroupSameDay)) {
		t.Errorf("second Back shows %s with %d items, want the whole same-day checklist", s.ID, len(s.Questions))
	}
	if s, _, _ := NextScreen(back.Back()); s.ID != "sudden_pain" {
		t.Errorf("third Back shows %s, want the last emergency question", s.ID)
	}
}

// A check left open before the new questions were added carries on: the
// new emergency questions are asked before anything else, then only the
// checklist items not answered yet.
func TestAnOpenCheckFromBeforeTheChangeAsksTheNewQuestionsFirst(t *testing.T) {
	old, err := ParseAnswers("saddle=n,bladder=n,bowel=n,sexual=n,both_legs=n,trauma=n,cancer_legs=n,fever=n,infection=u")
	if err != nil {
		t.Fatal(err)
	}
	if s, _, _ := NextScreen(old); s.ID != "dark_pee" {
		t.Fatalf("the open check asks %s next, want dark_pee", s.ID)
	}
	a, err := old.Record("dark_pee", AnswerNo)
	if err == nil {
		a, err = a.Record("sudden_pain", AnswerNo)
	}
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ := NextScreen(a)
	if s.ID != "same_day" || slices.ContainsFunc(s.Questions, func(q Question) bool { return q.ID == "fever" || q.ID == "infection" }) {
		t.Errorf("the checklist asks again what was answered: %+v", s)
	}
	if got := Triage(answerRest(t, a)); got.Level != LevelSameDay || !got.CountedUnsure {
		t.Errorf("the old Not sure was lost: %+v", got)
	}
}

// answerRest answers every screen still shown with No or None of these.
func answerRest(t *testing.T, a Answers) Answers {
	t.Helper()
	for {
		s, _, done := NextScreen(a)
		if done {
			return a
		}
		var err error
		if s.Checklist {
			a, err = a.RecordTicked(s.ID, nil)
		} else {
			a, err = a.Record(s.Questions[0].ID, AnswerNo)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
