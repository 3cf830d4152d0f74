package formtips

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseCardReadsEveryField(t *testing.T) {
	text := fixtureCard("back-squat", "Back squat")
	for _, tc := range []struct {
		name string
		data string
	}{
		{"unix line endings", text},
		{"windows line endings", strings.ReplaceAll(text, "\n", "\r\n")},
		{"byte order mark", "\ufeff" + text},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, problems := parseCard("back-squat.md", []byte(tc.data))
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			want := &Card{
				ID:      "back-squat",
				Title:   "Back squat",
				Aliases: []string{"Back squat alias"},
				Related: []string{"squat-form"},
				Sources: []Source{
					{Title: "Sore Lower Back From Squats? Here's How to Fix It", Org: "Livestrong.com", Year: 2023},
					{Title: "What To Do When You Get A Sore Back After Squats & Deadlifts", Org: "Fitbod (Dr. Niraj Patel)", Undated: true},
				},
				Setup:       "- Feet under the bar.",
				Cues:        "- Brace, then move.",
				Faults:      "- **Rounding**: take weight off.",
				Regressions: "- Goblet squat.",
			}
			if !reflect.DeepEqual(c, want) {
				t.Errorf("parsed\n%#v\nwant\n%#v", c, want)
			}
		})
	}
}

func TestSectionsAreInDisplayOrder(t *testing.T) {
	c := &Card{Setup: "s", Cues: "c", Faults: "f", Regressions: "r"}
	want := []Section{
		{"Setup", "s"},
		{"Cues", "c"},
		{"Common faults and the back-friendly fix", "f"},
		{"Regressions", "r"},
	}
	if got := c.Sections(); !reflect.DeepEqual(got, want) {
		t.Errorf("Sections() = %v, want %v", got, want)
	}
}

func TestCitation(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  Source
		want string
	}{
		{"dated", Source{Title: "Low back pain", Org: "NICE", Year: 2016}, "Low back pain, NICE, 2016"},
		{"undated", Source{Title: "Sore back", Org: "Fitbod", Undated: true}, "Sore back, Fitbod (undated)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.src.Citation(); got != tc.want {
				t.Errorf("Citation() = %q, want %q", got, tc.want)
			}
		})
	}
}
