package knowledge

// The safety layer reads every question before the ranker does. If the
// question describes a possible emergency (cauda equina signs, both legs
// weak or numb, rapidly worsening weakness, a serious accident, cancer with
// new leg symptoms) or suicide or self-harm, that decides the answer and no
// ranking can override it.
//
// Both can be true at once: the result is then an emergency whose card also
// carries the crisis lines, because the emergency number is the right first
// call in both situations and the crisis lines follow straight after.

// safetyRule names the rule that made a question urgent, for tests and logs.
type safetyRule string

const (
	ruleSaddleNumbness safetyRule = "numbness in the saddle area"
	ruleBladderBowel   safetyRule = "bladder or bowel change"
	ruleSexual         safetyRule = "new sexual problem"
	ruleBothLegs       safetyRule = "both legs weak or numb"
	ruleWorsening      safetyRule = "rapidly worsening leg weakness"
	ruleTrauma         safetyRule = "serious accident or fall"
	ruleCancer         safetyRule = "cancer history with new leg symptoms"
)

// safetyVerdict is what the safety layer found in one question.
type safetyVerdict struct {
	emergency safetyRule // empty when no emergency rule matched
	crisis    bool
}

// safety holds the compiled lexicons.
type safety struct {
	concepts   *phraseSet // labelled by concept
	crisis     *phraseSet
	exclusions *phraseSet
	dict       *typoDict
	known      func(string) bool
	negators   map[string]bool
	hedges     map[string]bool
	stops      map[string]bool
}

// newSafety compiles the lexicons. known reports words that are spelt
// correctly (they are never "corrected" into a lexicon word).
func newSafety(known func(string) bool) *safety {
	s := &safety{
		crisis:     compilePhrases(crisisPatterns()),
		exclusions: compilePhrases(exclusionPatterns()),
		known:      known,
		negators:   wordSet(negators()),
		hedges:     wordSet(hedges()),
		stops:      wordSet(negationStops()),
	}
	groups := conceptPatterns()
	s.concepts = compileGroups(groups[:])
	s.dict = newTypoDict(append(s.crisis.vocabulary(), s.concepts.vocabulary()...))
	return s
}

// check runs every rule over the question's tokens.
func (s *safety) check(raw []string) safetyVerdict {
	toks := s.canonical(raw)
	var v safetyVerdict
	v.crisis = s.crisis.contains(toks)

	var found [numConcepts]bool
	trigger := make([]bool, len(toks))
	type span struct {
		c          concept
		start, end int
	}
	spans := make([]span, 0, 8)
	s.concepts.find(toks, func(c, start, end int) {
		spans = append(spans, span{concept(c), start, end})
		for i := start; i <= end; i++ {
			trigger[i] = true
		}
	})
	for _, sp := range spans {
		if !s.negated(toks, trigger, sp.start) {
			found[sp.c] = true
		}
	}
	v.emergency = emergencyRule(found)
	return v
}

// emergencyRule combines the concepts found into the first emergency rule
// that applies, or "".
func emergencyRule(f [numConcepts]bool) safetyRule {
	numb := f[conceptNumb]
	weakOrNumb := f[conceptWeak] || numb || f[conceptGivingWay]
	switch {
	case numb && f[conceptSaddle]:
		return ruleSaddleNumbness
	case numb && f[conceptButt] && !f[conceptOneSide] && !f[conceptSitting]:
		// Numb buttocks on both sides, not explained by a long sit.
		return ruleSaddleNumbness
	case f[conceptBladderBowel]:
		return ruleBladderBowel
	case f[conceptSexual], numb && f[conceptSex]:
		return ruleSexual
	case f[conceptBothLegs] && weakOrNumb, f[conceptLegs] && (numb || f[conceptGivingWay]):
		return ruleBothLegs
	case f[conceptFootDrop], f[conceptWeak] && f[conceptWorsening] && f[conceptLegPart]:
		return ruleWorsening
	case f[conceptTrauma]:
		return ruleTrauma
	case f[conceptCancer] && weakOrNumb:
		return ruleCancer
	}
	return ""
}

// canonical blanks out look-alike phrases and corrects misspelt words to
// the lexicon word they were meant to be ("numbnes", "sucidal").
func (s *safety) canonical(raw []string) []string {
	toks := make([]string, len(raw))
	for i, t := range raw {
		toks[i] = t
		if t == clauseBreak || s.known(t) {
			continue
		}
		if c := s.dict.correct(t); c != "" {
			toks[i] = c
		}
	}
	return s.exclusions.blank(toks)
}

// negated reports whether a negator denies the match starting at start:
// "no numbness", "don't have any groin numbness or bladder problems". It
// looks back at most three ordinary words, skipping little words and the
// words of matches (so the "no" of "no feeling" denies nothing), and stops
// at a clause break or a word like "but".
// "Not sure" and "don't know" are uncertainty, not denial.
func (s *safety) negated(toks []string, trigger []bool, start int) bool {
	counted := 0
	for i := start - 1; i >= 0 && counted < 3; i-- {
		t := toks[i]
		switch {
		case t == clauseBreak || s.stops[t]:
			return false
		case trigger[i] || t == "or" || t == "any" || t == "my" || t == "a" || t == "the":
			continue
		case s.negators[t]:
			return i+1 >= len(toks) || !s.hedges[toks[i+1]]
		}
		counted++
	}
	return false
}
