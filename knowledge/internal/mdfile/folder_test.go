package mdfile

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// parseName parses a file whose whole content is a name; "bad" fails.
func parseName(file string, data []byte) (*string, []Problem) {
	text := strings.TrimSpace(string(data))
	if text == "bad" {
		return nil, []Problem{{File: file, Message: "bad file"}}
	}
	return &text, nil
}

func TestParseAllParsesFilesInNameOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"b.md":      {Data: []byte("beta")},
		"a.md":      {Data: []byte("alpha")},
		"c.md":      {Data: []byte("bad")},
		"notes.txt": {Data: []byte("not an entry")},
		"d.md/x":    {Data: []byte("d.md is a folder")},
	}
	parsed, problems := ParseAll(fsys, "card", parseName)
	var got []string
	for _, p := range parsed {
		got = append(got, *p)
	}
	if want := []string{"alpha", "beta"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parsed %q, want %q", got, want)
	}
	hasProblem(t, problems, "c.md", "", "bad file")
	hasProblem(t, problems, "d.md", "", "reading:")
	if len(problems) != 2 {
		t.Errorf("want 2 problems, got %v", problems)
	}
}

func TestParseAllReportsAnEmptyFolder(t *testing.T) {
	parsed, problems := ParseAll(fstest.MapFS{"README.txt": {}}, "card", parseName)
	if len(parsed) != 0 {
		t.Errorf("parsed %d files from an empty folder", len(parsed))
	}
	hasProblem(t, problems, "", "", "no card files (*.md) found")
}
