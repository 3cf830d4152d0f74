package redflag

import "testing"

// answerUpTo answers No to every question before id, then gives ans to id,
// going through Record so the flow's own rules are exercised.
func answerUpTo(t *testing.T, id string, ans Answer) Answers {
	t.Helper()
	var a Answers
	for {
		q, done := Next(a)
		if done {
			t.Fatalf("check finished before question %q was asked", id)
		}
		reply := AnswerNo
		if q.ID == id {
			reply = ans
		}
		var err error
		a, err = a.Record(q.ID, reply)
		if err != nil {
			t.Fatalf("record %s=%s: %v", q.ID, reply, err)
		}
		if q.ID == id {
			return a
		}
	}
}

// answerAll answers every question still asked, using the given replies by ID
// and No for the rest.
func answerAll(t *testing.T, replies map[string]Answer) Answers {
	t.Helper()
	var a Answers
	for {
		q, done := Next(a)
		if done {
			return a
		}
		reply, ok := replies[q.ID]
		if !ok {
			reply = AnswerNo
		}
		var err error
		a, err = a.Record(q.ID, reply)
		if err != nil {
			t.Fatalf("record %s=%s: %v", q.ID, reply, err)
		}
	}
}

func idsInGroup(t *testing.T, g Group) []string {
	t.Helper()
	var ids []string
	for _, q := range Questions() {
		if q.Group == g {
			ids = append(ids, q.ID)
		}
	}
	if len(ids) == 0 {
		t.Fatalf("no questions in group %d", g)
	}
	return ids
}
