package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/bwmarrin/discordgo"

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
	// Buttons are the labels of the buttons under the answer.
	Buttons []string `json:"buttons"`
}

// runAsk prints the answer /sore-back would give to a question, so curators
// can check entries and ranking without Discord.
func runAsk(ctx context.Context, args []string, env environment) error {
	flags := flag.NewFlagSet("spotter ask", flag.ContinueOnError)
	asJSON := flags.Bool("json", false, "print one JSON object with id, title, text, kind, related and buttons")
	region := flags.String("region", "", "the member's region code for emergency numbers ("+strings.Join(contacts.Codes(), ", ")+")")
	if err := parseFlags(flags, "ask", args, env); err != nil {
		return err
	}
	if flags.NArg() == 0 {
		return &usageError{msg: "usage: " + subcommands()["ask"].usage + "\n  a question is missing, e.g.: spotter ask \"lower back is cooked after DLs\"\n  run 'spotter help ask' for the flags"}
	}
	if *region != "" {
		if r, ok := contacts.Lookup(*region); ok {
			*region = r.Code
		} else {
			fmt.Fprintf(env.stderr, "warning: unknown region %q, so the answer shows general numbers; known codes: %s\n", *region, strings.Join(contacts.Codes(), ", "))
			*region = ""
		}
	}
	question, err := knowledge.CheckQuestion(strings.Join(flags.Args(), " "))
	if err != nil {
		return &usageError{msg: err.Error()}
	}
	kb, err := knowledge.Default()
	if err != nil {
		return err
	}
	resp, err := memberView(ctx, kb, question, *region)
	if err != nil {
		return err
	}
	if !*asJSON {
		renderResponse(env.stdout, resp, boldStyle(env))
		return nil
	}
	card := kb.Card(kb.Answer(question), *region)
	out := askOutput{ID: card.EntryID, Title: card.Title, Text: card.Text(), Kind: card.Kind.String(), Related: []string{}, Buttons: []string{}}
	for _, e := range card.Related {
		out.Related = append(out.Related, e.ID)
	}
	for _, c := range flattenComponents(resp.Components) {
		if b, ok := c.(discordgo.Button); ok {
			out.Buttons = append(out.Buttons, b.Label)
		}
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
	flags := flag.NewFlagSet("spotter kb lint", flag.ContinueOnError)
	dir := flags.String("dir", "", "lint the entry files in DIR instead of the ones built into this binary")
	if len(args) > 0 && isHelpFlag(args[0]) {
		printHelp(env.stdout, "kb", flags)
		return errHelpShown
	}
	if len(args) == 0 || args[0] != "lint" {
		return &usageError{msg: "usage: " + subcommands()["kb"].usage}
	}
	if err := parseFlags(flags, "kb", args[1:], env); err != nil {
		return err
	}
	fsys, where, err := entrySource(*dir)
	if err != nil {
		return err
	}
	entries, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return fmt.Errorf("list entries in %s: %w", where, err)
	}
	if len(entries) == 0 {
		return &usageError{msg: fmt.Sprintf("%s has no entry files (*.md): nothing to check", where)}
	}
	problems := knowledge.Lint(fsys)
	cardCount := 0
	kb, err := knowledge.Load(fsys)
	if err == nil {
		cards, err := formtips.CardFiles()
		if err != nil {
			return err
		}
		names, err := fs.Glob(cards, "*.md")
		if err != nil {
			return fmt.Errorf("list form-tip cards: %w", err)
		}
		cardCount = len(names)
		known := func(id string) bool { _, ok := kb.Entry(id); return ok }
		for _, p := range formtips.Lint(cards, known) {
			problems = append(problems, knowledge.Problem{File: "formtips/" + p.File, Field: p.Field, Message: p.Message})
		}
	}
	for _, p := range problems {
		fmt.Fprintln(env.stdout, p.String())
	}
	checked := fmt.Sprintf("%d entries (%s) and %d form-tip cards", len(entries), where, cardCount)
	if cardCount == 0 {
		checked = fmt.Sprintf("%d entries (%s); form-tip cards not checked until the entries load", len(entries), where)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d problem(s) in %s", len(problems), checked)
	}
	fmt.Fprintf(env.stdout, "checked %s: all pass\n", checked)
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
