package mdfile

import (
	"errors"
	"fmt"
	"testing"
)

func TestProblemString(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    Problem
		want string
	}{
		{"all parts", Problem{File: "a.md", Field: "id", Message: "missing"}, "a.md: id: missing"},
		{"no field", Problem{File: "a.md", Message: "reading: boom"}, "a.md: reading: boom"},
		{"whole set", Problem{Field: "kind", Message: "want one"}, "kind: want one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLintErrorListsEveryProblemUnderACount(t *testing.T) {
	problems := []Problem{
		{File: "a.md", Field: "id", Message: "missing"},
		{Message: "no card files (*.md) found"},
	}
	for _, tc := range []struct {
		name    string
		subject string
		want    string
	}{
		{"with a subject", "form cards have",
			"form cards have 2 problem(s):\n  a.md: id: missing\n  no card files (*.md) found"},
		{"without a subject", "",
			"found 2 problem(s):\n  a.md: id: missing\n  no card files (*.md) found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := fmt.Errorf("loading: %w", &LintError{Subject: tc.subject, Problems: problems})
			var le *LintError
			if !errors.As(err, &le) {
				t.Fatalf("errors.As found no *LintError in %v", err)
			}
			if got := le.Error(); got != tc.want {
				t.Errorf("Error() =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
