package knowledge

import (
	"slices"
	"testing"
	"time"
)

// reportLatency adds the median and 99th-percentile time per call.
func reportLatency(b *testing.B, samples []time.Duration) {
	b.Helper()
	if len(samples) == 0 {
		return
	}
	slices.Sort(samples)
	at := func(q float64) float64 { return float64(samples[int(q*float64(len(samples)-1))].Nanoseconds()) }
	b.ReportMetric(at(0.50), "p50-ns")
	b.ReportMetric(at(0.99), "p99-ns")
}

func evalQuestions(b *testing.B) []string {
	b.Helper()
	rows := readEvalSet(b)
	qs := make([]string, len(rows))
	for i, r := range rows {
		qs[i] = r.question
	}
	return qs
}

func BenchmarkAnswer(b *testing.B) {
	kb := mustDefault(b)
	qs := evalQuestions(b)
	timeEach(b, qs, func(q string) { kb.Answer(q) })
}

func BenchmarkBaselineAnswer(b *testing.B) {
	kb := mustDefault(b)
	bl := newBaseline(kb.Entries())
	qs := evalQuestions(b)
	timeEach(b, qs, func(q string) { bl.answer(q) })
}

// BenchmarkSuggest replays a member typing each entry title, alias and a
// few slang words and typos, one keystroke at a time.
func BenchmarkSuggest(b *testing.B) {
	kb := mustDefault(b)
	var inputs []string
	typed := []string{"dl", "hex b", "sciatcia", "physio", "tylenol", "my back hurts after squats"}
	for _, e := range kb.Entries() {
		typed = append(typed, e.Title)
		typed = append(typed, e.Aliases...)
	}
	for _, s := range typed {
		for n := 0; n <= len(s); n += 3 {
			inputs = append(inputs, s[:n])
		}
	}
	timeEach(b, inputs, func(in string) { kb.Suggest(in, AutocompleteChoicesMax) })
}

// timeEach runs fn over inputs in turn for the benchmark's iterations and
// reports the latency percentiles of the calls.
func timeEach(b *testing.B, inputs []string, fn func(string)) {
	b.Helper()
	samples := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		fn(inputs[i%len(inputs)])
		samples = append(samples, time.Since(start))
	}
	reportLatency(b, samples)
}
