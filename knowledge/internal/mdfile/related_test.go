package mdfile

import "testing"

func TestRelatedCheck(t *testing.T) {
	known := func(id string) bool { return id == "leg-pain" || id == "red-flags" }
	entries := Related{Max: 2, Known: known, Noun: "entry"}
	for _, tc := range []struct {
		name  string
		r     Related
		self  string
		ids   []string
		field string
		words string
	}{
		{"valid", entries, "heat", []string{"leg-pain", "red-flags"}, "", ""},
		{"nil Known accepts any id", Related{Max: 2, Noun: "entry"}, "", []string{"anything"}, "", ""},
		{"no self given allows any id", entries, "", []string{"leg-pain"}, "", ""},
		{"empty", entries, "heat", nil, "related", "lists 0 entries; want 1 to 2"},
		{"too many", entries, "heat", []string{"leg-pain", "red-flags", "leg-pain"}, "related", "lists 3 entries"},
		{"listed twice", entries, "heat", []string{"leg-pain", "leg-pain"}, "related[1]", `"leg-pain" is listed twice`},
		{"links to itself", entries, "leg-pain", []string{"leg-pain"}, "related[0]", "links to the entry itself"},
		{"blank id without a self is unknown", entries, "", []string{""}, "related[0]", `no entry has id ""`},
		{"unknown id named with the noun", Related{Max: 2, Known: known, Noun: "knowledge-base entry"}, "",
			[]string{"icing"}, "related[0]", `no knowledge-base entry has id "icing"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems := tc.r.Check("a.md", tc.self, tc.ids)
			if tc.words == "" {
				noProblems(t, problems)
				return
			}
			hasProblem(t, problems, "a.md", tc.field, tc.words)
		})
	}
}
