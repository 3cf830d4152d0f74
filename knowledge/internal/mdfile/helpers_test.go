package mdfile

import (
	"strings"
	"testing"
)

// hasProblem reports whether problems holds one at field whose message
// contains words, and fails the test listing them all when it does not.
func hasProblem(t *testing.T, problems []Problem, file, field, words string) {
	t.Helper()
	for _, p := range problems {
		if p.File == file && p.Field == field && strings.Contains(p.Message, words) {
			return
		}
	}
	t.Errorf("want a problem %s: %s: ...%s...; got %v", file, field, words, problems)
}

// noProblems fails the test when problems is not empty.
func noProblems(t *testing.T, problems []Problem) {
	t.Helper()
	if len(problems) > 0 {
		t.Errorf("want no problems, got %v", problems)
	}
}
