package redflag

// Outcome is the result of the check.
type Outcome struct {
	// Level is the most urgent level any answer asked for; it is never
	// LevelCrisis, which is carried by Crisis so an emergency is not hidden.
	Level Level
	// Triggers lists the IDs of the questions answered Yes, Not sure or with
	// the crisis answer, in the order they were answered.
	Triggers []string
	// CountedUnsure is true when a "Not sure" answer was counted as a yes.
	CountedUnsure bool
	// LowMood is true when the mood question was answered with anything but No.
	LowMood bool
	// Crisis is true when the member said they have had thoughts of harming
	// themselves; crisis lines are shown whatever the Level.
	Crisis bool
}

// Top returns the single most urgent result, for storage and counting:
// LevelCrisis when Crisis is set, otherwise Level.
func (o Outcome) Top() Level {
	if o.Crisis {
		return LevelCrisis
	}
	return o.Level
}

// Triage turns answers into an outcome: the highest level any yes asks for
// wins, a "Not sure" counts as a yes, and low mood is noted without raising
// the level. Unknown question IDs are ignored; ParseAnswers keeps them out.
func Triage(answers Answers) Outcome {
	out := Outcome{Level: LevelSelfCare}
	for _, s := range answers {
		q, ok := Lookup(s.QuestionID)
		if !ok || !s.Answer.countsAsYes() {
			continue
		}
		out.Triggers = append(out.Triggers, q.ID)
		if s.Answer == AnswerNotSure {
			out.CountedUnsure = true
		}
		if q.Group == GroupMood {
			out.LowMood = true
			out.Crisis = out.Crisis || s.Answer == AnswerCrisis
		}
		out.Level = max(out.Level, q.level())
	}
	return out
}
