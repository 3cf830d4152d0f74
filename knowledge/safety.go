package knowledge

import (
	"strconv"
	"strings"
)

// The safety layer reads every question before the ranker does. Each
// warning sign in clinical-notes.md is a rule over concepts (a body part, a
// symptom, a time course, a context) found anywhere in the question, so it
// survives paraphrase, slang, typos and word order. A concept that is
// denied ("no numbness at all"), or that stands in a hypothetical ("what
// would happen if"), does not count.
//
// Three findings decide the answer ahead of any ranking: an emergency
// (call the emergency number now), a crisis (suicide or self-harm) and a
// same-day sign (get seen today). An emergency and a crisis can both be
// true: the result is then an emergency whose card also carries the crisis
// lines, because the emergency number is the right first call in both.

// safetyRule names the rule that made a question urgent, for tests and logs.
type safetyRule string

// Emergency rules.
const (
	ruleSaddleNumbness safetyRule = "numbness in the saddle area"
	ruleBladderBowel   safetyRule = "bladder or bowel change"
	ruleNewLeakage     safetyRule = "leaking urine that is new or comes with numbness"
	ruleSexual         safetyRule = "new sexual problem"
	ruleBothLegs       safetyRule = "both legs weak, numb or with nerve pain"
	ruleWorsening      safetyRule = "worsening leg weakness, foot drop or a leg giving way"
	ruleTrauma         safetyRule = "serious accident or fall"
	ruleCancer         safetyRule = "cancer history with new leg symptoms"
	ruleRhabdo         safetyRule = "dark urine after hard training"
	ruleAortic         safetyRule = "sudden tearing or severe pain, belly pain or collapse"
	ruleHeartLungs     safetyRule = "chest pain or breathlessness"
)

// Same-day rules.
const (
	ruleFever        safetyRule = "fever, chills or night sweats"
	ruleInfection    safetyRule = "recent infection"
	ruleInjecting    safetyRule = "injecting drugs"
	ruleImmune       safetyRule = "weakened immune system"
	ruleBoneThin     safetyRule = "osteoporosis or thin bones"
	ruleWeightLoss   safetyRule = "weight loss without trying"
	ruleCancerPast   safetyRule = "history of cancer"
	ruleNightPain    safetyRule = "pain at night or not eased by rest"
	ruleProcedure    safetyRule = "recent spinal procedure"
	ruleBloodInUrine safetyRule = "blood in the urine"
	ruleAge          safetyRule = "new pain under 20 or over 50 with no lift behind it"
	ruleOneLeg       safetyRule = "new numbness or mild weakness in one leg"
)

// WithinDays reports whether the rule asks for a doctor within a day or two
// rather than today: only stable one-sided leg symptoms do.
func (r safetyRule) withinDays() bool { return r == ruleOneLeg }

// safetyVerdict is what the safety layer found in one question.
type safetyVerdict struct {
	emergency safetyRule // empty when no emergency rule matched
	sameDay   safetyRule // empty when no same-day rule matched
	crisis    bool
}

// safety holds the compiled lexicons.
type safety struct {
	concepts     *phraseSet // labelled by concept
	crisis       *phraseSet
	exclusions   *phraseSet
	hypothetical *phraseSet
	denialOfAll  *phraseSet
	dict         *typoDict
	contextWords map[string]bool
	known        func(string) bool
	negators     map[string]bool
	hedges       map[string]bool
	stops        map[string]bool
}

// newSafety compiles the lexicons. known reports words that are spelt
// correctly (they are never "corrected" into a lexicon word).
func newSafety(known func(string) bool) *safety {
	s := &safety{
		crisis:       compilePhrases(crisisPatterns()),
		exclusions:   compilePhrases(exclusionPatterns()),
		hypothetical: compilePhrases(hypotheticalPatterns()),
		denialOfAll:  compilePhrases(denialOfAllPatterns()),
		known:        known,
		negators:     wordSet(negators()),
		hedges:       wordSet(hedges()),
		stops:        wordSet(negationStops()),
	}
	groups := conceptPatterns()
	s.concepts = compileGroups(groups[:])
	// Misspellings are corrected towards the words of warning signs only:
	// correcting towards context words ("mines" to "mins") would change
	// what an ordinary message says.
	// Context words themselves are spelt as written ("finisher" is not
	// "finished").
	isContext := func(label int) bool { return contextConcepts[concept(label)] }
	s.dict = newTypoDict(append(s.crisis.vocabulary(nil), s.concepts.vocabulary(isContext)...))
	s.contextWords = wordSet(s.concepts.vocabulary(func(label int) bool { return !isContext(label) }))
	return s
}

// check runs every rule over the question's tokens.
func (s *safety) check(raw []string) safetyVerdict {
	toks := s.canonical(raw)
	var v safetyVerdict
	v.crisis = s.crisis.contains(toks)

	hypo := s.hypotheticalScope(toks)
	var found [numConcepts]bool
	trigger := make([]bool, len(toks))
	type span struct {
		c          concept
		start, end int
	}
	spans := make([]span, 0, 16)
	s.concepts.find(toks, func(c, start, end int) {
		spans = append(spans, span{concept(c), start, end})
		if contextConcepts[concept(c)] {
			return
		}
		for i := start; i <= end; i++ {
			trigger[i] = true
		}
	})
	storyCancer := false
	for _, sp := range spans {
		if hypo[sp.start] {
			storyCancer = storyCancer || sp.c == conceptCancer
			continue
		}
		if contextConcepts[sp.c] || !s.negated(toks, trigger, sp.start) && !answeredNo(toks, sp.end) {
			found[sp.c] = true
		}
	}
	// Cancer in a relative's story ("dad had prostate cancer years back")
	// is still their history when it is their back that hurts now.
	found[conceptCancer] = found[conceptCancer] || storyCancer && found[conceptTheirPain]
	// Self-harm told as a way of coping ("cutting again, it takes the
	// edge off") is a crisis even without the word "myself", and so is
	// hopelessness whose parts stand in different sentences.
	v.crisis = v.crisis || found[conceptSelfHarmAct] && found[conceptCoping] ||
		found[conceptNoBetter] && found[conceptNotWaiting] || found[conceptFarewellPast] && found[conceptGoodbye] ||
		// Hopelessness told over two sentences: years more of this, and
		// "I'd rather not"; "I'm done. Not with lifting. With everything."
		found[conceptEndlessFuture] && found[conceptRefusal] || found[conceptDone] && found[conceptEverything]
	if s.deniesEverything(toks) {
		// A general question that ends "I don't have any of these".
		return v
	}
	v.emergency = emergencyRule(found)
	if v.emergency == "" {
		v.sameDay = sameDayRule(found, statedAge(toks))
	}
	return v
}

// contextConcepts describe circumstances, not symptoms: a negator before
// one ("without enough water, cleared") denies no warning sign, so they are
// never negated, and their words do not hide a negator from the sign after
// them ("not DOMS jelly, they won't hold me up").
var contextConcepts = map[concept]bool{
	conceptResolved: true, conceptCaught: true, conceptNoHarm: true, conceptHabitual: true,
	conceptLiftCause: true, conceptRecent: true, conceptLongAgo: true, conceptTightGear: true, conceptSitting: true,
	conceptFatigue: true, conceptPain: true, conceptHotRoom: true, conceptLongSit: true, conceptFamilyIllness: true,
	conceptLongStanding: true, conceptTheirPain: true,
	// "No injury, never lifted": a denial itself, often one of a list, so
	// a negator before it does not undo it.
	conceptUnexplained: true,
}

// canonical blanks out look-alike phrases and corrects misspelt words to
// the lexicon word they were meant to be ("numbnes", "sucidal").
func (s *safety) canonical(raw []string) []string {
	toks := make([]string, len(raw))
	for i, t := range raw {
		toks[i] = t
		if t == clauseBreak || s.known(t) || s.contextWords[t] {
			continue
		}
		if c := s.dict.unstar(t); c != "" {
			toks[i] = c
		} else if c := s.dict.correct(t); c != "" {
			toks[i] = c
		}
	}
	return s.exclusions.blank(splitUnits(toks))
}

// hypotheticalScope marks the tokens that stand in a hypothetical, a
// general question or someone else's story ("what would happen if the bar
// fell on me", "what are the signs of ...", "my mate had ... years ago"):
// from the marker to the end of its clause, or to a word like "but" or
// "because" that starts the member's own account ("and" goes on).
func (s *safety) hypotheticalScope(toks []string) []bool {
	in := make([]bool, len(toks))
	s.hypothetical.find(toks, func(_, start, _ int) {
		for i := start; i < len(toks) && toks[i] != clauseBreak && !s.stops[toks[i]] || i < len(toks) && toks[i] == "and"; i++ {
			in[i] = true
		}
	})
	return in
}

// deniesEverything reports a message that asks in general and says the
// member has none of it: a hypothetical marker and a denial of everything
// ("just curious, I don't have any of it", "mine is totally normal").
func (s *safety) deniesEverything(toks []string) bool {
	return s.hypothetical.contains(toks) && s.denialOfAll.contains(toks)
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

// answeredNo reports a sign asked and answered no, as in a list of
// questions the member ticks off: "chemo? no. immune problems? no."
func answeredNo(toks []string, end int) bool {
	if end+2 >= len(toks) || toks[end+1] != clauseBreak {
		return false
	}
	switch toks[end+2] {
	case "no", "nope", "nah", "none", "never", "negative":
		// "no." ends the answer; "no, more like..." goes on to say what
		// it is instead. "no fever" is a new statement, not an answer.
		if end+3 >= len(toks) {
			return true
		}
		switch toks[end+3] {
		case clauseBreak, "more", "just", "its", "only", "rather", "not", "nothing":
			return true
		}
	}
	return false
}

// statedAge finds an age the member gives for themselves ("I'm 56", "52
// year old", "age 17", "52m", "71 and still lifting"), or 0. Units are
// already split from numbers (see splitUnits).
func statedAge(toks []string) int {
	for i, t := range toks {
		n, err := strconv.Atoi(t)
		if err != nil || n < 10 || n > 110 {
			continue
		}
		prev, next := "", ""
		if i > 0 {
			prev = toks[i-1]
		}
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		aboutMe := i == 0 || prev == "im" || prev == "am" || prev == "me"
		switch {
		case next == "years" || next == "year" || next == "yo" || next == "yrs" || next == "yr" || next == "y":
			return n
		case prev == "age" || prev == "aged" || prev == "turned" || prev == "turning":
			return n
		case aboutMe && (next == "m" || next == "f" || next == "and" || next == "here" || next == "now" || next == "still" || next == "never" ||
			next == "but" || next == "so" || next == "been" || next == "im" || next == clauseBreak || next == ""):
			return n
		case strings.HasSuffix(prev, "s") && relative[strings.TrimSuffix(prev, "s")]:
			// "my dad's 72", which the tokenizer leaves as "dads 72"
			return n
		case prev == "is" && i >= 2 && relative[toks[i-2]]:
			// "my son is 12", "my mum is 68"
			return n
		case i == 0 && !ageUnits[next]:
			// A message that opens with a number opens with an age
			// ("58, new pain this week"), unless a unit follows it.
			return n
		case prev == "im" || prev == "am":
			return n
		}
	}
	return 0
}

// relative are the words for someone whose age a member gives for them.
var relative = wordSet([]string{"son", "daughter", "kid", "child", "boy", "girl", "teenager", "nephew", "niece", "he", "she",
	"mum", "mom", "mother", "dad", "father", "grandma", "grandpa", "granny", "nan", "nana", "gran", "grandad", "grandfather", "grandmother",
	"wife", "husband", "partner", "uncle", "aunt", "auntie", "daddy", "mommy", "mummy", "mama", "momma", "papa", "pop"})

// ageUnits are the words after a number that make it something other than
// an age.
var ageUnits = wordSet([]string{"kg", "kgs", "kilo", "kilos", "lb", "lbs", "pounds", "reps", "rep", "sets", "set", "x", "min", "mins", "minutes",
	"sec", "secs", "seconds", "hours", "hrs", "hr", "h", "days", "day", "weeks", "week", "wks", "months", "month", "percent", "pct", "rpe", "plates",
	"plate", "times", "am", "pm", "c", "f", "degrees", "km", "kmh", "mph", "miles", "mi", "cm", "mm", "s", "k"})

// splitUnits separates a number from the unit written against it ("8kg",
// "3am", "39c"), so that the unit counts as a word of its own.
func splitUnits(toks []string) []string {
	var out []string
	for i, t := range toks {
		j := 0
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j == 0 || j == len(t) || t[j] < 'a' || t[j] > 'z' {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(toks)+1), toks[:i]...)
		}
		out = append(out, t[:j], t[j:])
	}
	if out == nil {
		return toks
	}
	return out
}
