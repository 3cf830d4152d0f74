package knowledge

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// The three section headings every entry has, in this order.
const (
	sectionShort   = "Short answer"
	sectionDoNow   = "What to do now"
	sectionGetHelp = "When to get help"
)

const frontMatterFence = "+++"

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
// structural problem it found.
func parseEntry(file string, data []byte) (*parsedEntry, []Problem) {
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
		return nil, []Problem{{File: file, Field: "front matter", Message: "invalid TOML: " + tomlMessage(err, 1)}}
	}
	var problems []Problem
	undecoded := md.Undecoded()
	sort.Slice(undecoded, func(i, j int) bool { return undecoded[i].String() < undecoded[j].String() })
	for _, key := range undecoded {
		problems = append(problems, Problem{File: file, Field: key.String(), Message: "unknown field"})
	}
	kind, known := parseKind(fm.Kind)
	if !known {
		problems = append(problems, Problem{File: file, Field: "kind",
			Message: fmt.Sprintf("unknown kind %q (use topic, emergency or crisis)", fm.Kind)})
	}
	e := &Entry{
		ID: fm.ID, Title: fm.Title, Aliases: fm.Aliases, Keywords: fm.Keywords,
		Related: fm.Related, Kind: kind, Sources: fm.Sources,
	}
	sections, secProblems := parseSections(file, body)
	problems = append(problems, secProblems...)
	e.Short = sections[sectionShort]
	e.DoNow = sections[sectionDoNow]
	e.GetHelp = sections[sectionGetHelp]
	return &parsedEntry{file: file, entry: e, hasKind: known}, problems
}

// splitFrontMatter cuts "+++\n<toml>\n+++\n<body>" into its two parts.
func splitFrontMatter(text string) (front, body string, ok bool) {
	rest, ok := strings.CutPrefix(text, frontMatterFence+"\n")
	if !ok {
		return "", "", false
	}
	if after, found := strings.CutPrefix(rest, frontMatterFence+"\n"); found {
		return "", after, true
	}
	i := strings.Index(rest, "\n"+frontMatterFence+"\n")
	if i < 0 {
		if strings.HasSuffix(rest, "\n"+frontMatterFence) {
			return strings.TrimSuffix(rest, "\n"+frontMatterFence), "", true
		}
		return "", "", false
	}
	return rest[:i], rest[i+len(frontMatterFence)+2:], true
}

// tomlMessage shortens a TOML decoding error to one line, numbering lines
// from the top of the file (the front matter starts offset lines down).
func tomlMessage(err error, offset int) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("line %d: %s", pe.Position.Line+offset, pe.Message)
	}
	return strings.SplitN(err.Error(), "\n", 2)[0]
}

// parseSections splits the body at "## " headings. It reports text before
// the first heading, unknown and repeated headings, and headings out of
// order; missing or empty sections are the linter's job.
func parseSections(file, body string) (map[string]string, []Problem) {
	want := []string{sectionShort, sectionDoNow, sectionGetHelp}
	sections := make(map[string]string, len(want))
	var problems []Problem
	current, last := "", -1
	sawHeading, reported := false, false
	var buf []string
	flush := func() {
		if current != "" {
			sections[current] = strings.TrimSpace(strings.Join(buf, "\n"))
		}
		buf = buf[:0]
	}
	for _, line := range strings.Split(body, "\n") {
		heading, isHeading := strings.CutPrefix(line, "## ")
		if !isHeading {
			if !sawHeading && !reported && strings.TrimSpace(line) != "" {
				problems = append(problems, Problem{File: file, Field: "body",
					Message: "text before the first section heading: " + clip(strings.TrimSpace(line), 40)})
				reported = true
			}
			buf = append(buf, line)
			continue
		}
		flush()
		sawHeading = true
		heading = strings.TrimSpace(heading)
		field := "## " + heading
		idx := indexOf(want, heading)
		_, dup := sections[heading]
		switch {
		case idx < 0:
			problems = append(problems, Problem{File: file, Field: field,
				Message: fmt.Sprintf("unknown section (use %q, %q and %q)", sectionShort, sectionDoNow, sectionGetHelp)})
			current = ""
			continue
		case dup:
			problems = append(problems, Problem{File: file, Field: field, Message: "section appears twice"})
		case idx < last:
			problems = append(problems, Problem{File: file, Field: field,
				Message: fmt.Sprintf("section out of order (%s, %s, %s)", sectionShort, sectionDoNow, sectionGetHelp)})
		}
		current, last = heading, max(last, idx)
	}
	flush()
	return sections, problems
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// clip shortens s to at most n runes for a problem message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
