package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge"
)

// formTipPageSize is how many saved tips one library page lists.
const formTipPageSize = 10

// library lists the server's saved tips, privately, a page at a time.
func (f *formTip) library(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if !req.InGuild() {
		return nil, bot.Userf("The tip library belongs to a server: use this in one of its channels.")
	}
	page := 1
	if p, ok := req.IntOption(formTipOptPage); ok && p > 1 {
		page = int(p)
	}
	resp, err := f.libraryView(ctx, req.GuildID, req.UserID(), page)
	if err != nil {
		return nil, err
	}
	resp.Kind, resp.Ephemeral = bot.KindMessage, true
	return resp, nil
}

// libraryPage turns the page for the member who opened the library.
func (f *formTip) libraryPage(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	args := req.CustomIDArgs()
	if len(args) != 2 || !req.InGuild() {
		return nil, bot.Userf("Those buttons are out of date. Run /form-tip library again.")
	}
	if args[0] != req.UserID() {
		return nil, bot.Userf("Those buttons belong to whoever opened that list. Run /form-tip library to page through your own.")
	}
	page, err := strconv.Atoi(args[1])
	if err != nil || page < 1 {
		return nil, bot.Userf("Those buttons are out of date. Run /form-tip library again.")
	}
	resp, err := f.libraryView(ctx, req.GuildID, req.UserID(), page)
	if err != nil {
		return nil, err
	}
	resp.Kind = bot.KindUpdate
	return resp, nil
}

// libraryView renders one page of the library, or its last page when page
// is past the end; the buttons page on for ownerID only.
func (f *formTip) libraryView(ctx context.Context, guildID, ownerID string, page int) (*bot.Response, error) {
	tips, total, err := f.store.FormTips(ctx, guildID, (page-1)*formTipPageSize, formTipPageSize)
	if err != nil {
		return nil, fmt.Errorf("form-tip library: %w", err)
	}
	if total == 0 {
		return &bot.Response{Content: "The tip library is empty. Moderators add members' best advice to it with Save as form tip (open a message's menu, then Apps).",
			Embeds: []*discordgo.MessageEmbed{}, Components: []discordgo.MessageComponent{}}, nil
	}
	pages := (total + formTipPageSize - 1) / formTipPageSize
	if page > pages {
		page = pages
		if tips, _, err = f.store.FormTips(ctx, guildID, (page-1)*formTipPageSize, formTipPageSize); err != nil {
			return nil, fmt.Errorf("form-tip library: %w", err)
		}
	}
	lines := make([]string, 0, len(tips))
	for _, tip := range tips {
		lines = append(lines, fmt.Sprintf("**#%d** %s: tip by %s, saved <t:%d:d> · [jump to it](%s)",
			tip.ID, f.cardTitle(tip.Exercise), tipAuthor(tip), tip.SavedAt.Unix(), tip.Link))
	}
	embed := &discordgo.MessageEmbed{
		Title:       "Community tip library",
		Description: strings.Join(lines, "\n"),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Page %d of %d · %d tips · %s", page, pages, total, knowledge.Disclaimer)},
	}
	resp := &bot.Response{Embeds: []*discordgo.MessageEmbed{embed}, Components: []discordgo.MessageComponent{}}
	if pages > 1 {
		pageID := func(n int) string { return fmt.Sprintf("%s:%s:%d", formTipLibraryPageID, ownerID, n) }
		resp.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Previous", Style: discordgo.SecondaryButton, CustomID: pageID(page - 1), Disabled: page == 1},
			discordgo.Button{Label: "Next", Style: discordgo.SecondaryButton, CustomID: pageID(page + 1), Disabled: page == pages},
		}}}
	}
	return resp, nil
}

// remove deletes a tip from the library and unpins its message. When
// Discord refuses the unpin the tip stays, so nothing is left half-done.
func (f *formTip) remove(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	raw, _ := req.StringOption(formTipOptTip)
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(raw), "#"), 10, 64)
	if err != nil {
		return nil, bot.Userf("Give the tip's number as /form-tip library shows it, such as 12.")
	}
	tip, err := f.store.FormTip(ctx, req.GuildID, id)
	if errors.Is(err, spotter.ErrFormTipNotFound) {
		return nil, bot.Userf("There is no tip #%d in this server's library.", id)
	}
	if err != nil {
		return nil, fmt.Errorf("remove form tip: %w", err)
	}
	if tip.ChannelID != req.ChannelID {
		// The unpin happens in the tip's channel: rights in this one are not
		// enough.
		roles, err := f.store.ModeratorRoles(ctx, req.GuildID)
		if err != nil {
			return nil, fmt.Errorf("remove form tip: %w", err)
		}
		if !bot.IsServerModerator(req, roles) {
			return nil, bot.Userf("Tip #%d is pinned in <#%s>, where you may not be a moderator: run this there, or ask a server-wide moderator (Administrator, Manage Server or a moderator role).", id, tip.ChannelID)
		}
	}
	if req.Discord == nil {
		return nil, errors.New("remove form tip: no Discord connection")
	}
	unpinned := "and unpinned its message"
	if err := unpinMessage(ctx, req.Discord, tip.ChannelID, tip.MessageID, "form tip removed by "+req.UserID()); err != nil {
		switch bot.ErrorCode(err) {
		case bot.CodeUnknownMessage, bot.CodeUnknownChannel:
			unpinned = "(its message was already deleted)"
		case bot.CodeMissingPermissions, bot.CodeMissingAccess:
			why, _ := pinFailure(err)
			return nil, &bot.UserError{Message: fmt.Sprintf("I couldn't unpin tip #%d: %s. It stays in the library until I can.", id, why), Err: err}
		default:
			return nil, fmt.Errorf("remove form tip %d: %w", id, err)
		}
	}
	if _, err := f.store.DeleteFormTip(ctx, req.GuildID, id); err != nil && !errors.Is(err, spotter.ErrFormTipNotFound) {
		return nil, fmt.Errorf("remove form tip: %w", err)
	}
	return bot.Ephemeral(fmt.Sprintf("Removed tip #%d (%s by %s) from the library %s.", id, f.cardTitle(tip.Exercise), tipAuthor(tip), unpinned)), nil
}

// tipAuthor mentions the tip's author, or says they deleted their data.
func tipAuthor(tip spotter.FormTip) string {
	if tip.AuthorID == "" {
		return "a member who deleted their data"
	}
	return "<@" + tip.AuthorID + ">"
}

// formTipChoicesScan is how many recent tips remove's autocomplete looks
// through; older ones can still be removed by typing their number.
const formTipChoicesScan = 200

// tipChoices suggests the server's saved tips whose number or exercise
// matches what the moderator typed, newest first.
func (f *formTip) tipChoices(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	typed := ""
	if o, ok := req.Focused(); ok {
		typed, _ = o.Value.(string)
	}
	typed = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(typed), "#"))
	tips, _, err := f.store.FormTips(ctx, req.GuildID, 0, formTipChoicesScan)
	if err != nil {
		return nil, fmt.Errorf("form-tip remove choices: %w", err)
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, tip := range tips {
		if len(choices) == knowledge.AutocompleteChoicesMax {
			break
		}
		id, title := strconv.FormatInt(tip.ID, 10), f.cardTitle(tip.Exercise)
		if typed != "" && !strings.HasPrefix(id, typed) && !strings.Contains(strings.ToLower(title), typed) {
			continue
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{
			Name:  truncate(fmt.Sprintf("#%s %s, saved %s", id, title, tip.SavedAt.Format("2 Jan 2006")), 100),
			Value: id,
		})
	}
	return bot.Choices(choices), nil
}
