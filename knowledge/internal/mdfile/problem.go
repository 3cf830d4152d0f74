package mdfile

import (
	"cmp"
	"fmt"
	"strings"
)

// Problem is one thing wrong with a file or with a set of files.
type Problem struct {
	// File is the file's name ("muscle-strain.md"), or "" for the set as a whole.
	File string
	// Field is the front-matter field or section at fault ("aliases[2]", "## Cues"), or "".
	Field string
	// Message says what is wrong, for the author.
	Message string
}

// String formats the problem as "file: field: message", leaving out empty parts.
func (p Problem) String() string {
	parts := make([]string, 0, 3)
	for _, s := range []string{p.File, p.Field, p.Message} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ": ")
}

// LintError is the error a loader returns when its files have problems.
type LintError struct {
	// Subject opens the message with what was checked and its verb
	// ("knowledge base has", "form cards have"); empty reads "found".
	Subject string
	// Problems are every problem found, in the order they were found.
	Problems []Problem
}

// Error lists every problem, one per line, under a line that counts them.
func (e *LintError) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	lines = append(lines, fmt.Sprintf("%s %d problem(s):", cmp.Or(e.Subject, "found"), len(e.Problems)))
	for _, p := range e.Problems {
		lines = append(lines, "  "+p.String())
	}
	return strings.Join(lines, "\n")
}
