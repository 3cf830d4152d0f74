package knowledge

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with an entry file.
type Problem struct {
	// File is the entry's file name ("muscle-strain.md"), or "" for the set as a whole.
	File string
	// Field is the front-matter field or section at fault ("related", "## Short answer"), or "".
	Field string
	// Message says what is wrong, for the author.
	Message string
}

// String formats the problem as "file: field: message".
func (p Problem) String() string {
	parts := make([]string, 0, 3)
	for _, s := range []string{p.File, p.Field, p.Message} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ": ")
}

// LintError is returned by Load when the entries have problems.
type LintError struct {
	Problems []Problem
}

// Error lists every problem, one per line.
func (e *LintError) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	lines = append(lines, fmt.Sprintf("knowledge base has %d problem(s):", len(e.Problems)))
	for _, p := range e.Problems {
		lines = append(lines, "  "+p.String())
	}
	return strings.Join(lines, "\n")
}

// Limits on entries that are not Discord's.
const (
	// MaxRelated is how many related entries an entry may list.
	MaxRelated = 5
	minYear    = 1900
	maxYear    = 2100
)

// Lint checks every *.md file at the root of fsys and returns every problem
// found, not just the first: front matter and sections, required fields,
// kinds, sources, ids against file names, unique ids and aliases, related
// links, the size of the rendered card, and exactly one emergency and one
// crisis entry. No problems means Load will accept the files.
func Lint(fsys fs.FS) []Problem {
	entries, problems := parseAll(fsys)
	return append(problems, lintEntries(entries)...)
}

// parseAll parses every entry file at the root of fsys, in name order.
func parseAll(fsys fs.FS) ([]*parsedEntry, []Problem) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, []Problem{{Message: fmt.Sprintf("listing entry files: %v", err)}}
	}
	sort.Strings(names)
	var entries []*parsedEntry
	var problems []Problem
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems = append(problems, Problem{File: name, Message: fmt.Sprintf("reading: %v", err)})
			continue
		}
		pe, ps := parseEntry(name, data)
		problems = append(problems, ps...)
		if pe != nil {
			entries = append(entries, pe)
		}
	}
	if len(names) == 0 {
		problems = append(problems, Problem{Message: "no entry files (*.md) found"})
	}
	return entries, problems
}

// lintEntries checks each entry and the set as a whole.
func lintEntries(entries []*parsedEntry) []Problem {
	var problems []Problem
	ids := make(map[string]string, len(entries)) // id -> file
	for _, pe := range entries {
		if pe.entry.ID == "" {
			continue
		}
		if first, dup := ids[pe.entry.ID]; dup {
			problems = append(problems, Problem{File: pe.file, Field: "id",
				Message: fmt.Sprintf("id %q is also used by %s", pe.entry.ID, first)})
			continue
		}
		ids[pe.entry.ID] = pe.file
	}
	names := make(map[string]string) // normalised title or alias -> "file (title|alias)"
	for _, pe := range entries {
		if t := normalText(pe.entry.Title); t != "" {
			names[t] = pe.file + " (title)"
		}
	}
	kinds := map[Kind][]string{}
	for _, pe := range entries {
		problems = append(problems, lintEntry(pe, ids, names)...)
		if pe.hasKind {
			kinds[pe.entry.Kind] = append(kinds[pe.entry.Kind], pe.file)
		}
	}
	for _, k := range []Kind{KindEmergency, KindCrisis} {
		if n := len(kinds[k]); n != 1 {
			problems = append(problems, Problem{Field: "kind",
				Message: fmt.Sprintf("want exactly one entry of kind %q, found %d %v", k, n, kinds[k])})
		}
	}
	return problems
}

// lintEntry checks one entry. ids maps every id to its file; names holds
// every normalised title and the aliases seen so far, and gains this
// entry's aliases.
func lintEntry(pe *parsedEntry, ids map[string]string, names map[string]string) []Problem {
	e, file := pe.entry, pe.file
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}

	want := strings.TrimSuffix(path.Base(file), ".md")
	switch {
	case e.ID == "":
		add("id", "missing")
	case !validID(e.ID):
		add("id", "%q must be lower-case words joined by -", e.ID)
	case e.ID != want:
		add("id", "%q does not match the file name (want %q)", e.ID, want)
	}

	switch n := utf8.RuneCountInString(e.Title); {
	case strings.TrimSpace(e.Title) == "":
		add("title", "missing")
	case n > AutocompleteChoiceNameMax:
		add("title", "%d characters; autocomplete shows at most %d", n, AutocompleteChoiceNameMax)
	case strings.ContainsAny(e.Title, "\n\r"):
		add("title", "must be one line")
	}

	own := make(map[string]bool, len(e.Aliases))
	for i, a := range e.Aliases {
		field := fmt.Sprintf("aliases[%d]", i)
		n := normalText(a)
		switch {
		case n == "":
			add(field, "empty alias")
		case own[n]:
			add(field, "%q is listed twice", a)
		case names[n] != "" && names[n] != file+" (title)":
			add(field, "%q is already used by %s", a, names[n])
		default:
			names[n] = file + " (alias)"
		}
		own[n] = true
	}
	for i, k := range e.Keywords {
		if normalText(k) == "" {
			add(fmt.Sprintf("keywords[%d]", i), "empty keyword")
		}
	}

	ps = append(ps, lintRelated(pe, ids)...)
	ps = append(ps, lintSources(pe)...)

	for _, s := range []struct{ name, text string }{
		{sectionShort, e.Short}, {sectionDoNow, e.DoNow}, {sectionGetHelp, e.GetHelp},
	} {
		if strings.TrimSpace(s.text) == "" {
			add("## "+s.name, "section missing or empty")
		}
	}
	for _, msg := range cardOverflows(e) {
		add("card", "%s", msg)
	}
	return ps
}

func lintRelated(pe *parsedEntry, ids map[string]string) []Problem {
	e, file := pe.entry, pe.file
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if n := len(e.Related); n < 1 || n > MaxRelated {
		add("related", "lists %d entries; want 1 to %d", n, MaxRelated)
	}
	seen := make(map[string]bool, len(e.Related))
	for i, id := range e.Related {
		field := fmt.Sprintf("related[%d]", i)
		switch {
		case id == e.ID:
			add(field, "links to the entry itself")
		case seen[id]:
			add(field, "%q is listed twice", id)
		case ids[id] == "":
			add(field, "no entry has id %q", id)
		}
		seen[id] = true
	}
	return ps
}

func lintSources(pe *parsedEntry) []Problem {
	e, file := pe.entry, pe.file
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if len(e.Sources) == 0 {
		add("sources", "at least one source is required")
	}
	for i, s := range e.Sources {
		field := fmt.Sprintf("sources[%d]", i)
		if strings.TrimSpace(s.Title) == "" {
			add(field+".title", "missing")
		}
		if strings.TrimSpace(s.Org) == "" {
			add(field+".org", "missing")
		}
		switch {
		case s.Undated && s.Year != 0:
			add(field+".year", "give a year or undated = true, not both")
		case !s.Undated && (s.Year < minYear || s.Year > maxYear):
			add(field+".year", "%d is not a plausible publication year (if the source has no date, write undated = true)", s.Year)
		}
	}
	return ps
}

// validID reports whether id is lower-case letters and digits in words
// joined by single hyphens.
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
