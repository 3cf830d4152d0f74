package mdfile

import (
	"fmt"
	"io/fs"
	"slices"
)

// ParseAll parses every *.md file at the root of fsys with parse, in name
// order, and returns what parse could read (parse returns nil for a file it
// could not) along with every problem found. noun names the files in
// messages ("entry", "card").
func ParseAll[T any](fsys fs.FS, noun string, parse func(file string, data []byte) (*T, []Problem)) ([]*T, []Problem) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, []Problem{{Message: fmt.Sprintf("listing %s files: %v", noun, err)}}
	}
	if len(names) == 0 {
		return nil, []Problem{{Message: fmt.Sprintf("no %s files (*.md) found", noun)}}
	}
	slices.Sort(names)
	var parsed []*T
	var problems []Problem
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems = append(problems, Problem{File: name, Message: fmt.Sprintf("reading: %v", err)})
			continue
		}
		v, ps := parse(name, data)
		problems = append(problems, ps...)
		if v != nil {
			parsed = append(parsed, v)
		}
	}
	return parsed, problems
}
