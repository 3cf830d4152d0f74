package knowledge

import (
	"fmt"
	"io/fs"

	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

// Problem is one thing wrong with an entry file: File is the entry's file
// name ("muscle-strain.md", or "" for the set as a whole), Field the
// front-matter field or section at fault ("related", "## Short answer"),
// Message what is wrong, for the author.
type Problem = mdfile.Problem

// LintError is returned by Load when the entries have problems; its Error
// lists them all.
type LintError = mdfile.LintError

// MaxRelated is how many related entries an entry may list.
const MaxRelated = 5

// Lint checks every *.md file at the root of fsys and returns every problem
// found, not just the first: front matter and sections, required fields,
// kinds, sources, ids against file names, unique ids and aliases, related
// links, the size of the rendered card, text that reads like a medicine
// dose, and exactly one emergency and one crisis entry. No problems means
// Load will accept the files.
func Lint(fsys fs.FS) []Problem {
	entries, problems := parseAll(fsys)
	return append(problems, lintEntries(entries)...)
}

// parseAll parses every entry file at the root of fsys, in name order.
func parseAll(fsys fs.FS) ([]*parsedEntry, []Problem) {
	return mdfile.ParseAll(fsys, "entry", parseEntry)
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

	ps = append(ps, mdfile.CheckID(file, e.ID)...)
	ps = append(ps, mdfile.CheckTitle(file, e.Title, AutocompleteChoiceNameMax)...)

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

	links := mdfile.Related{Max: MaxRelated, Known: func(id string) bool { return ids[id] != "" }, Noun: "entry"}
	ps = append(ps, links.Check(file, e.ID, e.Related)...)
	ps = append(ps, lintSources(pe)...)
	ps = append(ps, lintDoses(pe)...)

	for _, msg := range cardOverflows(e) {
		add("card", "%s", msg)
	}
	return ps
}

// lintSources checks the entry's sources.
func lintSources(pe *parsedEntry) []Problem {
	sources := make([]mdfile.Source, len(pe.entry.Sources))
	for i, s := range pe.entry.Sources {
		sources[i] = mdfile.Source(s)
	}
	return mdfile.CheckSources(pe.file, sources)
}

// lintDoses reports dose-like text anywhere a member can read it: the
// title, aliases, keywords and the three sections. Source titles are
// citations, not advice, and are not checked.
func lintDoses(pe *parsedEntry) []Problem {
	e, file := pe.entry, pe.file
	ps := mdfile.CheckDoses(file, "title", e.Title)
	for i, a := range e.Aliases {
		ps = append(ps, mdfile.CheckDoses(file, fmt.Sprintf("aliases[%d]", i), a)...)
	}
	for i, k := range e.Keywords {
		ps = append(ps, mdfile.CheckDoses(file, fmt.Sprintf("keywords[%d]", i), k)...)
	}
	for _, s := range []struct{ heading, text string }{
		{sectionShort, e.Short}, {sectionDoNow, e.DoNow}, {sectionGetHelp, e.GetHelp},
	} {
		ps = append(ps, mdfile.CheckDoses(file, "## "+s.heading, s.text)...)
	}
	return ps
}
