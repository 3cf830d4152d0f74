package knowledge

import (
	"math"
	"slices"
	"sort"
)

// field is a part of an entry that the ranker weighs on its own.
type field int

const (
	fieldTitle field = iota
	fieldAlias
	fieldKeyword
	fieldShort
	fieldDoNow
	fieldGetHelp
	numFields
)

// fieldParams returns each field's weight and BM25 length normalisation.
// Titles, aliases and keywords are written to be searched and outweigh the
// prose; "When to get help" repeats the same warning signs in every entry,
// so it counts least.
func fieldParams() [numFields]struct{ weight, b float64 } {
	return [numFields]struct{ weight, b float64 }{
		fieldTitle:   {3.0, 0.5},
		fieldAlias:   {2.0, 0.3},
		fieldKeyword: {2.5, 0.3},
		fieldShort:   {1.0, 0.75},
		fieldDoNow:   {0.6, 0.75},
		fieldGetHelp: {0.2, 0.75},
	}
}

const (
	// bm25K1 is BM25's term-frequency saturation.
	bm25K1 = 1.2
	// bigramWeight scales a matched word pair ("trap bar") relative to a word.
	bigramWeight = 0.6
	// expansionWeight scales the words a phrase expansion adds.
	expansionWeight = 1.5
)

// posting is one term's precomputed BM25F contribution to one document.
type posting struct {
	doc   int32
	score float32
}

// index is a field-weighted BM25 (BM25F) index over the topic entries, with
// word pairs as extra terms so that phrases and word order count.
// Everything a query needs is computed at load time.
type index struct {
	an    *analyzer
	docs  []*Entry
	terms map[string]int32   // stemmed word -> term id
	pairs map[[2]int32]int32 // pair of word term ids -> term id
	post  [][]posting        // term id -> postings
	known map[string]bool    // correctly spelt words: never corrected
	dict  *typoDict          // corrects misspelt words
}

// hit is one ranked document.
type hit struct {
	doc   int
	score float64
}

func buildIndex(an *analyzer, docs []*Entry) *index {
	ix := &index{
		an: an, docs: docs,
		terms: make(map[string]int32), pairs: make(map[[2]int32]int32),
		known: make(map[string]bool),
	}
	wordFreq := make(map[string]int)
	tf := make([]map[int32]*[numFields]float64, len(docs))
	lengths := make([][numFields]float64, len(docs))
	for d, e := range docs {
		tf[d] = make(map[int32]*[numFields]float64)
		count := func(id int32, f field) {
			c := tf[d][id]
			if c == nil {
				c = new([numFields]float64)
				tf[d][id] = c
			}
			c[f]++
		}
		for f, segments := range docFields(e) {
			for _, seg := range segments {
				raw := tokenize(seg)
				for _, w := range raw {
					if w != clauseBreak {
						wordFreq[w]++
					}
				}
				// Phrase expansions stand for a question's intent; in an
				// entry's own text they would fire on reassurance ("doesn't
				// mean you did something wrong") and on the warning signs
				// every entry repeats, giving the intent to the wrong entries.
				terms, added := an.analyze(raw)
				terms = terms[:added]
				prev := int32(-1)
				for _, t := range terms {
					// Numbers in prose are statistics; only titles, aliases and keywords index them.
					if t == "" || (field(f) >= fieldShort && hasDigit(t)) {
						prev = -1
						continue
					}
					id := ix.wordID(t)
					count(id, field(f))
					lengths[d][f]++
					if prev >= 0 {
						count(ix.pairID(prev, id), field(f))
					}
					prev = id
				}
			}
		}
	}
	ix.computePostings(tf, lengths)
	ix.buildVocabulary(wordFreq)
	return ix
}

// wordID returns the term id of a stemmed word, adding it if new.
func (ix *index) wordID(w string) int32 {
	id, ok := ix.terms[w]
	if !ok {
		id = ix.newTerm()
		ix.terms[w] = id
	}
	return id
}

// pairID returns the term id of two neighbouring words, adding it if new.
func (ix *index) pairID(a, b int32) int32 {
	id, ok := ix.pairs[[2]int32{a, b}]
	if !ok {
		id = ix.newTerm()
		ix.pairs[[2]int32{a, b}] = id
	}
	return id
}

func (ix *index) newTerm() int32 {
	ix.post = append(ix.post, nil)
	return int32(len(ix.post) - 1)
}

// docFields returns the text of each field of e; aliases and keywords are
// separate segments so that word pairs never span two of them.
func docFields(e *Entry) [numFields][]string {
	return [numFields][]string{
		fieldTitle:   {e.Title},
		fieldAlias:   e.Aliases,
		fieldKeyword: e.Keywords,
		fieldShort:   {e.Short},
		fieldDoNow:   {e.DoNow},
		fieldGetHelp: {e.GetHelp},
	}
}

// computePostings turns raw counts into each term's BM25F score per document.
func (ix *index) computePostings(tf []map[int32]*[numFields]float64, lengths [][numFields]float64) {
	params := fieldParams()
	var avg [numFields]float64
	for _, l := range lengths {
		for f := range avg {
			avg[f] += l[f]
		}
	}
	n := float64(len(ix.docs))
	for f := range avg {
		avg[f] /= max(n, 1)
	}
	// Document frequency counts an entry fully when the term is in its
	// title, aliases, keywords or short answer, and only a quarter when the
	// term is just in the advice lists, which repeat the same words
	// ("doctor", "numbness") in every entry and would otherwise make those
	// words worthless for the one entry that is about them.
	df := make([]float64, len(ix.post))
	for d := range tf {
		for id, c := range tf[d] {
			if c[fieldTitle]+c[fieldAlias]+c[fieldKeyword]+c[fieldShort] > 0 {
				df[id]++
			} else {
				df[id] += 0.25
			}
		}
	}
	for d := range tf {
		ids := make([]int32, 0, len(tf[d]))
		for id := range tf[d] {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, id := range ids {
			counts := tf[d][id]
			w := 0.0
			for f, p := range params {
				if counts[f] == 0 || avg[f] == 0 {
					continue
				}
				w += p.weight * counts[f] / (1 - p.b + p.b*lengths[d][f]/avg[f])
			}
			idf := math.Log(1 + (n-df[id]+0.5)/(df[id]+0.5))
			score := idf * w * (bm25K1 + 1) / (w + bm25K1)
			ix.post[id] = append(ix.post[id], posting{doc: int32(d), score: float32(score)})
		}
	}
}

// buildVocabulary records the correctly spelt words (from the entries, the
// synonym table and the stopwords) and the typo dictionary, most frequent
// words first so they win ties.
func (ix *index) buildVocabulary(wordFreq map[string]int) {
	stop := stopwordList()
	entryWords := make([]string, 0, len(wordFreq))
	for w := range wordFreq {
		entryWords = append(entryWords, w)
	}
	sort.Slice(entryWords, func(i, j int) bool {
		a, b := entryWords[i], entryWords[j]
		if wordFreq[a] != wordFreq[b] {
			return wordFreq[a] > wordFreq[b]
		}
		return a < b
	})
	synWords := ix.an.vocabulary()
	all := make([]string, 0, len(stop)+len(entryWords)+len(synWords))
	all = append(all, stop...)
	all = append(all, entryWords...)
	all = append(all, synWords...)
	for _, w := range all {
		ix.known[w] = true
	}
	ix.dict = newTypoDict(all)
}

// isKnown reports whether w is a correctly spelt word.
func (ix *index) isKnown(w string) bool {
	return ix.known[w]
}

// correct returns raw with each misspelt word replaced by the closest
// known word. Known words, numbers, short words and words whose stem is
// indexed are left alone.
func (ix *index) correct(raw []string) []string {
	out := make([]string, len(raw))
	for i, t := range raw {
		out[i] = t
		if t == clauseBreak || ix.known[t] || len(t) < 4 || hasDigit(t) {
			continue
		}
		if _, ok := ix.terms[stem(t)]; ok {
			continue
		}
		if c := ix.dict.correct(t); c != "" {
			out[i] = c
		}
	}
	return out
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// search ranks the documents against already corrected tokens and returns
// the best n with a positive score, best first.
func (ix *index) search(toks []string, n int) []hit {
	terms, added := ix.an.analyze(toks)
	acc := make([]float64, len(ix.docs))
	seenPairs := make([]int32, 0, len(terms))
	add := func(id int32, weight float64) {
		for _, p := range ix.post[id] {
			acc[p.doc] += weight * float64(p.score)
		}
	}
	prev := int32(-1)
	for i, t := range terms {
		id, ok := ix.terms[t]
		if t == "" || !ok {
			prev = -1
			continue
		}
		// A word typed twice, or two words with one meaning ("bike or
		// treadmill"), counts twice; a pair counts once. Words added by a
		// phrase expansion stand for the question's intent and count more.
		w := 1.0
		if i >= added {
			w = expansionWeight
		}
		add(id, w)
		if prev >= 0 {
			if pid, ok := ix.pairs[[2]int32{prev, id}]; ok && !slices.Contains(seenPairs, pid) {
				seenPairs = append(seenPairs, pid)
				add(pid, bigramWeight)
			}
		}
		prev = id
	}
	return topHits(acc, n)
}

// topHits returns the n best positive scores, best first; ties keep
// document order so results are deterministic.
func topHits(acc []float64, n int) []hit {
	hits := make([]hit, 0, n+1)
	for d, s := range acc {
		if s <= 0 {
			continue
		}
		i := len(hits)
		for i > 0 && hits[i-1].score < s {
			i--
		}
		if i >= n {
			continue
		}
		hits = append(hits, hit{})
		copy(hits[i+1:], hits[i:])
		hits[i] = hit{doc: d, score: s}
		if len(hits) > n {
			hits = hits[:n]
		}
	}
	return hits
}
