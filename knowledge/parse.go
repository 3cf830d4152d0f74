package knowledge

import (
	"fmt"

	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

// The three section headings every entry has, in this order.
const (
	sectionShort   = "Short answer"
	sectionDoNow   = "What to do now"
	sectionGetHelp = "When to get help"
)

// frontMatter is the TOML between the +++ fences.
type frontMatter struct {
	ID       string   `toml:"id"`
	Title    string   `toml:"title"`
	Aliases  []string `toml:"aliases"`
	Keywords []string `toml:"keywords"`
	Related  []string `toml:"related"`
	Kind     string   `toml:"kind"`
	Sources  []Source `toml:"sources"`
}

// parsedEntry is an entry together with what the parser saw, for the linter.
type parsedEntry struct {
	file    string
	entry   *Entry
	hasKind bool // the front matter's kind was known
}

// parseEntry reads one entry file. It returns the entry whenever the front
// matter could be decoded (so the linter can keep checking) and every
// structural problem it found, missing and empty sections included.
func parseEntry(file string, data []byte) (*parsedEntry, []Problem) {
	var fm frontMatter
	body, problems, ok := mdfile.Decode(file, data, &fm)
	if !ok {
		return nil, problems
	}
	kind, known := parseKind(fm.Kind)
	if !known {
		problems = append(problems, Problem{File: file, Field: "kind",
			Message: fmt.Sprintf("unknown kind %q (use topic, emergency or crisis)", fm.Kind)})
	}
	sections, secProblems := mdfile.Sections(file, body, []string{sectionShort, sectionDoNow, sectionGetHelp})
	problems = append(problems, secProblems...)
	e := &Entry{
		ID: fm.ID, Title: fm.Title, Aliases: fm.Aliases, Keywords: fm.Keywords,
		Related: fm.Related, Kind: kind, Sources: fm.Sources,
		Short: sections[sectionShort], DoNow: sections[sectionDoNow], GetHelp: sections[sectionGetHelp],
	}
	return &parsedEntry{file: file, entry: e, hasKind: known}, problems
}
