package knowledge

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadParsesEveryField(t *testing.T) {
	b := fixtureBase(t)
	e, ok := b.Entry("trap-bar-deadlift")
	if !ok {
		t.Fatal("entry trap-bar-deadlift not found")
	}
	if e.Title != "The trap-bar (hex bar) deadlift" || e.Kind != KindTopic {
		t.Errorf("title/kind = %q/%v", e.Title, e.Kind)
	}
	if strings.Join(e.Aliases, ",") != "hex bar deadlift,trap bar for back pain" {
		t.Errorf("aliases = %q", e.Aliases)
	}
	if strings.Join(e.Keywords, ",") != "trap bar,hex bar,handles" || strings.Join(e.Related, ",") != "heat-vs-ice" {
		t.Errorf("keywords/related = %q/%q", e.Keywords, e.Related)
	}
	if len(e.Sources) != 1 || e.Sources[0] != (Source{Title: "Fixture source on lifting", Org: "Fixture Org", Year: 2021}) {
		t.Errorf("sources = %+v", e.Sources)
	}
	if !strings.HasPrefix(e.Short, "Standing inside the frame") || e.DoNow != "- Start light and use the high handles." ||
		e.GetHelp != "- If pulling still hurts after lighter sessions, ask a physio." {
		t.Errorf("sections = %q / %q / %q", e.Short, e.DoNow, e.GetHelp)
	}
	if em, _ := b.Entry("emergency"); em.Kind != KindEmergency {
		t.Errorf("emergency kind = %v", em.Kind)
	}
}

func TestEntriesAreInFileOrderAndACopy(t *testing.T) {
	b := fixtureBase(t)
	got := ids(b.Entries())
	want := "crisis,emergency,heat-vs-ice,leg-pain,red-flags,trap-bar-deadlift"
	if strings.Join(got, ",") != want {
		t.Fatalf("Entries() = %v, want %s", got, want)
	}
	list := b.Entries()
	list[0] = nil
	if b.Entries()[0] == nil {
		t.Error("changing the returned slice changed the base")
	}
}

func TestLoadAcceptsWindowsLineEndingsAndABOM(t *testing.T) {
	fsys := fixtureFS(t)
	data := string(fsys["heat-vs-ice.md"].Data)
	fsys["heat-vs-ice.md"].Data = []byte("\ufeff" + strings.ReplaceAll(data, "\n", "\r\n"))
	b, err := Load(fsys)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if e, _ := b.Entry("heat-vs-ice"); e.DoNow != "- Try a warm pack for 20 minutes if it feels good." {
		t.Errorf("DoNow = %q", e.DoNow)
	}
}

func TestLoadRefusesEntriesWithProblems(t *testing.T) {
	fsys := fixtureFS(t)
	fsys["heat-vs-ice.md"].Data = []byte(strings.Replace(string(fsys["heat-vs-ice.md"].Data), `id = "heat-vs-ice"`, `id = "heat"`, 1))
	_, err := Load(fsys)
	var le *LintError
	if !errors.As(err, &le) {
		t.Fatalf("Load error = %v, want a *LintError", err)
	}
	if len(le.Problems) == 0 || !strings.Contains(err.Error(), "heat-vs-ice.md: id:") {
		t.Errorf("error does not name the problem: %v", err)
	}
}

func TestDefaultIsLoadedOnce(t *testing.T) {
	a, b := mustDefault(t), mustDefault(t)
	if a != b {
		t.Error("Default returned two different bases")
	}
	if len(a.Entries()) == 0 {
		t.Error("Default has no entries")
	}
}

func TestLintEmbeddedEntries(t *testing.T) {
	fsys, err := EntryFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Lint(fsys) {
		t.Error(p)
	}
}

func TestBaseIsSafeForConcurrentUse(t *testing.T) {
	b := mustDefault(t)
	want := outcome(b.Answer("is the hex bar easier on my back"))
	done := make(chan string)
	for range 8 {
		go func() {
			got := ""
			for range 50 {
				got = outcome(b.Answer("is the hex bar easier on my back"))
				b.Suggest("hex", 25)
				b.Card(b.Answer("my groin is numb"), "GB")
			}
			done <- got
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent answer %s, want %s", got, want)
		}
	}
}
