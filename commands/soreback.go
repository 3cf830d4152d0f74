package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/contacts"
)

// Custom ids and option names of /sore-back; custom_ids are
// prefix:action:args, and buttons from old messages must keep working.
const (
	soreBackName      = "sore-back"
	optionQuestion    = "question"
	optionFor         = "for"
	soreBackShare     = "sore-back:share"
	soreBackRelated   = "sore-back:related"
	soreBackEntry     = "sore-back:entry"
	redFlagStartID    = "redflag:start"
	checkinOfferID    = "checkin:offer"
	pickedEntryPrefix = "kb:"
)

// soreBack answers /sore-back from the knowledge base.
type soreBack struct {
	kb     *knowledge.Base
	region func(ctx context.Context, userID string) (string, error)
	// mention renders a command as a clickable mention (bot.Router.Mention).
	mention func(path string) string
}

func registerSoreBack(r *bot.Router, deps Deps) {
	s := &soreBack{kb: deps.Knowledge, region: deps.memberRegion, mention: r.Mention}
	r.Define(&discordgo.ApplicationCommand{
		Name:             soreBackName,
		Description:      "Ask about lower-back pain after squats, deadlifts and other lifts",
		Contexts:         serversAndDMs(),
		IntegrationTypes: guildInstall(),
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         optionQuestion,
				Description:  "Your question, in your own words (e.g. \"lower back cooked after DLs\")",
				Required:     true,
				Autocomplete: true,
			},
			{
				Type:        discordgo.ApplicationCommandOptionUser,
				Name:        optionFor,
				Description: "Post the answer publicly for this member, to point them at it",
			},
		},
	})
	r.Command(soreBackName, s.ask)
	r.Autocomplete(soreBackName, optionQuestion, s.autocomplete)
	r.Component(soreBackShare, s.share)
	r.Component(soreBackRelated, s.related)
	r.Component(soreBackEntry, s.showEntry)
}

// ask answers the member's question, privately unless they asked to point
// another member at it.
func (s *soreBack) ask(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	raw, _ := req.StringOption(optionQuestion)
	result, err := s.resolve(raw)
	if err != nil {
		return nil, err
	}
	card, err := s.card(ctx, req, result)
	if err != nil {
		return nil, err
	}
	target, hasTarget := req.UserOptionID(optionFor)
	if !hasTarget || !req.InGuild() || target == req.UserID() {
		return s.private(card), nil
	}
	if card.Kind != knowledge.ResultEntry {
		// Emergencies, crisis answers and "not my subject" are about what the
		// asker wrote: never post them at another member in public.
		resp := s.private(card)
		resp.Content = "I've kept this answer private because of what the question describes. If someone needs help, reach out to them directly."
		return resp, nil
	}
	return publicAnswerFor(card, target, req.UserID()), nil
}

// resolve turns the question option into a result: an entry picked from
// autocomplete, or the search's answer to free text.
func (s *soreBack) resolve(raw string) (knowledge.Result, error) {
	if id, ok := strings.CutPrefix(raw, pickedEntryPrefix); ok {
		if e, found := s.kb.Entry(id); found {
			return knowledge.Result{Kind: knowledge.ResultEntry, Entry: e}, nil
		}
	}
	question, err := knowledge.CheckQuestion(raw)
	if err != nil {
		var qe *knowledge.QuestionError
		if errors.As(err, &qe) {
			return knowledge.Result{}, &bot.UserError{Message: qe.Error()}
		}
		return knowledge.Result{}, fmt.Errorf("check question: %w", err)
	}
	return s.kb.Answer(question), nil
}

func (s *soreBack) card(ctx context.Context, req *bot.Request, r knowledge.Result) (knowledge.Card, error) {
	region, err := memberRegion(ctx, s.region, req)
	if err != nil {
		return knowledge.Card{}, err
	}
	return s.kb.Card(r, region), nil
}

// memberRegion is the country the member chose, or, when they have not
// chosen one, the one their Discord language points to (a hint the cards
// name, with how to change it).
func memberRegion(ctx context.Context, chosen func(context.Context, string) (string, error), req *bot.Request) (string, error) {
	region, err := chosen(ctx, req.UserID())
	if err != nil {
		return "", fmt.Errorf("look up region: %w", err)
	}
	if region == "" {
		if guess, ok := contacts.FromLocale(string(req.Locale)); ok {
			region = guess.Code
		}
	}
	return region, nil
}

// autocomplete suggests entry titles as the member types; picking one
// answers exactly that entry.
func (s *soreBack) autocomplete(_ context.Context, req *bot.Request) (*bot.Response, error) {
	typed := ""
	if o, ok := req.Focused(); ok {
		typed, _ = o.Value.(string)
	}
	entries := s.kb.Suggest(typed, knowledge.AutocompleteChoicesMax)
	choices := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(entries))
	for _, e := range entries {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: e.Title, Value: pickedEntryPrefix + e.ID})
	}
	return bot.Choices(choices), nil
}

// share posts the entry on the clicked ephemeral answer publicly, without
// the question that led to it.
func (s *soreBack) share(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	e, err := s.entryArg(req)
	if err != nil {
		return nil, err
	}
	if !req.InGuild() {
		return nil, bot.Userf("Sharing works in server channels; here in DMs the answer is already yours.")
	}
	if e.Kind != knowledge.KindTopic {
		// Emergency and crisis cards are about what one member wrote:
		// never posted in a channel, whatever a button says.
		return nil, bot.Userf("That answer stays private. If someone needs help, reach out to them directly.")
	}
	card := s.kb.Card(knowledge.Result{Kind: knowledge.ResultEntry, Entry: e}, "")
	resp := &bot.Response{
		Kind:       bot.KindMessage,
		Content:    fmt.Sprintf("<@%s> shared this from /sore-back:", req.UserID()),
		Embeds:     []*discordgo.MessageEmbed{cardEmbed(card)},
		Components: personalButtons(),
	}
	return resp, nil
}

// related swaps the answer in place for the entry picked from the menu.
func (s *soreBack) related(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	values := req.MessageComponentData().Values
	if len(values) != 1 {
		return nil, bot.Userf("Pick one topic from the menu.")
	}
	e, ok := s.kb.Entry(values[0])
	if !ok {
		return nil, bot.Userf("That topic is no longer in the knowledge base. Ask /sore-back again.")
	}
	card, err := s.card(ctx, req, knowledge.Result{Kind: knowledge.ResultEntry, Entry: e})
	if err != nil {
		return nil, err
	}
	resp := s.private(card)
	resp.Kind = bot.KindUpdate
	return resp, nil
}

// showEntry answers a button that names an entry (from the red-flag check's
// self-care outcome, for example) with that entry, privately.
func (s *soreBack) showEntry(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	e, err := s.entryArg(req)
	if err != nil {
		return nil, err
	}
	card, err := s.card(ctx, req, knowledge.Result{Kind: knowledge.ResultEntry, Entry: e})
	if err != nil {
		return nil, err
	}
	return s.private(card), nil
}

func (s *soreBack) entryArg(req *bot.Request) (*knowledge.Entry, error) {
	args := req.CustomIDArgs()
	if len(args) != 1 {
		return nil, bot.Userf("That button is out of date. Ask /sore-back again.")
	}
	e, ok := s.kb.Entry(args[0])
	if !ok {
		return nil, bot.Userf("That topic is no longer in the knowledge base. Ask /sore-back again.")
	}
	return e, nil
}

// private is the ephemeral answer with its buttons and related menu, its
// command names turned into clickable mentions.
func (s *soreBack) private(card knowledge.Card) *bot.Response {
	return privateAnswer(mentionCommands(card, s.mention))
}

// privateAnswer is the ephemeral answer with its buttons and related menu.
// An emergency or same-day card asks for nothing but the red-flag check,
// under the "call now" or "get seen" line; a crisis card and the card for
// another language ask for nothing at all.
func privateAnswer(card knowledge.Card) *bot.Response {
	resp := &bot.Response{Kind: bot.KindMessage, Ephemeral: true, Embeds: []*discordgo.MessageEmbed{cardEmbed(card)}}
	var buttons []discordgo.MessageComponent
	if card.Kind == knowledge.ResultEntry && card.EntryID != "" {
		buttons = append(buttons, discordgo.Button{Label: "Share in channel", Style: discordgo.SecondaryButton, CustomID: soreBackShare + ":" + card.EntryID})
	}
	switch card.Kind {
	case knowledge.ResultEmergency, knowledge.ResultSameDay:
		buttons = append(buttons, discordgo.Button{Label: "Red-flag check", Style: discordgo.DangerButton, CustomID: redFlagStartID})
	case knowledge.ResultEntry, knowledge.ResultOffTopic:
		buttons = append(buttons,
			discordgo.Button{Label: "Red-flag check", Style: discordgo.DangerButton, CustomID: redFlagStartID},
			discordgo.Button{Label: "Track my recovery", Style: discordgo.PrimaryButton, CustomID: checkinOfferID},
		)
	}
	if len(buttons) > 0 {
		resp.Components = append(resp.Components, discordgo.ActionsRow{Components: buttons})
	}
	if menu := relatedMenu(card.Related); menu != nil {
		resp.Components = append(resp.Components, menu)
	}
	return resp
}

// publicAnswerFor posts the entry for another member, pinging only them.
func publicAnswerFor(card knowledge.Card, targetID, askerID string) *bot.Response {
	return &bot.Response{
		Kind:            bot.KindMessage,
		Content:         fmt.Sprintf("<@%s>, <@%s> thought this might help:", targetID, askerID),
		Embeds:          []*discordgo.MessageEmbed{cardEmbed(card)},
		Components:      personalButtons(),
		AllowedMentions: &discordgo.MessageAllowedMentions{Users: []string{targetID}},
	}
}

// personalButtons go under public answers: each click starts something
// private for whoever clicks.
func personalButtons() []discordgo.MessageComponent {
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Red-flag check", Style: discordgo.DangerButton, CustomID: redFlagStartID},
		discordgo.Button{Label: "Track my recovery", Style: discordgo.PrimaryButton, CustomID: checkinOfferID},
	}}}
}

// relatedMenu offers up to 25 related entries; selecting one swaps the answer.
func relatedMenu(related []*knowledge.Entry) discordgo.MessageComponent {
	if len(related) == 0 {
		return nil
	}
	opts := make([]discordgo.SelectMenuOption, 0, min(len(related), 25))
	for _, e := range related[:min(len(related), 25)] {
		opts = append(opts, discordgo.SelectMenuOption{Label: truncate(e.Title, 100), Value: e.ID})
	}
	return discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{
		CustomID:    soreBackRelated,
		Placeholder: "Related topics",
		Options:     opts,
	}}}
}

// cardEmbed maps a knowledge card one to one onto a Discord embed; the card
// already fits Discord's limits.
func cardEmbed(c knowledge.Card) *discordgo.MessageEmbed {
	embed := &discordgo.MessageEmbed{Title: c.Title, Description: c.Description, Color: embedColor}
	switch c.Kind {
	case knowledge.ResultEmergency, knowledge.ResultCrisis:
		embed.Color = urgentColor
	case knowledge.ResultSameDay, knowledge.ResultOtherLanguage:
		embed.Color = sameDayColor
	}
	for _, f := range c.Fields {
		embed.Fields = append(embed.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value})
	}
	if c.Footer != "" {
		embed.Footer = &discordgo.MessageEmbedFooter{Text: c.Footer}
	}
	return embed
}

// urgentColor marks emergency and crisis answers; sameDayColor marks
// answers that send the member to a doctor today.
const (
	urgentColor  = 0xD64545
	sameDayColor = 0xE8912D
)

// mentionCommands turns the commands a card names ("/region",
// "/red-flag-check", also when an entry writes them as code) into
// clickable mentions.
func mentionCommands(c knowledge.Card, mention func(string) string) knowledge.Card {
	if mention == nil {
		return c
	}
	replace := func(s string) string {
		for _, name := range []string{regionName, redFlagName, soreBackName} {
			s = strings.ReplaceAll(s, "`/"+name+"`", "/"+name)
			s = replaceCommand(s, name, mention(name))
		}
		return s
	}
	c.Description = replace(c.Description)
	fields := make([]knowledge.Field, len(c.Fields))
	for i, f := range c.Fields {
		fields[i] = knowledge.Field{Name: f.Name, Value: replace(f.Value)}
	}
	c.Fields = fields
	return c
}

// replaceCommand replaces "/name" where it stands as a word (not inside a
// longer command name or a link) with with.
func replaceCommand(s, name, with string) string {
	word := "/" + name
	var b strings.Builder
	for {
		i := strings.Index(s, word)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(word)
		before := i == 0 || s[i-1] == ' ' || s[i-1] == '\n' || s[i-1] == '('
		after := end == len(s) || !isCommandChar(s[end])
		b.WriteString(s[:i])
		if before && after {
			b.WriteString(with)
		} else {
			b.WriteString(word)
		}
		s = s[end:]
	}
}

func isCommandChar(c byte) bool {
	return c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
