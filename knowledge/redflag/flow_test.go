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
