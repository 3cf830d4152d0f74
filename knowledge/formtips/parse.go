package formtips

import "github.com/spotter-bot/spotter/knowledge/internal/mdfile"

// frontMatter is the TOML between the +++ fences.
type frontMatter struct {
	ID      string   `toml:"id"`
	Title   string   `toml:"title"`
	Aliases []string `toml:"aliases"`
	Related []string `toml:"related"`
	Sources []Source `toml:"sources"`
}

// headings lists the section headings in the order a card must use them.
func headings() []string {
	return []string{HeadingSetup, HeadingCues, HeadingFaults, HeadingRegressions}
}

// parseCard reads one card file. It returns the card whenever the front
// matter decodes, so the linter can keep checking, together with every
// structural problem found, missing and empty sections included.
func parseCard(file string, data []byte) (*Card, []Problem) {
	var fm frontMatter
	body, problems, ok := mdfile.Decode(file, data, &fm)
	if !ok {
		return nil, problems
	}
	sections, ps := mdfile.Sections(file, body, headings())
	problems = append(problems, ps...)
	return &Card{
		ID: fm.ID, Title: fm.Title, Aliases: fm.Aliases, Related: fm.Related, Sources: fm.Sources,
		Setup:       sections[HeadingSetup],
		Cues:        sections[HeadingCues],
		Faults:      sections[HeadingFaults],
		Regressions: sections[HeadingRegressions],
	}, problems
}
