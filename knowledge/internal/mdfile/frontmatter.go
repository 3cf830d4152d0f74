package mdfile

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

const fence = "+++"

// Decode reads file's front matter into v and returns the Markdown body
// that follows it. A byte order mark and Windows line endings are ignored.
// ok is false when the front matter is missing or is not valid TOML, and
// problems then says why; otherwise problems lists the front-matter keys v
// has no field for.
func Decode(file string, data []byte, v any) (body string, problems []Problem, ok bool) {
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	front, body, ok := split(text)
	if !ok {
		return "", []Problem{{File: file, Field: "front matter",
			Message: "the file must start with a +++ line, then TOML, then a closing +++ line"}}, false
	}
	md, err := toml.Decode(front, v)
	if err != nil {
		return "", []Problem{{File: file, Field: "front matter", Message: "invalid TOML: " + tomlMessage(err)}}, false
	}
	keys := make([]string, 0, len(md.Undecoded()))
	for _, key := range md.Undecoded() {
		keys = append(keys, key.String())
	}
	slices.Sort(keys)
	for _, key := range keys {
		problems = append(problems, Problem{File: file, Field: key, Message: "unknown field"})
	}
	return body, problems, true
}

// split cuts "+++\n<toml>\n+++\n<body>" into its two parts.
func split(text string) (front, body string, ok bool) {
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
// top of the file (the TOML starts on line 2, below the opening fence).
func tomlMessage(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("line %d: %s", pe.Position.Line+1, pe.Message)
	}
	return strings.SplitN(err.Error(), "\n", 2)[0]
}
