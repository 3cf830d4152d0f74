package knowledge

import "strings"

// maxTypos is how many edits a misspelt word of n bytes may carry and still
// be corrected: none for short words (where one edit makes another real word),
// one for ordinary words, two for long ones.
func maxTypos(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 9:
		return 1
	default:
		return 2
	}
}

// typoDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbouring letters),
// or limit+1 as soon as it must exceed limit. A word of four letters or
// fewer may only be corrected by a swap, since one other edit turns "sore"
// into "core" and "blow" into "below".
func typoDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if len(a) <= 4 {
		switch {
		case a == b:
			return 0
		case len(a) == len(b) && isSwap(a, b):
			return 1
		}
		return limit + 1
	}
	var rows [3][32]int
	if len(b) >= len(rows[0]) {
		return limit + 1
	}
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

func isSwap(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// typoDict corrects misspelt words against a fixed vocabulary. It indexes
// every word under each of its one-letter deletions (the symmetric-delete
// idea), so a lookup only compares the few words that share a deletion with
// the query instead of the whole vocabulary.
type typoDict struct {
	words   map[string]int   // word -> id; a lower id wins a tie
	deletes map[string][]int // word or one-letter deletion -> word ids
	list    []string         // id -> word
}

// newTypoDict indexes words; earlier words win ties, so callers list more
// common words first.
func newTypoDict(words []string) *typoDict {
	d := &typoDict{words: make(map[string]int, len(words)), deletes: make(map[string][]int, len(words)*6)}
	for _, w := range words {
		if _, dup := d.words[w]; dup || len(w) < 4 || len(w) >= 32 {
			continue
		}
		id := len(d.list)
		d.words[w] = id
		d.list = append(d.list, w)
		d.deletes[w] = append(d.deletes[w], id)
		for i := 0; i < len(w); i++ {
			k := w[:i] + w[i+1:]
			d.deletes[k] = append(d.deletes[k], id)
		}
	}
	return d
}

// correct returns the vocabulary word closest to w within maxTypos(len(w))
// edits, or "" when there is none or w is itself in the vocabulary.
//
// Candidates come from w and its one-letter deletions looked up in the
// deletion index, which finds every word within one edit (and swaps); for
// long words two deletions are also tried, which finds most two-edit typos.
func (d *typoDict) correct(w string) string {
	limit := maxTypos(len(w))
	if limit == 0 || len(w) >= 32 {
		return ""
	}
	if _, ok := d.words[w]; ok {
		return ""
	}
	best, bestDist := -1, limit+1
	consider := func(key string) {
		for _, id := range d.deletes[key] {
			dist := typoDistance(w, d.list[id], limit)
			if dist < bestDist || (dist == bestDist && id < best) {
				best, bestDist = id, dist
			}
		}
	}
	consider(w)
	for i := 0; i < len(w); i++ {
		k := w[:i] + w[i+1:]
		consider(k)
		if limit < 2 {
			continue
		}
		for j := i; j < len(k); j++ {
			consider(k[:j] + k[j+1:])
		}
	}
	if best < 0 {
		return ""
	}
	return d.list[best]
}

// unstar reads back a censored word: the vocabulary word that begins with
// what stands before the stars and ends with what stands after them
// ("a**hole", "sui**de", "k!ll"), with at least one letter for the stars; "" when
// there is none.
func (d *typoDict) unstar(w string) string {
	first, last := strings.IndexAny(w, censorMarks), strings.LastIndexAny(w, censorMarks)
	if first < 0 {
		return ""
	}
	prefix, suffix := w[:first], w[last+1:]
	for _, cand := range d.list {
		if len(cand) > len(prefix)+len(suffix) && strings.HasPrefix(cand, prefix) && strings.HasSuffix(cand, suffix) {
			return cand
		}
	}
	return ""
}
