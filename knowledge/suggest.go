package knowledge

import (
	"slices"
	"sort"
	"strings"
)

// popularTopics lists the entries most members start from, most common
// first: the default autocomplete list and the suggestions on an
// off-topic answer.
func popularTopics() []string {
	return []string{
		"why-back-hurts", "muscle-strain", "red-flags", "heat-vs-ice", "relative-rest",
		"return-to-lifting", "deadlift-form", "squat-form", "rule-of-twos", "recovery-time",
		"leg-pain", "doms-vs-injury", "when-to-see-doctor", "medicines", "lifting-belts",
	}
}

// Match strengths, best first. Within one strength a title beats an alias,
// which beats a keyword; then popular entries come first.
const (
	matchWhole     = iota // a title, alias or keyword starts with the input
	matchWord             // one of their words starts with the input
	matchAllWords         // every input word starts some word of one of them
	numMatchLevels        // no match
)

// Text tiers, best first.
const (
	tierTitle = iota
	tierAlias
	tierKeyword
)

// suggester answers autocomplete: entry titles that match what the member
// has typed so far. Every word start of every title, alias and keyword is
// kept in one sorted table, so a prefix is found by binary search.
type suggester struct {
	entries  []*Entry    // in popularity order
	texts    []textOwner // one per title, alias or keyword
	suffixes []suffixRef // every word start, sorted by the text from there on
	dict     *typoDict   // corrects misspelt words
	an       *analyzer   // rewrites slang
	starter  []*Entry    // every topic entry, popular ones first
}

// textOwner says whose title, alias or keyword a text is.
type textOwner struct {
	entry int // index in entries
	tier  int
}

// suffixRef is a text from one of its word starts to its end.
type suffixRef struct {
	suffix string
	text   int  // index in texts
	whole  bool // the suffix is the whole text
}

func newSuggester(an *analyzer, entries []*Entry) *suggester {
	s := &suggester{an: an, entries: byPopularity(entries)}
	var vocab []string
	for i, e := range s.entries {
		add := func(raw string, tier int) {
			text := normalText(raw)
			id := len(s.texts)
			s.texts = append(s.texts, textOwner{entry: i, tier: tier})
			for j := 0; j < len(text); j++ {
				if j == 0 || text[j-1] == ' ' {
					s.suffixes = append(s.suffixes, suffixRef{suffix: text[j:], text: id, whole: j == 0})
				}
			}
			vocab = append(vocab, strings.Fields(text)...)
		}
		add(e.Title, tierTitle)
		for _, a := range e.Aliases {
			add(a, tierAlias)
		}
		for _, k := range e.Keywords {
			add(k, tierKeyword)
		}
		if e.Kind == KindTopic {
			s.starter = append(s.starter, e)
		}
	}
	sort.Slice(s.suffixes, func(i, j int) bool { return s.suffixes[i].suffix < s.suffixes[j].suffix })
	s.dict = newTypoDict(append(vocab, an.vocabulary()...))
	return s
}

// byPopularity orders entries with the popular topics first, in their
// order, then the rest as given.
func byPopularity(entries []*Entry) []*Entry {
	rank := make(map[string]int)
	for i, id := range popularTopics() {
		rank[id] = i
	}
	out := make([]*Entry, len(entries))
	copy(out, entries)
	sort.SliceStable(out, func(i, j int) bool {
		ri, iok := rank[out[i].ID]
		rj, jok := rank[out[j].ID]
		if iok && jok {
			return ri < rj
		}
		return iok && !jok
	})
	return out
}

// withPrefix returns the suffixes that start with p.
func (s *suggester) withPrefix(p string) []suffixRef {
	lo := sort.Search(len(s.suffixes), func(i int) bool { return s.suffixes[i].suffix >= p })
	hi := lo
	for hi < len(s.suffixes) && strings.HasPrefix(s.suffixes[hi].suffix, p) {
		hi++
	}
	return s.suffixes[lo:hi]
}

// Suggest returns at most limit entries whose title, aliases or keywords
// match what the member has typed so far: the start of a title first, then
// the start of any word, then every typed word anywhere; slang is rewritten
// ("dl", "hex bar") and typos are corrected. Empty input gives the most
// common topics; input that matches no title falls back to search, since a
// member may type a whole question. If what is typed already describes an
// emergency or a crisis, that entry comes first. limit is capped at
// AutocompleteChoicesMax.
func (b *Base) Suggest(prefix string, limit int) []*Entry {
	limit = min(limit, AutocompleteChoicesMax)
	if limit <= 0 {
		return nil
	}
	input := words(prefix)
	if len(input) == 0 {
		return b.starterTopics(limit)
	}
	urgent := b.urgentEntries(prefix)
	if len(urgent) > 0 {
		return withFirst(urgent, b.matchTitles(input, limit), limit)
	}
	return b.matchTitles(input, limit)
}

// urgentEntries returns the emergency and crisis entries the safety layer
// finds in what has been typed, so that autocomplete offers them first.
func (b *Base) urgentEntries(text string) []*Entry {
	v := b.safety.check(tokenize(text))
	var out []*Entry
	if v.emergency != "" {
		out = append(out, b.emergency)
	}
	if v.crisis {
		out = append(out, b.crisis)
	}
	return out
}

// withFirst returns first followed by rest without repeats, at most limit.
func withFirst(first, rest []*Entry, limit int) []*Entry {
	out := make([]*Entry, 0, limit)
	for _, list := range [][]*Entry{first, rest} {
		for _, e := range list {
			if len(out) < limit && !slices.Contains(out, e) {
				out = append(out, e)
			}
		}
	}
	return out
}

// matchTitles ranks entries by how their titles, aliases and keywords
// match the typed words.
func (b *Base) matchTitles(input []string, limit int) []*Entry {
	s := b.suggest
	// rank[e] orders entry e's best match: variant, then level, then tier.
	const none = 1 << 30
	rank := make([]int, len(s.entries))
	for i := range rank {
		rank[i] = none
	}
	note := func(text, score int) {
		e := s.texts[text].entry
		if score = score*4 + s.texts[text].tier; score < rank[e] {
			rank[e] = score
		}
	}
	var counts []int
	for v, q := range s.variants(input) {
		base := v * numMatchLevels
		for _, ref := range s.withPrefix(q.joined) {
			level := matchWord
			if ref.whole {
				level = matchWhole
			}
			note(ref.text, base+level)
		}
		if len(q.words) < 2 {
			continue
		}
		if counts == nil {
			counts = make([]int, len(s.texts))
		}
		clear(counts)
		for n, w := range q.words {
			for _, ref := range s.withPrefix(w) {
				if counts[ref.text] == n {
					counts[ref.text] = n + 1
				}
			}
		}
		for text, c := range counts {
			if c == len(q.words) {
				note(text, base+matchAllWords)
			}
		}
	}
	order := make([]int, 0, len(s.entries))
	for e, r := range rank {
		if r < none {
			order = append(order, e)
		}
	}
	if len(order) == 0 {
		return b.searchSuggestions(input, limit)
	}
	sort.SliceStable(order, func(i, j int) bool { return rank[order[i]] < rank[order[j]] })
	out := make([]*Entry, 0, min(limit, len(order)))
	for _, e := range order[:min(limit, len(order))] {
		out = append(out, s.entries[e])
	}
	return out
}

// suggestQuery is one reading of the typed words.
type suggestQuery struct {
	words  []string
	joined string
}

// variants returns the ways to read the input, most literal first: as
// typed, with synonyms rewritten, with typos corrected, and both.
func (s *suggester) variants(input []string) []suggestQuery {
	out := make([]suggestQuery, 0, 4)
	add := func(v []string) {
		j := strings.Join(v, " ")
		for _, o := range out {
			if o.joined == j {
				return
			}
		}
		out = append(out, suggestQuery{words: v, joined: j})
	}
	add(input)
	add(s.an.rewrite(nil, input))
	fixed := slices.Clone(input)
	for i, w := range input[:len(input)-1] {
		// The last word may be half typed: only finished words are corrected.
		if c := s.dict.correct(w); c != "" {
			fixed[i] = c
		}
	}
	add(fixed)
	add(s.an.rewrite(nil, fixed))
	return out
}

// searchSuggestions falls back to the ranker when no title, alias or
// keyword matches.
func (b *Base) searchSuggestions(input []string, limit int) []*Entry {
	hits := b.index.search(b.index.correct(input), limit)
	out := make([]*Entry, 0, len(hits))
	for _, h := range hits {
		if h.score >= minScore {
			out = append(out, b.index.docs[h.doc])
		}
	}
	return out
}

// starterTopics returns the n most popular topic entries.
func (b *Base) starterTopics(n int) []*Entry {
	s := b.suggest.starter
	out := make([]*Entry, min(n, len(s)))
	copy(out, s)
	return out
}
