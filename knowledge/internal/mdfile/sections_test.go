package mdfile

import (
	"reflect"
	"strings"
	"testing"
)

var testHeadings = []string{"First", "Second", "Third"}

func TestSectionsReadsEachSectionTrimmed(t *testing.T) {
	body := "\n## First\n\n- one\n- two\n\n## Second\nplain text\n##  Third \nlast\n"
	got, problems := Sections("a.md", body, testHeadings)
	noProblems(t, problems)
	want := map[string]string{"First": "- one\n- two", "Second": "plain text", "Third": "last"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections = %q, want %q", got, want)
	}
}

func TestSectionsReportsEachProblem(t *testing.T) {
	const valid = "## First\n1\n\n## Second\n2\n\n## Third\n3\n"
	for _, tc := range []struct {
		name, body, field, words string
	}{
		{"text before the first heading, clipped", strings.Repeat("x", 50) + "\n" + valid,
			"body", "text before the first section heading: " + strings.Repeat("x", 40) + "…"},
		{"unknown heading names the ones to use", strings.Replace(valid, "## Second", "## Middle", 1),
			"## Middle", `unknown section (use "First", "Second", "Third")`},
		{"heading twice", valid + "## Second\nagain\n", "## Second", "section appears twice"},
		{"heading out of order", "## Second\n2\n\n## First\n1\n\n## Third\n3\n", "## First", "section out of order"},
		{"section missing", strings.Replace(valid, "## Third\n3\n", "", 1), "## Third", "section missing or empty"},
		{"section empty", strings.Replace(valid, "## Second\n2\n", "## Second\n \n", 1), "## Second", "section missing or empty"},
		{"text under an unknown heading is not kept", strings.Replace(valid, "## Third", "## Fourth", 1), "## Third", "section missing or empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Sections("a.md", tc.body, testHeadings)
			hasProblem(t, problems, "a.md", tc.field, tc.words)
		})
	}
}

func TestSectionsKeepsTheTextItCouldRead(t *testing.T) {
	got, problems := Sections("a.md", "Intro.\n## First\n1\n## Extra\nx\n## Third\n3\n", testHeadings)
	if len(problems) != 3 {
		t.Errorf("want 3 problems (intro, unknown heading, missing Second), got %v", problems)
	}
	want := map[string]string{"First": "1", "Third": "3"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections = %q, want %q", got, want)
	}
}
