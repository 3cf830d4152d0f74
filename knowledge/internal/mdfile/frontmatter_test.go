package mdfile

import (
	"reflect"
	"testing"
)

type testFront struct {
	ID   string   `toml:"id"`
	Tags []string `toml:"tags"`
}

func TestDecodeReadsFrontMatterAndBody(t *testing.T) {
	for _, tc := range []struct {
		name      string
		data      string
		wantFront testFront
		wantBody  string
	}{
		{"front matter and body", "+++\nid = \"a\"\ntags = [\"x\"]\n+++\n## One\ntext\n",
			testFront{ID: "a", Tags: []string{"x"}}, "## One\ntext\n"},
		{"windows line endings", "+++\r\nid = \"a\"\r\n+++\r\n## One\r\ntext\r\n",
			testFront{ID: "a"}, "## One\ntext\n"},
		{"byte order mark", "\ufeff+++\nid = \"a\"\n+++\nbody\n", testFront{ID: "a"}, "body\n"},
		{"empty front matter", "+++\n+++\nbody\n", testFront{}, "body\n"},
		{"front matter with no body", "+++\nid = \"a\"\n+++", testFront{ID: "a"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var fm testFront
			body, problems, ok := Decode("a.md", []byte(tc.data), &fm)
			if !ok {
				t.Fatalf("Decode failed: %v", problems)
			}
			noProblems(t, problems)
			if !reflect.DeepEqual(fm, tc.wantFront) {
				t.Errorf("front matter = %+v, want %+v", fm, tc.wantFront)
			}
			if body != tc.wantBody {
				t.Errorf("body = %q, want %q", body, tc.wantBody)
			}
		})
	}
}

func TestDecodeRefusesUnreadableFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name  string
		data  string
		words string
	}{
		{"no opening fence", "id = \"a\"\n+++\nbody\n", "must start with a +++ line"},
		{"no closing fence", "+++\nid = \"a\"\nbody\n", "closing +++ line"},
		{"invalid TOML, line counted from the top of the file", "+++\nid = \"a\"\n\nnot toml\n+++\n", "invalid TOML: line 4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var fm testFront
			_, problems, ok := Decode("a.md", []byte(tc.data), &fm)
			if ok {
				t.Fatalf("Decode accepted %q", tc.data)
			}
			hasProblem(t, problems, "a.md", "front matter", tc.words)
		})
	}
}

func TestDecodeReportsUnknownFieldsInNameOrder(t *testing.T) {
	var fm testFront
	_, problems, ok := Decode("a.md", []byte("+++\nzeta = 1\nid = \"a\"\nalpha = 2\n+++\n"), &fm)
	if !ok {
		t.Fatalf("Decode failed: %v", problems)
	}
	want := []Problem{
		{File: "a.md", Field: "alpha", Message: "unknown field"},
		{File: "a.md", Field: "zeta", Message: "unknown field"},
	}
	if !reflect.DeepEqual(problems, want) {
		t.Errorf("problems = %v, want %v", problems, want)
	}
	if fm.ID != "a" {
		t.Errorf("known field not decoded alongside unknown ones: %+v", fm)
	}
}
