package formtips

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Problem is one thing wrong with a card file.
type Problem struct {
	// File is the card's file name ("back-squat.md"), or "" for the set as a whole.
	File string
	// Field is the front-matter field or section at fault ("aliases[2]", "## Cues"), or "".
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

// LintError is returned by Load when the cards have problems.
type LintError struct {
	Problems []Problem
}

// Error lists every problem, one per line.
func (e *LintError) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	lines = append(lines, fmt.Sprintf("form cards have %d problem(s):", len(e.Problems)))
	for _, p := range e.Problems {
		lines = append(lines, "  "+p.String())
	}
	return strings.Join(lines, "\n")
}

// parsedCard is a card together with the file it came from.
type parsedCard struct {
	file string
	card *Card
}

// Lint checks every *.md file at the root of fsys and returns every problem
// found, not just the first: front matter and sections, required fields,
// ids against file names, unique ids, titles and aliases, sources, related
// knowledge-base ids (each must satisfy knownEntryIDs; nil skips that check)
// and the size limits. No problems means Load accepts the files.
func Lint(fsys fs.FS, knownEntryIDs func(string) bool) []Problem {
	cards, problems := parseAll(fsys)
	return append(problems, lintCards(cards, knownEntryIDs)...)
}

// parseAll parses every card file at the root of fsys, in name order.
func parseAll(fsys fs.FS) ([]parsedCard, []Problem) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, []Problem{{Message: fmt.Sprintf("listing card files: %v", err)}}
	}
	if len(names) == 0 {
		return nil, []Problem{{Message: "no card files (*.md) found"}}
	}
	sort.Strings(names)
	var cards []parsedCard
	var problems []Problem
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems = append(problems, Problem{File: name, Message: fmt.Sprintf("reading: %v", err)})
			continue
		}
		c, ps := parseCard(name, data)
		problems = append(problems, ps...)
		if c != nil {
			cards = append(cards, parsedCard{file: name, card: c})
		}
	}
	return cards, problems
}

// lintCards checks each card and the names shared across the set.
func lintCards(cards []parsedCard, knownEntryIDs func(string) bool) []Problem {
	var problems []Problem
	for _, pc := range cards {
		problems = append(problems, lintCard(pc, knownEntryIDs)...)
	}
	return append(problems, lintNames(cards)...)
}

// lintCard checks one card on its own.
func lintCard(pc parsedCard, knownEntryIDs func(string) bool) []Problem {
	c, file := pc.card, pc.file
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}

	want := strings.TrimSuffix(path.Base(file), ".md")
	switch {
	case c.ID == "":
		add("id", "missing")
	case !validID(c.ID):
		add("id", "%q must be lower-case words joined by -", c.ID)
	case c.ID != want:
		add("id", "%q does not match the file name (want %q)", c.ID, want)
	}

	switch n := textLen(c.Title); {
	case strings.TrimSpace(c.Title) == "":
		add("title", "missing")
	case n > MaxTitleLen:
		add("title", "%d characters; autocomplete shows at most %d", n, MaxTitleLen)
	case strings.ContainsAny(c.Title, "\r\n"):
		add("title", "must be one line")
	}

	ps = append(ps, lintRelated(file, c, knownEntryIDs)...)
	ps = append(ps, lintSources(file, c)...)

	for _, s := range c.Sections() {
		field := "## " + s.Heading
		switch n := textLen(s.Text); {
		case strings.TrimSpace(s.Text) == "":
			add(field, "section missing or empty")
		case n > MaxSectionLen:
			add(field, "%d characters; at most %d fit", n, MaxSectionLen)
		}
	}
	if n := cardLen(c); n > MaxCardLen {
		add("card", "%d characters in all (title, sections and sources); at most %d fit", n, MaxCardLen)
	}
	return ps
}

// lintRelated checks the card's links into the knowledge base.
func lintRelated(file string, c *Card, knownEntryIDs func(string) bool) []Problem {
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if n := len(c.Related); n < 1 || n > MaxRelated {
		add("related", "lists %d entries; want 1 to %d", n, MaxRelated)
	}
	seen := make(map[string]bool, len(c.Related))
	for i, id := range c.Related {
		field := fmt.Sprintf("related[%d]", i)
		switch {
		case seen[id]:
			add(field, "%q is listed twice", id)
		case knownEntryIDs != nil && !knownEntryIDs(id):
			add(field, "no knowledge-base entry has id %q", id)
		}
		seen[id] = true
	}
	return ps
}

// lintSources checks that the card names at least one complete source.
func lintSources(file string, c *Card) []Problem {
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if len(c.Sources) == 0 {
		add("sources", "at least one source is required")
	}
	for i, s := range c.Sources {
		field := fmt.Sprintf("sources[%d]", i)
		if strings.TrimSpace(s.Title) == "" {
			add(field+".title", "missing")
		}
		if strings.TrimSpace(s.Org) == "" {
			add(field+".org", "missing")
		}
		switch {
		case s.Undated && s.Year != 0:
			add(field+".year", "a source with undated = true takes no year")
		case s.Undated: // no year to check
		case s.Year == 0:
			add(field+".year", "missing (set undated = true if the source has no known year)")
		case s.Year < minYear || s.Year > maxYear:
			add(field+".year", "%d is not a plausible publication year", s.Year)
		}
	}
	return ps
}

// lintNames checks that no id, title or alias names two cards (compared
// the way Find compares them), so Find always has one answer.
func lintNames(cards []parsedCard) []Problem {
	var ps []Problem
	owner := make(map[string]string) // normalised id or title -> file
	for _, pc := range cards {
		for _, name := range []struct{ field, value string }{{"id", pc.card.ID}, {"title", pc.card.Title}} {
			key := normalize(name.value)
			if key == "" {
				continue
			}
			if other, taken := owner[key]; taken && other != pc.file {
				ps = append(ps, Problem{File: pc.file, Field: name.field,
					Message: fmt.Sprintf("%q already names the card in %s", name.value, other)})
				continue
			}
			owner[key] = pc.file
		}
	}

	aliasOwner := make(map[string]string) // normalised alias -> file
	for _, pc := range cards {
		own := make(map[string]bool, len(pc.card.Aliases))
		for i, a := range pc.card.Aliases {
			field := fmt.Sprintf("aliases[%d]", i)
			key := normalize(a)
			other := owner[key]
			if other == "" {
				other = aliasOwner[key]
			}
			var msg string
			switch {
			case key == "":
				msg = "empty alias"
			case own[key]:
				msg = fmt.Sprintf("%q is listed twice", a)
			case other != "" && other != pc.file:
				msg = fmt.Sprintf("%q already names the card in %s", a, other)
			}
			if msg != "" {
				ps = append(ps, Problem{File: pc.file, Field: field, Message: msg})
			}
			own[key] = true
			if key != "" && aliasOwner[key] == "" {
				aliasOwner[key] = pc.file
			}
		}
	}
	return ps
}

// validID reports whether id is lower-case letters and digits in words
// joined by single hyphens.
func validID(id string) bool {
	for word := range strings.SplitSeq(id, "-") {
		if word == "" {
			return false
		}
		for _, r := range word {
			if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}
