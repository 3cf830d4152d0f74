package formtips

import (
	"slices"
	"strings"
	"unicode"
)

// normalize keeps only the letters and digits of s, lower-cased, so that
// "Trap-bar DL", "trap bar dl" and "TRAPBARDL" compare equal.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Find returns the card whose id, title or alias matches query, ignoring
// case, spaces and punctuation ("RDL", "romanian dl", "Trap-Bar"). A plural
// ("planks", "RDLs") finds the singular.
func (l *Library) Find(query string) (*Card, bool) {
	key := normalize(query)
	if key == "" {
		return nil, false
	}
	if c, ok := l.byName[key]; ok {
		return c, true
	}
	if singular, ok := strings.CutSuffix(key, "s"); ok && singular != "" {
		c, ok := l.byName[singular]
		return c, ok
	}
	return nil, false
}

// cardNames holds a card's names prepared for prefix matching.
type cardNames struct {
	// starts are the normalised names (id, title, aliases).
	starts []string
	// words are each name's normalised tails from its second word on:
	// "sumo deadlift" gives "deadlift".
	words []string
}

// namesOf prepares a card's names for Suggest.
func namesOf(c *Card) cardNames {
	var n cardNames
	for _, name := range append([]string{c.ID, c.Title}, c.Aliases...) {
		n.starts = append(n.starts, normalize(name))
		fields := strings.FieldsFunc(name, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		for i := 1; i < len(fields); i++ {
			n.words = append(n.words, normalize(strings.Join(fields[i:], "")))
		}
	}
	return n
}

// How well a card's names match a typed prefix; lower is better.
const (
	matchStart  = iota // a name starts with the prefix
	matchWord          // a later word of a name starts with it
	matchInside        // the prefix appears inside a name
	noMatch
)

// rank says how well n matches the normalised prefix p.
func (n cardNames) rank(p string) int {
	has := func(list []string, ok func(s string) bool) bool { return slices.ContainsFunc(list, ok) }
	switch {
	case has(n.starts, func(s string) bool { return strings.HasPrefix(s, p) }):
		return matchStart
	case has(n.words, func(s string) bool { return strings.HasPrefix(s, p) }):
		return matchWord
	case has(n.starts, func(s string) bool { return strings.Contains(s, p) }):
		return matchInside
	}
	return noMatch
}

// Suggest returns at most limit cards for an autocomplete box, given what
// the member has typed so far (ignoring case, spaces and punctuation).
// Cards with a name that starts with the text come first, then cards with a
// later word that starts with it ("dead" finds every deadlift), then cards
// that merely contain it; ties keep the Cards order. Empty text gives the
// first limit cards; a limit of zero or less gives none.
func (l *Library) Suggest(prefix string, limit int) []*Card {
	if limit <= 0 {
		return nil
	}
	p := normalize(prefix)
	if p == "" {
		return slices.Clone(l.cards[:min(limit, len(l.cards))])
	}
	var buckets [noMatch][]*Card
	for i, c := range l.cards {
		if r := l.names[i].rank(p); r < noMatch {
			buckets[r] = append(buckets[r], c)
		}
	}
	out := slices.Concat(buckets[:]...)
	return out[:min(limit, len(out))]
}
