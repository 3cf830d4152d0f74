package redflag

// Next returns the first question in the set that has not been answered.
// done is true once every question is answered, or as soon as any emergency
// question is answered Yes or Not sure: nothing else matters then, and the
// member should be on their way to help rather than reading more questions.
func Next(answers Answers) (q Question, done bool) {
	answered := make(map[string]bool, len(answers))
	for _, s := range answers {
		answered[s.QuestionID] = true
		if asked, ok := Lookup(s.QuestionID); ok && asked.Group == GroupEmergency && s.Answer.countsAsYes() {
			return Question{}, true
		}
	}
	for _, q := range Questions() {
		if !answered[q.ID] {
			return q, false
		}
	}
	return Question{}, true
}

// Screen is what the member sees at one step of the check: one question, or
// a checklist of the questions of one group ("tick any that apply").
type Screen struct {
	// ID names the screen in custom_ids: the question's ID for a single
	// question, the group's name ("same_day", "see_soon") for a checklist.
	ID string
	// Questions are the questions on the screen, in the order asked.
	Questions []Question
	// Checklist is true when the questions are asked as "tick any that apply".
	Checklist bool
}

// Screens returns every screen of a check that is answered to the end, in
// order: each emergency question alone, then one checklist per checklist
// group, then the mood question.
func Screens() []Screen {
	var out []Screen
	for _, q := range Questions() {
		if !q.Group.Checklist() {
			out = append(out, Screen{ID: q.ID, Questions: []Question{q}})
			continue
		}
		if n := len(out); n > 0 && out[n-1].ID == q.Group.screenID() {
			out[n-1].Questions = append(out[n-1].Questions, q)
			continue
		}
		out = append(out, Screen{ID: q.Group.screenID(), Questions: []Question{q}, Checklist: true})
	}
	return out
}

// NextScreen returns the screen that asks the first unanswered question (see
// Next): that question alone, or, for a checklist group, every question of
// the group not answered yet. Step counts the screen's place among Screens,
// from 1, so the member sees how far they are.
func NextScreen(answers Answers) (s Screen, step int, done bool) {
	q, done := Next(answers)
	if done {
		return Screen{}, 0, true
	}
	id := q.ID
	if q.Group.Checklist() {
		id = q.Group.screenID()
	}
	for i, s := range Screens() {
		if s.ID != id {
			continue
		}
		if !s.Checklist {
			return s, i + 1, false
		}
		answered := answers.ids()
		open := Screen{ID: s.ID, Checklist: true}
		for _, q := range s.Questions {
			if !answered[q.ID] {
				open.Questions = append(open.Questions, q)
			}
		}
		return open, i + 1, false
	}
	// Unreachable: every question is on a screen.
	return Screen{ID: q.ID, Questions: []Question{q}}, 0, false
}

func (a Answers) ids() map[string]bool {
	out := make(map[string]bool, len(a))
	for _, s := range a {
		out[s.QuestionID] = true
	}
	return out
}
