package mdfile

import (
	"fmt"
	"slices"
	"strings"
)

// Sections splits a body at "## " headings and returns each section's
// trimmed text by heading. Every heading must be one of headings, in that
// order, once; each of them must be present with some text; and no text may
// come before the first heading. Sections reports each breach as a Problem
// (the field is "## " plus the heading, or "body") and keeps the text of
// the sections it could read.
func Sections(file, body string, headings []string) (map[string]string, []Problem) {
	sections := make(map[string]string, len(headings))
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
				add("body", "text before the first section heading: %s", clip(strings.TrimSpace(line), 40))
				strayReported = true
			}
			buf = append(buf, line)
			continue
		}
		flush()
		sawHeading = true
		heading = strings.TrimSpace(heading)
		field := "## " + heading
		idx := slices.Index(headings, heading)
		_, dup := sections[heading]
		switch {
		case idx < 0:
			add(field, "unknown section (use %s)", quoted(headings))
			current = ""
			continue
		case dup:
			add(field, "section appears twice")
		case idx < last:
			add(field, "section out of order (use %s, in that order)", quoted(headings))
		}
		current, last = heading, max(last, idx)
	}
	flush()
	for _, h := range headings {
		if sections[h] == "" {
			add("## "+h, "section missing or empty")
		}
	}
	return sections, problems
}

// quoted lists headings for a message: "A", "B", "C".
func quoted(headings []string) string {
	q := make([]string, len(headings))
	for i, h := range headings {
		q[i] = fmt.Sprintf("%q", h)
	}
	return strings.Join(q, ", ")
}

// clip shortens s to at most n runes for a problem message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
