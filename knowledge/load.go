package knowledge

import (
	"embed"
	"fmt"
	"io/fs"
	"sync"
)

//go:embed entries/*.md
var entryFiles embed.FS

// EntryFiles returns the entry files embedded in the binary, at the root of
// the returned file system, for Lint (`spotter kb lint`) and Load.
func EntryFiles() (fs.FS, error) {
	sub, err := fs.Sub(entryFiles, "entries")
	if err != nil {
		return nil, fmt.Errorf("opening embedded entries: %w", err)
	}
	return sub, nil
}

// loadDefault parses and indexes the embedded entries once per process.
var loadDefault = sync.OnceValues(func() (*Base, error) {
	fsys, err := EntryFiles()
	if err != nil {
		return nil, err
	}
	return Load(fsys)
})

// Default returns the knowledge base embedded in the binary, parsed and
// indexed on first use. It fails with a *LintError when an entry is
// malformed, which `go test ./...` catches before a release.
func Default() (*Base, error) {
	return loadDefault()
}

// Load parses every *.md file at the root of fsys, checks the set with the
// same rules as Lint, and builds the search indexes. Any problem makes it
// fail with a *LintError listing them all.
func Load(fsys fs.FS) (*Base, error) {
	parsed, problems := parseAll(fsys)
	problems = append(problems, lintEntries(parsed)...)
	if len(problems) > 0 {
		return nil, fmt.Errorf("loading knowledge base: %w", &LintError{Subject: "knowledge base has", Problems: problems})
	}
	b := &Base{byID: make(map[string]*Entry, len(parsed))}
	var topics []*Entry
	for _, pe := range parsed {
		e := pe.entry
		b.entries = append(b.entries, e)
		b.byID[e.ID] = e
		switch e.Kind {
		case KindEmergency:
			b.emergency = e
		case KindCrisis:
			b.crisis = e
		default:
			topics = append(topics, e)
		}
	}
	an := newAnalyzer()
	b.index = buildIndex(an, topics)
	b.safety = newSafety(b.index.isKnown)
	b.offTopic = newOffTopicFilter()
	b.suggest = newSuggester(an, b.entries)
	return b, nil
}
