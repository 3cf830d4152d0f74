package knowledge

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"
)

// evalRow is one line of testdata/eval.tsv.
type evalRow struct {
	line     int
	batch    string
	category string
	expected []string // entry ids, or "emergency", "crisis", "offtopic"
	question string
}

const evalPath = "testdata/eval.tsv"

// readEvalSet reads the evaluation set; a missing file fails the test, since
// the quality bar is measured on it.
func readEvalSet(tb testing.TB) []evalRow {
	tb.Helper()
	var rows []evalRow
	for _, r := range readTSV(tb, evalPath, 4) {
		rows = append(rows, evalRow{line: r.line, batch: r.cols[0], category: r.cols[1],
			expected: strings.Split(r.cols[2], "|"), question: r.cols[3]})
	}
	return rows
}

// tsvRow is one line of a measured set: its line number and columns.
type tsvRow struct {
	line int
	cols []string
}

// readTSV reads a tab-separated set with a header line and exactly width
// columns a row. A missing or empty file fails the test: the quality bars
// are measured on these sets, so they must never be skipped.
func readTSV(tb testing.TB, path string, width int) []tsvRow {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("opening %s: %v", path, err)
	}
	defer f.Close()
	var rows []tsvRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 || strings.TrimSpace(line) == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != width {
			tb.Fatalf("%s:%d: want %d tab-separated columns, got %d", path, n, width, len(cols))
		}
		rows = append(rows, tsvRow{line: n, cols: cols})
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("reading %s: %v", path, err)
	}
	if len(rows) == 0 {
		tb.Fatalf("%s has no rows", path)
	}
	return rows
}

// outcome names a result the way eval.tsv does.
func outcome(r Result) string {
	switch r.Kind {
	case ResultEmergency:
		return "emergency"
	case ResultCrisis:
		return "crisis"
	case ResultOffTopic:
		return "offtopic"
	}
	return r.Entry.ID
}

func (row evalRow) accepts(got string) bool {
	for _, e := range row.expected {
		if e == got {
			return true
		}
	}
	return false
}

// tally counts hits per category.
type tally struct {
	hits, total map[string]int
}

func newTally() *tally { return &tally{hits: map[string]int{}, total: map[string]int{}} }

func (t *tally) add(category string, ok bool) {
	t.total[category]++
	if ok {
		t.hits[category]++
	}
}

func (t *tally) overall() (hits, total int) {
	for c, n := range t.total {
		total += n
		hits += t.hits[c]
	}
	return hits, total
}

func (t *tally) log(tb testing.TB, name string) {
	tb.Helper()
	cats := make([]string, 0, len(t.total))
	for c := range t.total {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		tb.Logf("%s %-10s %3d/%3d  %5.1f%%", name, c, t.hits[c], t.total[c], 100*float64(t.hits[c])/float64(t.total[c]))
	}
	h, n := t.overall()
	tb.Logf("%s %-10s %3d/%3d  %5.1f%%", name, "overall", h, n, 100*float64(h)/float64(n))
}

func TestEvalSet(t *testing.T) {
	rows := readEvalSet(t)
	b := mustDefault(t)
	tl := newTally()
	// byBatch separates the questions tuned on (batch 1) from the fresh
	// ones written after tuning (batches 2 to 4, each written blind), to
	// show whether the tuning generalises. On arrival batch 3 scored 54/60
	// and batch 4 42/45; their crisis misses and batch 3's "back day"
	// off-topic misses led to general fixes, so the next blind batch is
	// the next honest measure.
	byBatch := map[string]*tally{}
	for _, row := range rows {
		got := outcome(b.Answer(row.question))
		ok := row.accepts(got)
		tl.add(row.category, ok)
		if byBatch[row.batch] == nil {
			byBatch[row.batch] = newTally()
		}
		byBatch[row.batch].add(row.category, ok)
		if ok {
			continue
		}
		t.Logf("miss line %d [%s]: %q: want %s, got %s", row.line, row.category, row.question, strings.Join(row.expected, "|"), got)
		for _, must := range []string{"emergency", "crisis"} {
			if row.accepts(must) {
				t.Errorf("line %d: %s question %q answered %s", row.line, must, row.question, got)
			}
		}
	}
	tl.log(t, "spotter")
	for batch, bt := range byBatch {
		h, n := bt.overall()
		t.Logf("spotter batch %s  %3d/%3d  %5.1f%%", batch, h, n, 100*float64(h)/float64(n))
	}
	if h, n := tl.overall(); float64(h) < 0.9*float64(n) {
		t.Errorf("overall top-1 accuracy %d/%d is below 90%%", h, n)
	}
}
