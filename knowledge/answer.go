package knowledge

import (
	"fmt"
	"slices"
)

// ResultKind says what kind of answer a question got.
type ResultKind int

const (
	// ResultEntry is an ordinary answer from one entry.
	ResultEntry ResultKind = iota
	// ResultEmergency means the question describes a possible emergency.
	ResultEmergency
	// ResultCrisis means the question mentions suicide or self-harm.
	ResultCrisis
	// ResultOffTopic means the question is not about back pain from lifting, or nothing matched well.
	ResultOffTopic
	// ResultSameDay means the question describes a warning sign that needs a
	// doctor today (or, for stable one-sided leg symptoms, within a day or two).
	ResultSameDay
	// ResultOtherLanguage means the question is not in English: the member
	// gets the emergency and crisis numbers and is told Spotter answers in English.
	ResultOtherLanguage
)

// String names the kind for logs and metrics.
func (k ResultKind) String() string {
	switch k {
	case ResultEntry:
		return "entry"
	case ResultEmergency:
		return "emergency"
	case ResultCrisis:
		return "crisis"
	case ResultOffTopic:
		return "offtopic"
	case ResultSameDay:
		return "sameday"
	case ResultOtherLanguage:
		return "language"
	}
	return fmt.Sprintf("ResultKind(%d)", int(k))
}

// Result is the answer to one question.
type Result struct {
	Kind ResultKind
	// Entry is the entry shown: the best match, or the emergency or crisis entry; nil when off-topic.
	Entry *Entry
	// Score is the ranker's score for the best match (0 when the safety layer answered).
	Score float64
	// Suggestions are up to three other entries worth offering when the match is
	// not confident, or popular topics when the question is off-topic.
	Suggestions []*Entry
	// AlsoCrisis is set on an emergency when the question also mentions
	// suicide or self-harm: the card then carries the crisis lines too.
	AlsoCrisis bool
	// Language is the language a non-English question was written in ("es",
	// "de"), or "" for English.
	Language string
	// sameDay is the same-day rule that matched, for a ResultSameDay.
	sameDay safetyRule
}

// WithinDays reports whether a same-day result asks the member to see a
// doctor within a day or two rather than today (stable numbness or mild
// weakness in one leg).
func (r Result) WithinDays() bool { return r.sameDay.withinDays() }

// Warning is what a same-day result found, in plain words ("fever, chills
// or night sweats"), or "".
func (r Result) Warning() string { return string(r.sameDay) }

// Entries the safety layer and weak matches point to, when the base has them.
const (
	overviewID     = "why-back-hurts"
	warningSignsID = "red-flags"
)

// Thresholds on the ranker's best score. They were set on general lifter
// wording and checked against the evaluation set (see eval_test.go).
const (
	// minScore is the least score that counts as a match at all.
	minScore = 4.0
	// confidentScore is the score above which a single answer is given without alternatives.
	confidentScore = 9.0
	// closeRatio: a runner-up scoring at least this share of the best is offered as an alternative.
	closeRatio = 0.8
	// maxSuggestions is how many alternatives a result offers.
	maxSuggestions = 3
)

// Answer answers a member's question. The safety layer reads it first, and
// an emergency or crisis it finds decides the result whatever the ranker
// would say; otherwise the best-ranked entry is the answer. A question that
// names another subject, or matches nothing well and says nothing of the
// back, is off-topic; one about the back too vague to rank gets the
// overview entry.
func (b *Base) Answer(question string) Result {
	raw := tokenize(question)
	if r, ok := b.beforeRanking(raw); ok {
		return r
	}
	toks := b.index.correct(raw)
	hits := b.index.search(toks, maxSuggestions+1)
	best := 0.0
	if len(hits) > 0 {
		best = hits[0].score
	}
	offTopic := b.offTopic.offTopic(raw, toks)
	if !offTopic && best < minScore && b.offTopic.aboutTheBack(raw, toks) {
		// About the back but too vague to rank ("back pain", "my back is
		// sore", "deadlift"): the overview, with topics to narrow it down.
		starters := b.starterTopics(maxSuggestions + 1)
		return Result{Kind: ResultEntry, Entry: starters[0], Score: best, Suggestions: starters[1:]}
	}
	if offTopic || best < minScore {
		return Result{Kind: ResultOffTopic, Score: best, Suggestions: b.starterTopics(maxSuggestions)}
	}
	r := Result{Kind: ResultEntry, Entry: b.index.docs[hits[0].doc], Score: best}
	unsure := best < confidentScore
	for _, h := range hits[1:] {
		if h.score >= closeRatio*best || (unsure && h.score >= minScore) {
			r.Suggestions = append(r.Suggestions, b.index.docs[h.doc])
		}
	}
	if unsure {
		// A weak match is offered beside the overview and the warning
		// signs, never alone.
		r.Suggestions = b.withSafetyNet(r.Entry, r.Suggestions)
	}
	return r
}

// beforeRanking is the answer decided before any ranking, if any: an
// emergency, a crisis or a same-day warning sign (in English, or in one of
// the other languages the safety layer reads), or, for any other question
// not in English, the card that gives the numbers and says Spotter answers
// in English.
func (b *Base) beforeRanking(raw []string) (Result, bool) {
	v := b.safety.check(raw)
	lang := ""
	if v.emergency == "" && !v.crisis && v.sameDay == "" {
		// The other languages' lexicons are read unless the message is
		// plainly English: a short cry for help has too few words to tell
		// its language by.
		ml := readLanguage(raw)
		lang = ml.lang
		if ml.mayBeForeign() {
			v = foreignSafety(b.safety.exclusions.blank(raw))
		}
	}
	switch {
	case v.emergency != "":
		return Result{Kind: ResultEmergency, Entry: b.emergency, AlsoCrisis: v.crisis, Language: lang}, true
	case v.crisis:
		return Result{Kind: ResultCrisis, Entry: b.crisis, Language: lang}, true
	case v.sameDay != "":
		e := b.byID[warningSignsID]
		if e == nil {
			e = b.emergency
		}
		return Result{Kind: ResultSameDay, Entry: e, sameDay: v.sameDay}, true
	case lang != "":
		return Result{Kind: ResultOtherLanguage, Language: lang}, true
	}
	return Result{}, false
}

// withSafetyNet adds the overview and the warning-signs entry to the
// alternatives of a weak match, keeping at most maxSuggestions.
func (b *Base) withSafetyNet(best *Entry, alternatives []*Entry) []*Entry {
	out := make([]*Entry, 0, maxSuggestions)
	for _, id := range []string{overviewID, warningSignsID} {
		if e := b.byID[id]; e != nil && e != best {
			out = append(out, e)
		}
	}
	for _, e := range alternatives {
		if len(out) < maxSuggestions && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}
