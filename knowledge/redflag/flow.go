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
