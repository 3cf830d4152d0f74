package formtips

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

// fixtureCard returns a valid card file for id, titled title.
func fixtureCard(id, title string) string {
	return fmt.Sprintf(`+++
id = %q
title = %q
aliases = [%q]
related = ["squat-form"]

[[sources]]
title = "Sore Lower Back From Squats? Here's How to Fix It"
org = "Livestrong.com"
year = 2023

[[sources]]
title = "What To Do When You Get A Sore Back After Squats & Deadlifts"
org = "Fitbod (Dr. Niraj Patel)"
undated = true
+++

## Setup
- Feet under the bar.

## Cues
- Brace, then move.

## Common faults and the back-friendly fix
- **Rounding**: take weight off.

## Regressions
- Goblet squat.
`, id, title, title+" alias")
}

// mapFS builds a file system of card files from name/content pairs.
func mapFS(t *testing.T, pairs ...string) fstest.MapFS {
	t.Helper()
	if len(pairs)%2 != 0 {
		t.Fatalf("mapFS needs name/content pairs, got %d strings", len(pairs))
	}
	fsys := fstest.MapFS{}
	for i := 0; i < len(pairs); i += 2 {
		fsys[pairs[i]] = &fstest.MapFile{Data: []byte(pairs[i+1])}
	}
	return fsys
}

// knowledgeEntryIDs reads the ids of the knowledge-base entries next door
// from their front matter, so related links are checked against the real
// entries.
func knowledgeEntryIDs(t *testing.T) func(string) bool {
	t.Helper()
	dir := filepath.Join("..", "entries")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading knowledge entries: %v", err)
	}
	ids := make(map[string]bool)
	for _, f := range files {
		if f.IsDir() || !strings.HasSuffix(f.Name(), ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatalf("reading %s: %v", f.Name(), err)
		}
		var fm struct {
			ID string `toml:"id"`
		}
		if _, problems, ok := mdfile.Decode(f.Name(), data, &fm); !ok {
			t.Fatalf("%s: reading front matter: %v", f.Name(), problems)
		}
		ids[fm.ID] = true
	}
	if len(ids) == 0 {
		t.Fatal("no knowledge entries found")
	}
	return func(id string) bool { return ids[id] }
}

// defaultLibrary loads the embedded cards or fails the test.
func defaultLibrary(t *testing.T) *Library {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return l
}

// ids lists the ids of cards, in order.
func ids(cards []*Card) []string {
	out := make([]string, len(cards))
	for i, c := range cards {
		out[i] = c.ID
	}
	return out
}
