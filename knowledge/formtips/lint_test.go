package formtips

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// onlySquatForm is a knowledge base with just the squat-form entry.
func onlySquatForm(id string) bool { return id == "squat-form" }

// edit returns the valid fixture for a.md ("A card") with old replaced by new.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	text := fixtureCard("a", "A card")
	if !strings.Contains(text, old) {
		t.Fatalf("fixture has no %q", old)
	}
	return strings.Replace(text, old, new, 1)
}

// withoutSources returns the valid fixture for a.md with its sources removed.
func withoutSources(t *testing.T) string {
	t.Helper()
	text := fixtureCard("a", "A card")
	start, end := strings.Index(text, "[[sources]]"), strings.Index(text, "+++\n\n## Setup")
	if start < 0 || end < start {
		t.Fatal("fixture has no sources before the closing +++")
	}
	return text[:start] + text[end:]
}

func TestLintAcceptsValidCards(t *testing.T) {
	fsys := mapFS(t, "a.md", fixtureCard("a", "A card"), "b.md", fixtureCard("b", "B card"))
	if problems := Lint(fsys, onlySquatForm); len(problems) > 0 {
		t.Fatalf("valid cards reported: %v", problems)
	}
}

func TestLintReportsEachProblem(t *testing.T) {
	long := strings.Repeat("- Brace hard and keep the bar close.\n", 30)
	nearlyFull := strings.Repeat("x", MaxSectionLen-10)
	const sectionsOrder = "## Setup\n- Feet under the bar.\n\n## Cues\n- Brace, then move.\n"
	for _, tc := range []struct {
		name  string
		files []string // name/content pairs
		file  string
		field string
		msg   string
	}{
		{"no front matter", []string{"a.md", "## Setup\n- x\n"}, "a.md", "front matter", "must start with a +++ line"},
		{"unclosed front matter", []string{"a.md", edit(t, "+++\n\n## Setup", "\n## Setup")}, "a.md", "front matter", "closing +++"},
		{"invalid TOML", []string{"a.md", edit(t, `title = "A card"`, `title = "A card`)}, "a.md", "front matter", "invalid TOML"},
		{"unknown field", []string{"a.md", edit(t, `related =`, `keywords = ["x"]`+"\nrelated =")}, "a.md", "keywords", "unknown field"},
		{"missing id", []string{"a.md", edit(t, `id = "a"`, "")}, "a.md", "id", "missing"},
		{"id not lower-case words", []string{"A_b.md", edit(t, `id = "a"`, `id = "A_b"`)}, "A_b.md", "id", "lower-case words"},
		{"id not the file name", []string{"a.md", edit(t, `id = "a"`, `id = "b"`)}, "a.md", "id", "file name"},
		{"id used twice", []string{"a.md", fixtureCard("a", "A card"), "b.md", fixtureCard("a", "B card")}, "b.md", "id", "already names the card in a.md"},
		{"missing title", []string{"a.md", edit(t, `title = "A card"`, `title = " "`)}, "a.md", "title", "missing"},
		{"title too long", []string{"a.md", edit(t, `title = "A card"`, fmt.Sprintf("title = %q", strings.Repeat("t", MaxTitleLen+1)))}, "a.md", "title", "at most 100"},
		{"title on two lines", []string{"a.md", edit(t, `title = "A card"`, `title = "A\ncard"`)}, "a.md", "title", "one line"},
		{"title names another card", []string{"a.md", fixtureCard("a", "Same"), "b.md", fixtureCard("b", "SAME!")}, "b.md", "title", "already names the card in a.md"},
		{"empty alias", []string{"a.md", edit(t, `aliases = ["A card alias"]`, `aliases = ["--"]`)}, "a.md", "aliases[0]", "empty alias"},
		{"alias listed twice", []string{"a.md", edit(t, `aliases = ["A card alias"]`, `aliases = ["RDL", "r.d.l."]`)}, "a.md", "aliases[1]", "listed twice"},
		{"alias names another card", []string{"a.md", edit(t, `aliases = ["A card alias"]`, `aliases = ["b card"]`), "b.md", fixtureCard("b", "B card")}, "a.md", "aliases[0]", "already names the card in b.md"},
		{"alias is another card's alias", []string{"a.md", fixtureCard("a", "A card"), "b.md", strings.Replace(fixtureCard("b", "B card"), `"B card alias"`, `"A card alias"`, 1)}, "b.md", "aliases[0]", "already names the card in a.md"},
		{"no related entries", []string{"a.md", edit(t, `related = ["squat-form"]`, `related = []`)}, "a.md", "related", "want 1 to 5"},
		{"too many related entries", []string{"a.md", edit(t, `related = ["squat-form"]`, `related = ["squat-form", "b", "c", "d", "e", "f"]`)}, "a.md", "related", "want 1 to 5"},
		{"related entry unknown", []string{"a.md", edit(t, `related = ["squat-form"]`, `related = ["squat-from"]`)}, "a.md", "related[0]", `no knowledge-base entry has id "squat-from"`},
		{"related entry listed twice", []string{"a.md", edit(t, `related = ["squat-form"]`, `related = ["squat-form", "squat-form"]`)}, "a.md", "related[1]", "listed twice"},
		{"no sources", []string{"a.md", withoutSources(t)}, "a.md", "sources", "at least one"},
		{"source without title", []string{"a.md", edit(t, `title = "Sore Lower Back From Squats? Here's How to Fix It"`, "")}, "a.md", "sources[0].title", "missing"},
		{"source without org", []string{"a.md", edit(t, `org = "Livestrong.com"`, "")}, "a.md", "sources[0].org", "missing"},
		{"source without year", []string{"a.md", edit(t, "year = 2023", "")}, "a.md", "sources[0].year", "undated = true"},
		{"undated source with a year", []string{"a.md", edit(t, "undated = true", "undated = true\nyear = 2021")}, "a.md", "sources[1].year", "takes no year"},
		{"implausible year", []string{"a.md", edit(t, "year = 2023", "year = 23")}, "a.md", "sources[0].year", "plausible"},
		{"section missing", []string{"a.md", edit(t, "## Cues\n- Brace, then move.\n", "")}, "a.md", "## Cues", "missing or empty"},
		{"section empty", []string{"a.md", edit(t, "- Goblet squat.\n", "\n")}, "a.md", "## Regressions", "missing or empty"},
		{"unknown section", []string{"a.md", edit(t, "## Cues", "## Coaching cues")}, "a.md", "## Coaching cues", "unknown section"},
		{"section twice", []string{"a.md", edit(t, "## Regressions", "## Setup\n- again\n\n## Regressions")}, "a.md", "## Setup", "appears twice"},
		{"sections out of order", []string{"a.md", edit(t, sectionsOrder, "## Cues\n- Brace, then move.\n\n## Setup\n- Feet under the bar.\n")}, "a.md", "## Setup", "out of order"},
		{"text before the first section", []string{"a.md", edit(t, "## Setup", "Intro line.\n\n## Setup")}, "a.md", "body", "before the first section heading"},
		{"section too long", []string{"a.md", edit(t, "- Brace, then move.\n", long)}, "a.md", "## Cues", "at most 900"},
		{"card too long", []string{"a.md", strings.NewReplacer(
			"- Feet under the bar.", nearlyFull,
			"- Brace, then move.", nearlyFull,
			"- **Rounding**: take weight off.", nearlyFull,
			"- Goblet squat.", nearlyFull,
		).Replace(fixtureCard("a", "A card"))}, "a.md", "card", "at most 3500"},
		{"dose in a section", []string{"a.md", edit(t, "- Goblet squat.", "- Goblet squat; take 400 mg of ibuprofen first.")}, "a.md", "## Regressions", `dose-like text "400 mg"`},
		{"dosing schedule in a section", []string{"a.md", edit(t, "- Brace, then move.", "- Brace, then move; painkillers twice daily help.")}, "a.md", "## Cues", `dose-like text "twice daily"`},
		{"no card files", nil, "", "", "no card files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems := Lint(mapFS(t, tc.files...), onlySquatForm)
			for _, p := range problems {
				if p.File == tc.file && p.Field == tc.field && strings.Contains(p.Message, tc.msg) {
					return
				}
			}
			t.Errorf("want a problem %q at %s %s; got %v", tc.msg, tc.file, tc.field, problems)
		})
	}
}

func TestLintSkipsRelatedCheckWithoutKnownIDs(t *testing.T) {
	fsys := mapFS(t, "a.md", edit(t, `related = ["squat-form"]`, `related = ["anything"]`))
	if problems := Lint(fsys, nil); len(problems) > 0 {
		t.Errorf("nil knownEntryIDs still checked related ids: %v", problems)
	}
}

func TestLoadRefusesCardsWithProblems(t *testing.T) {
	fsys := fstest.MapFS{"a.md": &fstest.MapFile{Data: []byte(edit(t, "## Cues\n- Brace, then move.\n", ""))}}
	_, err := Load(fsys)
	var lintErr *LintError
	if !errors.As(err, &lintErr) {
		t.Fatalf("Load error = %v, want a *LintError", err)
	}
	if len(lintErr.Problems) != 1 || lintErr.Problems[0].Field != "## Cues" {
		t.Errorf("problems = %v, want the missing Cues section only", lintErr.Problems)
	}
	if !strings.Contains(err.Error(), "a.md: ## Cues: section missing or empty") {
		t.Errorf("error text %q does not name the file, section and problem", err)
	}
}
