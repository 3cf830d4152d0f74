package knowledge

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// mustDefault returns the embedded knowledge base or stops the test.
func mustDefault(tb testing.TB) *Base {
	tb.Helper()
	b, err := Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return b
}

// fixtureFS returns the small fixture entry set as an in-memory file
// system that a test may change.
func fixtureFS(tb testing.TB) fstest.MapFS {
	tb.Helper()
	dir := os.DirFS("testdata/entries")
	names, err := fs.Glob(dir, "*.md")
	if err != nil || len(names) == 0 {
		tb.Fatalf("listing fixtures: %v (%d files)", err, len(names))
	}
	m := fstest.MapFS{}
	for _, n := range names {
		data, err := fs.ReadFile(dir, n)
		if err != nil {
			tb.Fatalf("reading fixture %s: %v", n, err)
		}
		m[n] = &fstest.MapFile{Data: data}
	}
	return m
}

// fixtureBase loads the fixture entries.
func fixtureBase(tb testing.TB) *Base {
	tb.Helper()
	b, err := Load(fixtureFS(tb))
	if err != nil {
		tb.Fatalf("loading fixtures: %v", err)
	}
	return b
}

// ids lists the ids of entries, for readable failures.
func ids(entries []*Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.ID
	}
	return out
}
