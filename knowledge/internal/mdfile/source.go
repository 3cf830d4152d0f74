package mdfile

import (
	"fmt"
	"strings"
)

// Plausible publication years of a source.
const (
	minYear = 1900
	maxYear = 2100
)

// Source is one work a file's advice rests on, named but never quoted, as
// written in the front matter's [[sources]] tables.
type Source struct {
	// Title is the work's title.
	Title string `toml:"title"`
	// Org is who published it.
	Org string `toml:"org"`
	// Year is the publication year, or 0 when Undated.
	Year int `toml:"year"`
	// Undated marks a source whose publication year is not known (a web
	// article with no date); its Year is then 0. Never guess a year.
	Undated bool `toml:"undated"`
}

// CheckSources reports a file that names no source, and each source without
// a title, an organisation, or a plausible year (or undated = true instead).
// Fields are "sources" and "sources[i].title", ".org" or ".year".
func CheckSources(file string, sources []Source) []Problem {
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if len(sources) == 0 {
		add("sources", "at least one source is required")
	}
	for i, s := range sources {
		field := fmt.Sprintf("sources[%d]", i)
		if strings.TrimSpace(s.Title) == "" {
			add(field+".title", "missing")
		}
		if strings.TrimSpace(s.Org) == "" {
			add(field+".org", "missing")
		}
		switch {
		case s.Undated && s.Year != 0:
			add(field+".year", "give a year or undated = true, not both (an undated source takes no year)")
		case s.Undated: // no year to check
		case s.Year == 0:
			add(field+".year", "missing (0 is not a plausible publication year; if the source has no date, write undated = true)")
		case s.Year < minYear || s.Year > maxYear:
			add(field+".year", "%d is not a plausible publication year (if the source has no date, write undated = true)", s.Year)
		}
	}
	return ps
}
