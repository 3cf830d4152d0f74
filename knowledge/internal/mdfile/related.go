package mdfile

import "fmt"

// Related says what a file's related ids may link to.
type Related struct {
	// Max is the most ids the list may hold; it must hold at least one.
	Max int
	// Known reports whether an id names something to link to; nil accepts any id.
	Known func(id string) bool
	// Noun names what the ids point at, for messages ("entry", "knowledge-base entry").
	Noun string
}

// Check reports a related list of the wrong length (field "related"), and
// each id in it that is listed twice, is self, or is not Known (field
// "related[i]"). self is the file's own id when the ids point into the same
// set as the file, else "".
func (r Related) Check(file, self string, ids []string) []Problem {
	var ps []Problem
	add := func(field, format string, args ...any) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if n := len(ids); n < 1 || n > r.Max {
		add("related", "lists %d entries; want 1 to %d", n, r.Max)
	}
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		field := fmt.Sprintf("related[%d]", i)
		switch {
		case self != "" && id == self:
			add(field, "links to the entry itself")
		case seen[id]:
			add(field, "%q is listed twice", id)
		case r.Known != nil && !r.Known(id):
			add(field, "no %s has id %q", r.Noun, id)
		}
		seen[id] = true
	}
	return ps
}
