package formtips

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

const fence = "+++"

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
// structural problem found; missing and empty fields are the linter's job.
func parseCard(file string, data []byte) (*Card, []Problem) {
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	front, body, ok := splitFrontMatter(text)
	if !ok {
		return nil, []Problem{{File: file, Field: "front matter",
			Message: "the file must start with a +++ line, then TOML, then a closing +++ line"}}
	}
	var fm frontMatter
	md, err := toml.Decode(front, &fm)
	if err != nil {
		return nil, []Problem{{File: file, Field: "front matter", Message: "invalid TOML: " + tomlMessage(err)}}
	}
	var problems []Problem
	for _, key := range md.Undecoded() {
		problems = append(problems, Problem{File: file, Field: key.String(), Message: "unknown field"})
	}
	sections, ps := parseSections(file, body)
	problems = append(problems, ps...)
	return &Card{
		ID: fm.ID, Title: fm.Title, Aliases: fm.Aliases, Related: fm.Related, Sources: fm.Sources,
		Setup:       sections[HeadingSetup],
		Cues:        sections[HeadingCues],
		Faults:      sections[HeadingFaults],
		Regressions: sections[HeadingRegressions],
	}, problems
}

// splitFrontMatter cuts "+++\n<toml>\n+++\n<body>" into its two parts.
func splitFrontMatter(text string) (front, body string, ok bool) {
	rest, ok := strings.CutPrefix(text, fence+"\n")
	if !ok {
		return "", "", false
	}
	if after, found := strings.CutPrefix(rest, fence+"\n"); found {
		return "", after, true
	}
	end := "\n" + fence + "\n"
	i := strings.Index(rest, end)
	if i < 0 {
		if front, found := strings.CutSuffix(rest, "\n"+fence); found {
			return front, "", true
		}
		return "", "", false
	}
	return rest[:i], rest[i+len(end):], true
}

// tomlMessage shortens a TOML error to one line, numbering lines from the
// top of the file (the TOML starts on line 2).
func tomlMessage(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("line %d: %s", pe.Position.Line+1, pe.Message)
	}
	return strings.SplitN(err.Error(), "\n", 2)[0]
}

// parseSections splits the body at "## " headings and reports text before
// the first heading, unknown and repeated headings, and headings out of
// order.
func parseSections(file, body string) (map[string]string, []Problem) {
	want := headings()
	sections := make(map[string]string, len(want))
	var problems []Problem
	add := func(field, format string, args ...any) {
		problems = append(problems, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	current, last := "", -1
	sawHeading, strayReported := false, false
	var buf []string
	flush := func() {
		if current != "" {
			sections[current] = strings.TrimSpace(strings.Join(buf, "\n"))
		}
		buf = buf[:0]
	}
	for line := range strings.SplitSeq(body, "\n") {
		heading, isHeading := strings.CutPrefix(line, "## ")
		if !isHeading {
			if !sawHeading && !strayReported && strings.TrimSpace(line) != "" {
				add("body", "text before the first section heading: %q", strings.TrimSpace(line))
				strayReported = true
			}
			buf = append(buf, line)
			continue
		}
		flush()
		sawHeading = true
		heading = strings.TrimSpace(heading)
		field := "## " + heading
		idx := slices.Index(want, heading)
		_, dup := sections[heading]
		switch {
		case idx < 0:
			add(field, "unknown section (use %s)", strings.Join(want, ", "))
			current = ""
			continue
		case dup:
			add(field, "section appears twice")
		case idx < last:
			add(field, "section out of order (use %s)", strings.Join(want, ", "))
		}
		current, last = heading, max(last, idx)
	}
	flush()
	return sections, problems
}
