package knowledge

import (
	"sort"
	"strings"
)

// analyzer turns tokens into the terms the ranker indexes: synonyms
// rewritten to their canonical words, stopwords dropped, words stemmed.
// Entries and questions go through the same analyzer.
type analyzer struct {
	synonyms map[string][]synonymRule // first word of a variant -> rules, longest first
	stop     map[string]bool
	expand   *expander
}

type synonymRule struct {
	from []string
	to   []string
}

func newAnalyzer() *analyzer {
	a := &analyzer{synonyms: make(map[string][]synonymRule), stop: wordSet(stopwordList()), expand: newExpander()}
	for _, g := range synonymGroups() {
		to := strings.Fields(g.canonical)
		for _, v := range g.variants {
			from := strings.Fields(v)
			a.synonyms[from[0]] = append(a.synonyms[from[0]], synonymRule{from: from, to: to})
		}
	}
	for _, rules := range a.synonyms {
		sort.SliceStable(rules, func(i, j int) bool { return len(rules[i].from) > len(rules[j].from) })
	}
	return a
}

// vocabulary lists every word the synonym table knows, variants and
// canonical forms, so that they count as correctly spelt.
func (a *analyzer) vocabulary() []string {
	var out []string
	for _, rules := range a.synonyms {
		for _, r := range rules {
			out = append(out, r.from...)
			out = append(out, r.to...)
		}
	}
	sort.Strings(out)
	return out
}

// analyze returns the terms of toks: synonyms rewritten, stopwords
// dropped, words stemmed, with "" at clause breaks. terms[added:] are the
// words that phrase expansions add.
func (a *analyzer) analyze(toks []string) (terms []string, added int) {
	terms = a.terms(make([]string, 0, len(toks)+8), a.rewrite(make([]string, 0, len(toks)+4), toks))
	added = len(terms)
	if extra := a.expand.expand(nil, toks); len(extra) > 0 {
		terms = a.terms(append(terms, ""), a.rewrite(nil, extra))
	}
	return terms, added
}

// rewrite appends toks to dst with every synonym variant replaced by its
// canonical words, longest variant first.
func (a *analyzer) rewrite(dst, toks []string) []string {
	for i := 0; i < len(toks); {
		if r, ok := a.matchSynonym(toks[i:]); ok {
			dst = append(dst, r.to...)
			i += len(r.from)
			continue
		}
		dst = append(dst, toks[i])
		i++
	}
	return dst
}

func (a *analyzer) matchSynonym(toks []string) (synonymRule, bool) {
	for _, r := range a.synonyms[toks[0]] {
		if len(r.from) > len(toks) {
			continue
		}
		ok := true
		for j, w := range r.from {
			if toks[j] != w {
				ok = false
				break
			}
		}
		if ok {
			return r, true
		}
	}
	return synonymRule{}, false
}

// terms appends the stemmed, stopword-free terms of already rewritten
// tokens to dst. Clause breaks are kept as "" so that callers do not pair
// words across them.
func (a *analyzer) terms(dst, toks []string) []string {
	for _, t := range toks {
		switch {
		case t == clauseBreak:
			if len(dst) > 0 && dst[len(dst)-1] != "" {
				dst = append(dst, "")
			}
		case a.stop[t]:
		default:
			dst = append(dst, stem(t))
		}
	}
	return dst
}
