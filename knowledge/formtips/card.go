package formtips

import (
	"strconv"
	"strings"

	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

// The four section headings every card has, in this order.
const (
	// HeadingSetup is the heading of the setup section.
	HeadingSetup = "Setup"
	// HeadingCues is the heading of the cues section.
	HeadingCues = "Cues"
	// HeadingFaults is the heading of the faults section.
	HeadingFaults = "Common faults and the back-friendly fix"
	// HeadingRegressions is the heading of the regressions section.
	HeadingRegressions = "Regressions"
)

// Card is one exercise's form card.
type Card struct {
	// ID is the card's stable id and file name without ".md" ("back-squat").
	ID string
	// Title is the exercise as members see it ("Back squat").
	Title string
	// Aliases are other names members type ("high bar", "RDL").
	Aliases []string
	// Related are ids of knowledge-base entries to offer alongside the card.
	Related []string
	// Sources are the works the card draws on.
	Sources []Source
	// Setup, Cues, Faults and Regressions are the sections' Markdown bullets.
	Setup, Cues, Faults, Regressions string
}

// Source is one work a card draws on: a title, an organisation, and a year
// or Undated (see mdfile.Source).
type Source mdfile.Source

// Section is one titled block of a card.
type Section struct {
	Heading, Text string
}

// Sections returns the card's four sections in display order.
func (c *Card) Sections() []Section {
	return []Section{
		{HeadingSetup, c.Setup},
		{HeadingCues, c.Cues},
		{HeadingFaults, c.Faults},
		{HeadingRegressions, c.Regressions},
	}
}

// Citation formats the source for display: "Title, Org, 2023", or
// "Title, Org (undated)" when no year is known.
func (s Source) Citation() string {
	var b strings.Builder
	b.WriteString(s.Title)
	b.WriteString(", ")
	b.WriteString(s.Org)
	if s.Undated || s.Year == 0 {
		b.WriteString(" (undated)")
	} else {
		b.WriteString(", ")
		b.WriteString(strconv.Itoa(s.Year))
	}
	return b.String()
}
