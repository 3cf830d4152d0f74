package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/knowledge"
)

func TestAskPrintsTheAnswerSoreBackGives(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"ask", "ice", "or", "heat?"}, noEnv, &out, &out); err != nil {
		t.Fatal(err)
	}
	kb, _ := knowledge.Default()
	want := kb.Card(kb.Answer("ice or heat?"), "").Text()
	if strings.TrimSpace(out.String()) != strings.TrimSpace(want) {
		t.Errorf("spotter ask printed\n%s\nwant\n%s", out.String(), want)
	}
	if !strings.Contains(out.String(), knowledge.Disclaimer) {
		t.Error("the answer lacks the disclaimer")
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

func TestAskWithoutAQuestionIsAUsageError(t *testing.T) {
	var out strings.Builder
	err := run(context.Background(), []string{"ask"}, noEnv, &out, &out)
	if exitCode(err, &out) != 2 {
		t.Errorf("spotter ask with no question: %v", err)
	}
}

func TestKBLintPassesOnTheBuiltInEntries(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"kb", "lint"}, noEnv, &out, &out); err != nil {
		t.Fatalf("spotter kb lint: %v\n%s", err, out.String())
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
