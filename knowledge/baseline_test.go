package knowledge

import (
	"math"
	"strings"
	"testing"
	"unicode"
)

// baseline is a plain BM25 over each entry's title, aliases, keywords and
// sections run together: no stemming, synonyms, typo correction, phrase
// pairs, field weights or safety layer. It exists to show what those add.
type baseline struct {
	docs  []*Entry
	post  map[string][]posting
	avgDL float64
}

func baselineWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func newBaseline(entries []*Entry) *baseline {
	bl := &baseline{docs: entries, post: map[string][]posting{}}
	tfs := make([]map[string]int, len(entries))
	lens := make([]float64, len(entries))
	for d, e := range entries {
		text := strings.Join([]string{e.Title, strings.Join(e.Aliases, " "), strings.Join(e.Keywords, " "), e.Short, e.DoNow, e.GetHelp}, " ")
		tfs[d] = map[string]int{}
		for _, w := range baselineWords(text) {
			tfs[d][w]++
			lens[d]++
		}
		bl.avgDL += lens[d] / float64(len(entries))
	}
	df := map[string]int{}
	for _, tf := range tfs {
		for w := range tf {
			df[w]++
		}
	}
	n := float64(len(entries))
	for d, tf := range tfs {
		for w, c := range tf {
			idf := math.Log(1 + (n-float64(df[w])+0.5)/(float64(df[w])+0.5))
			f := float64(c)
			s := idf * f * (bm25K1 + 1) / (f + bm25K1*(1-0.75+0.75*lens[d]/bl.avgDL))
			bl.post[w] = append(bl.post[w], posting{doc: int32(d), score: float32(s)})
		}
	}
	return bl
}

// answer returns the best entry's id, or "offtopic" when no word matched.
func (bl *baseline) answer(q string) string {
	acc := make([]float64, len(bl.docs))
	for _, w := range baselineWords(q) {
		for _, p := range bl.post[w] {
			acc[p.doc] += float64(p.score)
		}
	}
	hits := topHits(acc, 1)
	if len(hits) == 0 {
		return "offtopic"
	}
	return bl.docs[hits[0].doc].ID
}

func TestBaselineComparison(t *testing.T) {
	rows := readEvalSet(t)
	b := mustDefault(t)
	bl := newBaseline(b.Entries())
	ours, base := newTally(), newTally()
	for _, row := range rows {
		ours.add(row.category, row.accepts(outcome(b.Answer(row.question))))
		base.add(row.category, row.accepts(bl.answer(row.question)))
	}
	ours.log(t, "spotter ")
	base.log(t, "baseline")
	oh, n := ours.overall()
	bh, _ := base.overall()
	if oh <= bh {
		t.Errorf("spotter answers %d/%d, no better than plain BM25 (%d/%d)", oh, n, bh, n)
	}
}
