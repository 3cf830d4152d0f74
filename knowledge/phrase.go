package knowledge

import "strings"

// maxGap is how many other words a "..." in a phrase pattern may stand for.
const maxGap = 3

// phraseSet finds any of a list of phrase patterns in a token sequence.
//
// Pattern syntax: words separated by spaces; "a|b|c" accepts any one of the
// alternatives; a word ending in "*" accepts any word with that prefix
// ("suicid*"); "..." lets up to maxGap other words stand between its
// neighbours, and "...N" (N a digit) up to N. A match never crosses a
// clauseBreak.
type phraseSet struct {
	patterns []phrasePattern
	byFirst  map[string][]int // exact first word -> pattern indexes
	// byInitial lists, by a token's first byte, the patterns whose first
	// step has a prefix alternative starting with that byte ("suicid*"),
	// so a token is tried only against prefixes that could match it.
	byInitial [256][]int
}

type phrasePattern struct {
	steps []phraseStep
	label int // the group the pattern came from
}

type phraseStep struct {
	words    []string            // exact alternatives
	wordSet  map[string]struct{} // the same, for steps with many alternatives
	prefixes []string            // prefix alternatives (written with a trailing *)
	gap      int                 // other words allowed before this step
}

// manyWords is the number of alternatives above which a step looks a
// word up in a set instead of comparing it with each in turn.
const manyWords = 8

func (s phraseStep) accepts(tok string) bool {
	if s.wordSet != nil {
		if _, ok := s.wordSet[tok]; ok {
			return true
		}
	} else {
		for _, w := range s.words {
			if tok == w {
				return true
			}
		}
	}
	for _, p := range s.prefixes {
		if strings.HasPrefix(tok, p) {
			return true
		}
	}
	return false
}

// compilePhrases parses patterns written in the syntax above.
func compilePhrases(patterns []string) *phraseSet {
	return compileGroups([][]string{patterns})
}

// compileGroups parses groups of patterns into one set; a match reports the
// index of its pattern's group as its label. One set with many groups
// scans a question once instead of once per group.
func compileGroups(groups [][]string) *phraseSet {
	ps := &phraseSet{byFirst: make(map[string][]int)}
	for label, patterns := range groups {
		for _, src := range patterns {
			if p, ok := parsePattern(src, label); ok {
				ps.add(p)
			}
		}
	}
	return ps
}

func parsePattern(src string, label int) (phrasePattern, bool) {
	p := phrasePattern{label: label}
	gap := 0
	for _, part := range strings.Fields(src) {
		if n, ok := strings.CutPrefix(part, "..."); ok {
			gap = maxGap
			if len(n) == 1 && n[0] >= '1' && n[0] <= '9' {
				gap = int(n[0] - '0')
			}
			continue
		}
		st := phraseStep{gap: gap}
		for _, alt := range strings.Split(part, "|") {
			if w, ok := strings.CutSuffix(alt, "*"); ok {
				st.prefixes = append(st.prefixes, w)
			} else {
				st.words = append(st.words, alt)
			}
		}
		if len(st.words) > manyWords {
			st.wordSet = make(map[string]struct{}, len(st.words))
			for _, w := range st.words {
				st.wordSet[w] = struct{}{}
			}
		}
		p.steps = append(p.steps, st)
		gap = 0
	}
	return p, len(p.steps) > 0
}

func (ps *phraseSet) add(p phrasePattern) {
	id := len(ps.patterns)
	ps.patterns = append(ps.patterns, p)
	var initials [256]bool
	for _, pre := range p.steps[0].prefixes {
		if pre == "" {
			for b := range initials {
				initials[b] = true
			}
		} else {
			initials[pre[0]] = true
		}
	}
	for b, ok := range initials {
		if ok {
			ps.byInitial[b] = append(ps.byInitial[b], id)
		}
	}
	for _, w := range p.steps[0].words {
		ps.byFirst[w] = append(ps.byFirst[w], id)
	}
}

// vocabulary lists every exact word the patterns mention, for typo
// correction of the input, leaving out the patterns whose label skip
// reports (nil skips none).
func (ps *phraseSet) vocabulary(skip func(label int) bool) []string {
	var out []string
	for _, p := range ps.patterns {
		if skip != nil && skip(p.label) {
			continue
		}
		for _, st := range p.steps {
			out = append(out, st.words...)
		}
	}
	return out
}

// find calls fn with the label and the first and last token index of each
// match: at most one per pattern and start position (the shortest).
func (ps *phraseSet) find(toks []string, fn func(label, start, end int)) {
	for i, t := range toks {
		if t == clauseBreak || t == "" {
			continue
		}
		for _, id := range ps.byFirst[t] {
			if end, ok := ps.patterns[id].matchAt(toks, i); ok {
				fn(ps.patterns[id].label, i, end)
			}
		}
		for _, id := range ps.byInitial[t[0]] {
			if end, ok := ps.patterns[id].matchAt(toks, i); ok {
				fn(ps.patterns[id].label, i, end)
			}
		}
	}
}

// contains reports whether any pattern matches anywhere in toks.
func (ps *phraseSet) contains(toks []string) bool {
	found := false
	ps.find(toks, func(int, int, int) { found = true })
	return found
}

// blank returns a copy of toks with every match replaced by "_", a word
// that matches nothing.
func (ps *phraseSet) blank(toks []string) []string {
	out := make([]string, len(toks))
	copy(out, toks)
	ps.find(toks, func(_, start, end int) {
		for i := start; i <= end; i++ {
			out[i] = "_"
		}
	})
	return out
}

// matchAt reports whether the pattern matches starting at toks[start], and
// the index of the last token of the shortest such match.
func (p phrasePattern) matchAt(toks []string, start int) (int, bool) {
	if !p.steps[0].accepts(toks[start]) {
		return 0, false
	}
	return p.rest(toks, 1, start)
}

func (p phrasePattern) rest(toks []string, step, last int) (int, bool) {
	if step == len(p.steps) {
		return last, true
	}
	st := p.steps[step]
	for j := last + 1; j < len(toks) && j <= last+1+st.gap; j++ {
		if toks[j] == clauseBreak {
			return 0, false
		}
		if st.accepts(toks[j]) {
			if end, ok := p.rest(toks, step+1, j); ok {
				return end, true
			}
		}
	}
	return 0, false
}
