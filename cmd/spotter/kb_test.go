package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/knowledge"
)

func TestAskPrintsTheAnswerSoreBackGivesWithItsButtonsAndMenu(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"ask", "ice", "or", "heat?"}, noEnv, &out, &out); err != nil {
		t.Fatal(err)
	}
	kb, _ := knowledge.Default()
	card := kb.Card(kb.Answer("ice or heat?"), "")
	got := out.String()
	for _, want := range []string{
		"(only the member who asked sees this)",
		card.Title,
		knowledge.Disclaimer,
		"Buttons: [ Share in channel ]  [ Red-flag check ]  [ Track my recovery ]",
		`Menu "Related topics":`,
		"  - " + card.Related[0].Title,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("spotter ask lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "**") || strings.Contains(got, "`") {
		t.Errorf("spotter ask shows raw Discord markdown:\n%s", got)
	}
}

func TestAskShowsBoldWithoutAsterisksAndOnlyTheRedFlagButtonInAnEmergency(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"ask", "-region", "GB", "cant feel my taint after deads"}, noEnv, &out, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.Contains(got, "\nCall 999 or go to the nearest emergency department now.\n") {
		t.Errorf("the call-now line should be plain text without ** markers:\n%s", got)
	}
	if !strings.Contains(got, "Buttons: [ Red-flag check ]\n") {
		t.Errorf("an emergency answer offers only the red-flag check:\n%s", got)
	}
	if strings.Contains(got, "Share in channel") || strings.Contains(got, "**") {
		t.Errorf("emergency answer:\n%s", got)
	}
}

func TestReadableTurnsDiscordMarkdownIntoText(t *testing.T) {
	bold := style{bold: func(s string) string { return "<" + s + ">" }}
	got := readable("**Call 999** now; run `/red-flag-check` or </region:123>; see [NHS](https://nhs.uk) or <https://findahelpline.com>", bold)
	want := "<Call 999> now; run /red-flag-check or /region; see NHS (https://nhs.uk) or https://findahelpline.com"
	if got != want {
		t.Errorf("readable =\n%s\nwant\n%s", got, want)
	}
}

func TestAskWithAnUnknownRegionWarnsAndListsTheCodes(t *testing.T) {
	var out, errOut strings.Builder
	if err := run(context.Background(), []string{"ask", "-region", "XX", "ice or heat?"}, noEnv, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), `unknown region "XX"`) || !strings.Contains(errOut.String(), "GB") {
		t.Errorf("no warning naming the region and the known codes: %q", errOut.String())
	}
	if strings.Contains(out.String(), "unknown region") {
		t.Error("the warning belongs on stderr, not in the answer")
	}
}

func TestAskJSONHasIDTitleAndEverythingTheMemberReads(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"ask", "-json", "-region", "AU", "cant", "feel", "my", "taint", "after", "deads"}, noEnv, &out, &out); err != nil {
		t.Fatal(err)
	}
	var got askOutput
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out.String())
	}
	if got.ID != "emergency" || got.Kind != "emergency" || got.Title == "" {
		t.Errorf("got %+v", got)
	}
	if !strings.Contains(got.Text, "Australia: 000") || !strings.Contains(got.Text, knowledge.Disclaimer) {
		t.Errorf("text lacks the member's emergency number or the disclaimer:\n%s", got.Text)
	}
}

func TestAskWithoutAQuestionPrintsUsage(t *testing.T) {
	var out strings.Builder
	err := run(context.Background(), []string{"ask"}, noEnv, &out, &out)
	if exitCode(err, &out) != 2 {
		t.Errorf("spotter ask with no question: %v", err)
	}
	for _, want := range []string{"usage: spotter ask", "QUESTION", "e.g.: spotter ask \""} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestKBLintPassesOnTheBuiltInEntries(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"kb", "lint"}, noEnv, &out, &out); err != nil {
		t.Fatalf("spotter kb lint: %v\n%s", err, out.String())
	}
	kb, _ := knowledge.Default()
	want := fmt.Sprintf("checked %d entries (built-in entries) and ", len(kb.Entries()))
	if !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "form-tip cards: all pass") {
		t.Errorf("kb lint should say how many entries and cards it checked (%q):\n%s", want, out.String())
	}
}

func TestKBLintReportsProblemsInADirectory(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "knowledge", "entries")
	files, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(src, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if f.Name() == "heat-vs-ice.md" {
			data = []byte(strings.Replace(string(data), "related = [", "related = [\"no-such-entry\", ", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	err = run(context.Background(), []string{"kb", "lint", "-dir", dir}, noEnv, &out, &out)
	if err == nil {
		t.Fatal("lint passed with a broken related link")
	}
	if !strings.Contains(out.String(), "heat-vs-ice.md") || !strings.Contains(out.String(), "no-such-entry") {
		t.Errorf("lint output does not point at the problem:\n%s", out.String())
	}
	if exitCode(err, &out) != 1 {
		t.Errorf("lint problems should exit 1")
	}
}

func TestAskJSONReportsEverySafetyKind(t *testing.T) {
	tests := []struct{ question, kind string }{
		{"lower back pain and a fever since yesterday", "sameday"},
		{"my pee is the colour of coke after a crossfit class", "emergency"},
		{"everyone would be better off without me", "crisis"},
		{"me duele la espalda después del peso muerto", "language"},
		{"best creatine brand for bulking?", "offtopic"},
		{"ice or heat for my lower back after deadlifts?", "entry"},
	}
	for _, tt := range tests {
		var out strings.Builder
		if err := run(context.Background(), []string{"ask", "-json", "-region", "GB", tt.question}, noEnv, &out, &out); err != nil {
			t.Fatal(err)
		}
		var got askOutput
		if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
			t.Fatalf("not one JSON object: %v\n%s", err, out.String())
		}
		if got.Kind != tt.kind {
			t.Errorf("%q: kind %q, want %q", tt.question, got.Kind, tt.kind)
		}
	}
}
