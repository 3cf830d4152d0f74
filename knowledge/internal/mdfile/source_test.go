package mdfile

import "testing"

func TestCheckSourcesAcceptsCompleteSources(t *testing.T) {
	noProblems(t, CheckSources("a.md", []Source{
		{Title: "Low back pain", Org: "NICE", Year: 2016},
		{Title: "Sore back", Org: "Fitbod", Undated: true},
	}))
}

func TestCheckSourcesReportsEachProblem(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sources []Source
		field   string
		words   string
	}{
		{"no sources", nil, "sources", "at least one source is required"},
		{"blank title", []Source{{Title: " ", Org: "NICE", Year: 2016}}, "sources[0].title", "missing"},
		{"no org", []Source{{Title: "T", Org: "O", Year: 2016}, {Title: "T", Year: 2016}}, "sources[1].org", "missing"},
		{"no year", []Source{{Title: "T", Org: "O"}}, "sources[0].year", "if the source has no date, write undated = true"},
		{"implausible year", []Source{{Title: "T", Org: "O", Year: 16}}, "sources[0].year", "16 is not a plausible publication year"},
		{"year after the limit", []Source{{Title: "T", Org: "O", Year: 2101}}, "sources[0].year", "2101 is not a plausible"},
		{"both dated and undated", []Source{{Title: "T", Org: "O", Year: 2016, Undated: true}}, "sources[0].year", "not both"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems := CheckSources("a.md", tc.sources)
			hasProblem(t, problems, "a.md", tc.field, tc.words)
			if len(problems) != 1 {
				t.Errorf("want exactly one problem, got %v", problems)
			}
		})
	}
}
