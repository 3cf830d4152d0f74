package knowledge

import (
	"strings"
	"testing"
	"testing/fstest"
)

// edit replaces old with new in one fixture file, failing if old is absent.
func edit(tb testing.TB, fsys fstest.MapFS, file, old, new string) {
	tb.Helper()
	f, ok := fsys[file]
	if !ok || !strings.Contains(string(f.Data), old) {
		tb.Fatalf("fixture %s has no %q", file, old)
	}
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
}

func TestLintFixturesAreClean(t *testing.T) {
	for _, p := range Lint(fixtureFS(t)) {
		t.Error(p)
	}
}

func TestLintFindsEachProblem(t *testing.T) {
	long := strings.Repeat("Lift with care. ", 80) // 1280 characters
	tests := []struct {
		name               string
		change             func(t *testing.T, fsys fstest.MapFS)
		file, field, words string
	}{
		{"missing front matter", func(t *testing.T, fsys fstest.MapFS) {
			fsys["heat-vs-ice.md"].Data = []byte("## Short answer\nWarmth.\n")
		}, "heat-vs-ice.md", "front matter", "must start with a +++ line"},
		{"unclosed front matter", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "year = 2006\n+++", "year = 2006\n")
		}, "heat-vs-ice.md", "front matter", "closing +++"},
		{"invalid toml", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `title = "Heat or ice?"`, `title = "Heat or ice?`)
		}, "heat-vs-ice.md", "front matter", "invalid TOML: line 3"},
		{"unknown field", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "keywords =", "keyword = [\"x\"]\nkeywords =")
		}, "heat-vs-ice.md", "keyword", "unknown field"},
		{"missing id", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "id = \"heat-vs-ice\"\n", "")
		}, "heat-vs-ice.md", "id", "missing"},
		{"id with capitals", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `id = "heat-vs-ice"`, `id = "Heat-vs-Ice"`)
		}, "heat-vs-ice.md", "id", "lower-case words"},
		{"id not the file name", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `id = "heat-vs-ice"`, `id = "heat"`)
		}, "heat-vs-ice.md", "id", "does not match the file name"},
		{"duplicate id", func(t *testing.T, fsys fstest.MapFS) {
			fsys["zz-copy.md"] = &fstest.MapFile{Data: fsys["heat-vs-ice.md"].Data}
			edit(t, fsys, "zz-copy.md", `aliases = ["heat or ice for my back", "should I ice my back"]`, `aliases = []`)
		}, "zz-copy.md", "id", "also used by heat-vs-ice.md"},
		{"missing title", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `title = "Heat or ice?"`, `title = "  "`)
		}, "heat-vs-ice.md", "title", "missing"},
		{"title too long for autocomplete", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `title = "Heat or ice?"`, `title = "`+strings.Repeat("h", 101)+`"`)
		}, "heat-vs-ice.md", "title", "101 characters; autocomplete shows at most 100"},
		{"alias repeated in one entry", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `"should I ice my back"]`, `"should I ice my back", "Should I ICE my back?"]`)
		}, "heat-vs-ice.md", "aliases[2]", "listed twice"},
		{"alias used by another entry", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "trap-bar-deadlift.md", `"hex bar deadlift"`, `"Heat or ice for my BACK"`)
		}, "trap-bar-deadlift.md", "aliases[0]", "already used by heat-vs-ice.md (alias)"},
		{"alias equal to another title", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "trap-bar-deadlift.md", `"hex bar deadlift"`, `"heat or ice"`)
		}, "trap-bar-deadlift.md", "aliases[0]", "already used by heat-vs-ice.md (title)"},
		{"empty keyword", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `"cold"]`, `"cold", " "]`)
		}, "heat-vs-ice.md", "keywords[4]", "empty keyword"},
		{"unknown kind", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "related =", "kind = \"urgent\"\nrelated =")
		}, "heat-vs-ice.md", "kind", `unknown kind "urgent"`},
		{"no related entries", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `related = ["leg-pain", "red-flags"]`, `related = []`)
		}, "heat-vs-ice.md", "related", "lists 0 entries; want 1 to 5"},
		{"too many related entries", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `related = ["leg-pain", "red-flags"]`,
				`related = ["leg-pain", "red-flags", "emergency", "crisis", "trap-bar-deadlift", "leg-pain"]`)
		}, "heat-vs-ice.md", "related", "lists 6 entries"},
		{"related link repeated", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `related = ["leg-pain", "red-flags"]`, `related = ["leg-pain", "leg-pain"]`)
		}, "heat-vs-ice.md", "related[1]", "listed twice"},
		{"related link to nothing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `related = ["leg-pain", "red-flags"]`, `related = ["leg-pain", "icing"]`)
		}, "heat-vs-ice.md", "related[1]", `no entry has id "icing"`},
		{"related link to itself", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `related = ["leg-pain", "red-flags"]`, `related = ["heat-vs-ice"]`)
		}, "heat-vs-ice.md", "related[0]", "links to the entry itself"},
		{"no sources", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "[[sources]]\ntitle = \"Fixture source on superficial heat\"\norg = \"Fixture Org\"\nyear = 2006\n", "")
		}, "heat-vs-ice.md", "sources", "at least one source"},
		{"source without org", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "org = \"Fixture Org\"\n", "")
		}, "heat-vs-ice.md", "sources[0].org", "missing"},
		{"source without title", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "title = \"Fixture source on superficial heat\"\n", "")
		}, "heat-vs-ice.md", "sources[0].title", "missing"},
		{"source without year", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "year = 2006\n", "")
		}, "heat-vs-ice.md", "sources[0].year", "0 is not a plausible publication year"},
		{"source both dated and undated", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "year = 2006\n", "year = 2006\nundated = true\n")
		}, "heat-vs-ice.md", "sources[0].year", "not both"},
		{"missing section", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "## When to get help\n- If warmth changes nothing after a few weeks, see a physio.\n", "")
		}, "heat-vs-ice.md", "## When to get help", "missing or empty"},
		{"empty section", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack for 20 minutes if it feels good.\n", "\n")
		}, "heat-vs-ice.md", "## What to do now", "missing or empty"},
		{"unknown section", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "## What to do now", "## What to do")
		}, "heat-vs-ice.md", "## What to do", "unknown section"},
		{"repeated section", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "## When to get help", "## Short answer\nAgain.\n\n## When to get help")
		}, "heat-vs-ice.md", "## Short answer", "appears twice"},
		{"sections out of order", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "## Short answer", "## When to get help\n- Soon.\n\n## Short answer")
			edit(t, fsys, "heat-vs-ice.md", "## When to get help\n- If warmth", "## When to get help (again)\n- If warmth")
		}, "heat-vs-ice.md", "## Short answer", "out of order"},
		{"text before the first section", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "+++\n\n## Short answer", "+++\nStray intro.\n\n## Short answer")
		}, "heat-vs-ice.md", "body", "text before the first section heading: Stray intro."},
		{"card field over the limit", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack", "- "+long+"\n- Try a warm pack")
		}, "heat-vs-ice.md", "card", "field What to do now is"},
		{"dose amount in the short answer", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "Warmth tends", "Take 400 mg of ibuprofen. Warmth tends")
		}, "heat-vs-ice.md", "## Short answer", `dose-like text "400 mg" (an amount of a medicine)`},
		{"dose amount without a space", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack", "- A 500mg tablet helps.\n- Try a warm pack")
		}, "heat-vs-ice.md", "## What to do now", `dose-like text "500mg"`},
		{"dose in grams", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "see a physio.", "see a physio. Never more than 2 g a day.")
		}, "heat-vs-ice.md", "## When to get help", `dose-like text "2 g"`},
		{"dose in millilitres", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack", "- 10ml of the syrup.\n- Try a warm pack")
		}, "heat-vs-ice.md", "## What to do now", `dose-like text "10ml"`},
		{"tablets per day", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack", "- Up to six tablets a day.\n- Try a warm pack")
		}, "heat-vs-ice.md", "## What to do now", `dose-like text "six tablets" (a count of tablets or doses)`},
		{"pills a day without a number", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack", "- Keep the pills a day apart.\n- Try a warm pack")
		}, "heat-vs-ice.md", "## What to do now", `dose-like text "pills a day" (tablets or doses per day)`},
		{"times a day", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack", "- Take it 3 times a day.\n- Try a warm pack")
		}, "heat-vs-ice.md", "## What to do now", `dose-like text "3 times a day" (a dosing schedule)`},
		{"twice daily", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "see a physio.", "see a physio. A cream twice daily helps.")
		}, "heat-vs-ice.md", "## When to get help", `dose-like text "twice daily"`},
		{"every few hours by the clock", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack", "- Repeat every 4 hours.\n- Try a warm pack")
		}, "heat-vs-ice.md", "## What to do now", `dose-like text "every 4 hours"`},
		{"dose in the title", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `title = "Heat or ice?"`, `title = "Heat, ice or 400 mg?"`)
		}, "heat-vs-ice.md", "title", `dose-like text "400 mg"`},
		{"dose in an alias", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `"should I ice my back"]`, `"should I ice my back", "is 800mg ibuprofen ok"]`)
		}, "heat-vs-ice.md", "aliases[2]", `dose-like text "800mg"`},
		{"dose in a keyword", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "heat-vs-ice.md", `"cold"]`, `"cold", "200 mg"]`)
		}, "heat-vs-ice.md", "keywords[4]", `dose-like text "200 mg"`},
		{"no emergency entry", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "emergency.md", "kind = \"emergency\"\n", "")
		}, "", "kind", `want exactly one entry of kind "emergency", found 0`},
		{"two crisis entries", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, "red-flags.md", "related =", "kind = \"crisis\"\nrelated =")
		}, "", "kind", `want exactly one entry of kind "crisis", found 2`},
		{"no files at all", func(t *testing.T, fsys fstest.MapFS) {
			for k := range fsys {
				delete(fsys, k)
			}
		}, "", "", "no entry files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixtureFS(t)
			tt.change(t, fsys)
			problems := Lint(fsys)
			for _, p := range problems {
				if p.File == tt.file && p.Field == tt.field && strings.Contains(p.Message, tt.words) {
					return
				}
			}
			t.Errorf("no problem %s: %s: ...%s...; got:", tt.file, tt.field, tt.words)
			for _, p := range problems {
				t.Log("  ", p)
			}
		})
	}
}

func TestLintReportsEveryProblemNotJustTheFirst(t *testing.T) {
	fsys := fixtureFS(t)
	edit(t, fsys, "heat-vs-ice.md", `id = "heat-vs-ice"`, `id = "heat"`)
	edit(t, fsys, "leg-pain.md", `year = 2016`, `year = 16`)
	edit(t, fsys, "trap-bar-deadlift.md", `related = ["heat-vs-ice"]`, `related = ["nowhere"]`)
	got := map[string]bool{}
	for _, p := range Lint(fsys) {
		got[p.File] = true
	}
	for _, f := range []string{"heat-vs-ice.md", "leg-pain.md", "trap-bar-deadlift.md"} {
		if !got[f] {
			t.Errorf("no problem reported for %s", f)
		}
	}
}

func TestLintAcceptsAnUndatedSourceAndTheCardSaysSo(t *testing.T) {
	fsys := fixtureFS(t)
	edit(t, fsys, "heat-vs-ice.md", "year = 2006\n", "undated = true\n")
	if problems := Lint(fsys); len(problems) > 0 {
		t.Fatalf("undated source rejected: %v", problems)
	}
	b, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := b.Entry("heat-vs-ice")
	card := b.Card(Result{Kind: ResultEntry, Entry: e}, "")
	if !strings.Contains(card.Text(), "Fixture Org, undated") {
		t.Errorf("card does not mark the source undated:\n%s", card.Text())
	}
}

// The dose rule's line: amounts of a medicine and dosing schedules are
// rejected, but the numbers lifters train by (time, sets, reps, loads,
// odds, pain scores, percentages) are not doses and must still pass.
func TestLintAcceptsTrainingNumbersThatAreNotDoses(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"weeks", "Give it 2 weeks before judging."},
		{"minutes", "A warm pack for 30 minutes is plenty."},
		{"hours after training", "Check again about 2 hours after training."},
		{"every few minutes", "Get up every 30 minutes at work."},
		{"odds", "About 1 in 3 people have another episode."},
		{"sets and reps", "Try 5 sets of 5 at a lighter weight."},
		{"a load in kilograms", "Dropping from 140 kg to 100 kg is fine."},
		{"a load in pounds", "225 lb felt heavy today."},
		{"a pain score", "A reading of 7 out of 10 is high."},
		{"a percentage", "Sets of 15 at 60% of your usual weight."},
		{"an angle", "Toes out about 30 degrees."},
		{"ages", "New back pain under 20 or over 50."},
		{"a medicine named without an amount", "Ask a pharmacist before mixing ibuprofen and naproxen."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fixtureFS(t)
			edit(t, fsys, "heat-vs-ice.md", "- Try a warm pack", "- "+tc.text+"\n- Try a warm pack")
			for _, p := range Lint(fsys) {
				t.Error(p)
			}
		})
	}
}

func TestLintNamesTheEntryWithNoSources(t *testing.T) {
	fsys := fixtureFS(t)
	edit(t, fsys, "heat-vs-ice.md", "[[sources]]\ntitle = \"Fixture source on superficial heat\"\norg = \"Fixture Org\"\nyear = 2006\n", "")
	for _, p := range Lint(fsys) {
		if p.String() == "heat-vs-ice.md: sources: at least one source is required" {
			return
		}
	}
	t.Errorf("no problem naming heat-vs-ice.md for its missing sources: %v", Lint(fsys))
}
