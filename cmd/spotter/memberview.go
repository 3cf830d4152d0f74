package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/commands"
	"github.com/spotter-bot/spotter/knowledge"
)

// askUserID is the member `spotter ask` pretends to be.
const askUserID = "100000000000000001"

// memberView runs question through the real /sore-back command, in a DM
// with a member whose region is region, against a throwaway in-memory
// database, and returns the response the member would get: the text, the
// buttons and the menu are the bot's own, not a copy that could drift.
func memberView(ctx context.Context, kb *knowledge.Base, question, region string) (*bot.Response, error) {
	if err := requireCgo(); err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, ":memory:")
	if err != nil {
		return nil, fmt.Errorf("open a scratch database: %w", err)
	}
	defer db.Close()
	if region != "" {
		if err := db.SetMemberRegion(ctx, askUserID, region); err != nil {
			return nil, fmt.Errorf("set region: %w", err)
		}
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	router := bot.NewRouter()
	commands.Register(router, commands.Deps{Store: db, Knowledge: kb, Logger: quiet})
	req := &bot.Request{
		Interaction: &discordgo.Interaction{
			ID:        "1",
			Type:      discordgo.InteractionApplicationCommand,
			ChannelID: "100000000000000002",
			User:      &discordgo.User{ID: askUserID, Username: "member"},
			Data: discordgo.ApplicationCommandInteractionData{
				ID:          "100000000000000003",
				Name:        "sore-back",
				CommandType: discordgo.ChatApplicationCommand,
				Options: []*discordgo.ApplicationCommandInteractionDataOption{
					{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: question},
				},
			},
		},
		Received: time.Now(),
		Log:      quiet,
	}
	resp, err := router.Serve(ctx, req)
	var ue *bot.UserError
	if errors.As(err, &ue) {
		return bot.Ephemeral(ue.Message), nil
	}
	if err != nil {
		return nil, fmt.Errorf("run /sore-back: %w", err)
	}
	return resp, nil
}

// style turns Discord's bold into something a terminal shows.
type style struct{ bold func(string) string }

// boldStyle uses the terminal's bold when stdout is a terminal (and
// NO_COLOR is unset), and plain text otherwise: never raw ** markers.
func boldStyle(env environment) style {
	plain := style{bold: func(s string) string { return s }}
	f, ok := env.stdout.(*os.File)
	if !ok || !isTerminal(f) || env.getenv("NO_COLOR") != "" || env.getenv("TERM") == "dumb" {
		return plain
	}
	return style{bold: func(s string) string { return "\x1b[1m" + s + "\x1b[0m" }}
}

var (
	mdBold      = regexp.MustCompile(`\*\*(.+?)\*\*`)
	mdUnderline = regexp.MustCompile(`__(.+?)__`)
	mdCode      = regexp.MustCompile("`([^`]+)`")
	mdMention   = regexp.MustCompile(`</([^:>]+):\d+>`)
	mdLink      = regexp.MustCompile(`\[([^\]]+)\]\((https?://[^)\s]+)\)`)
	mdAngleURL  = regexp.MustCompile(`<(https?://[^>\s]+)>`)
)

// readable turns the Discord markdown Spotter uses into plain text:
// bold through st, code spans and command mentions as the bare name,
// links as "text (url)".
func readable(s string, st style) string {
	s = mdBold.ReplaceAllStringFunc(s, func(m string) string { return st.bold(mdBold.FindStringSubmatch(m)[1]) })
	s = mdUnderline.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdMention.ReplaceAllString(s, "/$1")
	s = mdLink.ReplaceAllString(s, "$1 ($2)")
	return mdAngleURL.ReplaceAllString(s, "$1")
}

// renderResponse prints a response the way the member would read it:
// who can see it, the message and its embeds, then the buttons and menus
// under it.
func renderResponse(w io.Writer, resp *bot.Response, st style) {
	if resp.Ephemeral {
		fmt.Fprintln(w, "(only the member who asked sees this)")
		fmt.Fprintln(w)
	}
	if resp.Content != "" {
		fmt.Fprintln(w, readable(resp.Content, st))
		fmt.Fprintln(w)
	}
	for _, e := range resp.Embeds {
		if e.Title != "" {
			fmt.Fprintln(w, st.bold(e.Title))
			fmt.Fprintln(w, strings.Repeat("=", utf8.RuneCountInString(e.Title)))
			fmt.Fprintln(w)
		}
		if e.Description != "" {
			fmt.Fprintln(w, readable(e.Description, st))
			fmt.Fprintln(w)
		}
		for _, f := range e.Fields {
			fmt.Fprintln(w, st.bold(readable(f.Name, style{bold: func(s string) string { return s }})))
			fmt.Fprintln(w, readable(f.Value, st))
			fmt.Fprintln(w)
		}
		if e.Footer != nil && e.Footer.Text != "" {
			fmt.Fprintln(w, readable(e.Footer.Text, st))
			fmt.Fprintln(w)
		}
	}
	var buttons []string
	for _, c := range flattenComponents(resp.Components) {
		switch c := c.(type) {
		case discordgo.Button:
			buttons = append(buttons, "[ "+c.Label+" ]")
		case discordgo.SelectMenu:
			if len(buttons) > 0 {
				fmt.Fprintln(w, "Buttons: "+strings.Join(buttons, "  "))
				buttons = nil
			}
			fmt.Fprintf(w, "Menu %q:\n", c.Placeholder)
			for _, o := range c.Options {
				fmt.Fprintln(w, "  - "+o.Label)
			}
		}
	}
	if len(buttons) > 0 {
		fmt.Fprintln(w, "Buttons: "+strings.Join(buttons, "  "))
	}
}

// flattenComponents lists the buttons and menus in a message's rows, in
// the order the member sees them.
func flattenComponents(rows []discordgo.MessageComponent) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	for _, r := range rows {
		switch r := r.(type) {
		case discordgo.ActionsRow:
			out = append(out, r.Components...)
		case *discordgo.ActionsRow:
			out = append(out, r.Components...)
		default:
			out = append(out, r)
		}
	}
	return out
}
