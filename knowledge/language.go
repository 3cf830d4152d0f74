package knowledge

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Spotter answers in English, but a member in trouble may write in their
// own language. The safety layer reads the main emergency and crisis signs
// in Spanish, Portuguese, German, French and Italian, and any other
// question in those languages gets a card with the member's emergency and
// crisis numbers that says Spotter answers in English.

// language is one language the safety layer reads.
type language struct {
	code      string
	stopwords map[string]bool
	concepts  *phraseSet // labelled by concept, as in English
	crisis    *phraseSet
}

// languages are compiled once: the lexicons never change at run time.
var languages = compileLanguages()

// foreignConcepts and foreignCrisis hold every language's lexicons in one
// set each, so a message is scanned twice, not twice per language.
var foreignConcepts, foreignCrisis = compileForeignSets()

// englishStopwords are the little words that mark a message as English.
var englishStopwords = wordSet(strings.Fields(
	"the a an and is i im my me to of in on it its for with after but not this that have has was are do dont can " +
		"when what how should from at be been or so just if your you back"))

// messageLanguage is what a message's little words say about its language.
type messageLanguage struct {
	// lang is the other language the message is written in ("es"), or ""
	// for English or a message too short to tell.
	lang string
	// english and foreign count the English little words and those of the
	// likeliest other language.
	english, foreign int
}

// mayBeForeign reports whether the other languages' lexicons are worth
// reading: not for a message plainly in English.
func (m messageLanguage) mayBeForeign() bool {
	return m.lang != "" || m.foreign > 0 || m.english < 3
}

// readLanguage tells which of the languages Spotter reads a message is in.
func readLanguage(raw []string) messageLanguage {
	toks := foldAll(raw)
	var m messageLanguage
	for _, t := range raw {
		if englishStopwords[t] {
			m.english++
		}
	}
	best := ""
	for _, l := range languages {
		n := 0
		for _, t := range toks {
			if l.stopwords[t] {
				n++
			}
		}
		if n > m.foreign {
			best, m.foreign = l.code, n
		}
	}
	switch {
	case m.foreign >= 2 && m.foreign > m.english:
		m.lang = best
	case m.english <= 1:
		// A short message with hardly any little words ("quiero morir")
		// is told by its warning signs.
		for _, l := range languages {
			if l.crisis.contains(toks) || l.concepts.contains(toks) {
				m.lang = l.code
				break
			}
		}
	}
	return m
}

// foreignSafety runs the emergency and crisis lexicons of every language
// Spotter reads over a message that is not in English. The same emergency
// rules as in English combine the concepts found; there is no same-day
// tier in other languages, and no negation: a sign named is a sign shown.
func foreignSafety(raw []string) safetyVerdict {
	toks := foldAll(raw)
	var found [numConcepts]bool
	foreignConcepts.find(toks, func(c, _, _ int) { found[c] = true })
	return safetyVerdict{crisis: foreignCrisis.contains(toks), emergency: emergencyRule(found)}
}

// foldAll removes accents ("orina oscura", "Rücken" as "rucken") so that
// messages typed with or without them read the same.
func foldAll(raw []string) []string {
	out := make([]string, len(raw))
	for i, t := range raw {
		out[i] = foldAccents(t)
	}
	return out
}

func foldAccents(t string) string {
	ascii := true
	for i := 0; i < len(t); i++ {
		if t[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return t
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(t) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func compileLanguages() []language {
	var out []language
	for _, l := range languageLexicons() {
		groups := make([][]string, numConcepts)
		for c, patterns := range l.concepts {
			groups[c] = patterns
		}
		out = append(out, language{
			code:      l.code,
			stopwords: wordSet(strings.Fields(l.stopwords)),
			concepts:  compileGroups(groups),
			crisis:    compilePhrases(l.crisis),
		})
	}
	return out
}

func compileForeignSets() (concepts, crisis *phraseSet) {
	groups := make([][]string, numConcepts)
	var cries []string
	for _, l := range languageLexicons() {
		for c, patterns := range l.concepts {
			groups[c] = append(groups[c], patterns...)
		}
		cries = append(cries, l.crisis...)
	}
	return compileGroups(groups), compilePhrases(cries)
}
