package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/contacts"
	"github.com/spotter-bot/spotter/knowledge/formtips"
)

// askOutput is `spotter ask -json`: everything the member would read.
type askOutput struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Text    string   `json:"text"`
	Kind    string   `json:"kind"`
	Related []string `json:"related"`
}

// runAsk prints the answer /sore-back would give to a question, so curators
// can check entries and ranking without Discord.
func runAsk(_ context.Context, args []string, env environment) error {
	flags := flag.NewFlagSet("spotter ask", flag.ContinueOnError)
	flags.SetOutput(env.stderr)
	asJSON := flags.Bool("json", false, "print one JSON object with id, title, text, kind and related")
	region := flags.String("region", "", "the member's region code for emergency numbers ("+strings.Join(contacts.Codes(), ", ")+")")
	flags.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: spotter ask [-json] [-region CODE] QUESTION...")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return &usageError{msg: err.Error()}
	}
	question, err := knowledge.CheckQuestion(strings.Join(flags.Args(), " "))
	if err != nil {
		return &usageError{msg: err.Error()}
	}
	kb, err := knowledge.Default()
	if err != nil {
		return err
	}
	card := kb.Card(kb.Answer(question), *region)
	if !*asJSON {
		fmt.Fprintln(env.stdout, card.Text())
		return nil
	}
	out := askOutput{ID: card.EntryID, Title: card.Title, Text: card.Text(), Kind: card.Kind.String(), Related: []string{}}
	for _, e := range card.Related {
		out.Related = append(out.Related, e.ID)
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write answer: %w", err)
	}
	return nil
}

// runKB runs the knowledge-base tools: today, `kb lint`.
func runKB(_ context.Context, args []string, env environment) error {
	if len(args) == 0 || args[0] != "lint" {
		return &usageError{msg: "usage: spotter kb lint [-dir DIR]"}
	}
	flags := flag.NewFlagSet("spotter kb lint", flag.ContinueOnError)
	flags.SetOutput(env.stderr)
	dir := flags.String("dir", "", "lint the entry files in DIR instead of the ones built into this binary")
	if err := flags.Parse(args[1:]); err != nil {
		return &usageError{msg: err.Error()}
	}
	fsys, where, err := entrySource(*dir)
	if err != nil {
		return err
	}
	problems := knowledge.Lint(fsys)
	kb, err := knowledge.Load(fsys)
	if err == nil {
		cards, err := formtips.CardFiles()
		if err != nil {
			return err
		}
		known := func(id string) bool { _, ok := kb.Entry(id); return ok }
		for _, p := range formtips.Lint(cards, known) {
			problems = append(problems, knowledge.Problem{File: "formtips/" + p.File, Field: p.Field, Message: p.Message})
		}
	}
	for _, p := range problems {
		fmt.Fprintln(env.stdout, p.String())
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d problem(s) in %s", len(problems), where)
	}
	fmt.Fprintf(env.stdout, "%s and form-tip cards: all pass\n", where)
	return nil
}

// entrySource returns the entry files to lint: a directory being edited, or
// the ones built into this binary.
func entrySource(dir string) (fs.FS, string, error) {
	if dir == "" {
		fsys, err := knowledge.EntryFiles()
		return fsys, "built-in entries", err
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, "", &usageError{msg: fmt.Sprintf("-dir %s: not a directory of entry files", dir)}
	}
	return os.DirFS(dir), dir, nil
}
