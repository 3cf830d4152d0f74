package formtips

import (
	"fmt"
	"io/fs"

	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

// Problem is one thing wrong with a card file: File is the card's file name
// ("back-squat.md", or "" for the set as a whole), Field the front-matter
// field or section at fault ("aliases[2]", "## Cues"), Message what is
// wrong, for the author.
type Problem = mdfile.Problem

// LintError is returned by Load when the cards have problems; its Error
// lists them all.
type LintError = mdfile.LintError

// parsedCard is a card together with the file it came from.
type parsedCard struct {
	file string
	card *Card
}

// Lint checks every *.md file at the root of fsys and returns every problem
// found, not just the first: front matter and sections, required fields,
// ids against file names, unique ids, titles and aliases, sources, related
// knowledge-base ids (each must satisfy knownEntryIDs; nil skips that check),
// dose-like text and the size limits. No problems means Load accepts the files.
func Lint(fsys fs.FS, knownEntryIDs func(string) bool) []Problem {
	cards, problems := parseAll(fsys)
	return append(problems, lintCards(cards, knownEntryIDs)...)
}

// parseAll parses every card file at the root of fsys, in name order.
func parseAll(fsys fs.FS) ([]*parsedCard, []Problem) {
	return mdfile.ParseAll(fsys, "card", func(file string, data []byte) (*parsedCard, []Problem) {
		c, ps := parseCard(file, data)
		if c == nil {
			return nil, ps
		}
		return &parsedCard{file: file, card: c}, ps
	})
}

// lintCards checks each card and the names shared across the set.
func lintCards(cards []*parsedCard, knownEntryIDs func(string) bool) []Problem {
	var problems []Problem
	for _, pc := range cards {
		problems = append(problems, lintCard(pc, knownEntryIDs)...)
	}
	return append(problems, lintNames(cards)...)
}

// lintCard checks one card on its own.
func lintCard(pc *parsedCard, knownEntryIDs func(string) bool) []Problem {
	c, file := pc.card, pc.file
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}

	ps = append(ps, mdfile.CheckID(file, c.ID)...)
	ps = append(ps, mdfile.CheckTitle(file, c.Title, MaxTitleLen)...)

	links := mdfile.Related{Max: MaxRelated, Known: knownEntryIDs, Noun: "knowledge-base entry"}
	ps = append(ps, links.Check(file, "", c.Related)...)
	ps = append(ps, lintSources(file, c)...)

	ps = append(ps, mdfile.CheckDoses(file, "title", c.Title)...)
	for i, a := range c.Aliases {
		ps = append(ps, mdfile.CheckDoses(file, fmt.Sprintf("aliases[%d]", i), a)...)
	}
	for _, s := range c.Sections() {
		ps = append(ps, mdfile.CheckDoses(file, "## "+s.Heading, s.Text)...)
		if n := mdfile.TextLen(s.Text); n > MaxSectionLen {
			add("## "+s.Heading, "%d characters; at most %d fit", n, MaxSectionLen)
		}
	}
	if n := cardLen(c); n > MaxCardLen {
		add("card", "%d characters in all (title, sections and sources); at most %d fit", n, MaxCardLen)
	}
	return ps
}

// lintSources checks that the card names at least one complete source.
func lintSources(file string, c *Card) []Problem {
	sources := make([]mdfile.Source, len(c.Sources))
	for i, s := range c.Sources {
		sources[i] = mdfile.Source(s)
	}
	return mdfile.CheckSources(file, sources)
}

// lintNames checks that no id, title or alias names two cards (compared
// the way Find compares them), so Find always has one answer.
func lintNames(cards []*parsedCard) []Problem {
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
