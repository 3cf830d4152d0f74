package commands

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/retention"
	"github.com/spotter-bot/spotter/knowledge"
)

const (
	privacyName          = "privacy"
	privacyDeleteConfirm = "privacy:delete:confirm"
	privacyDeleteCancel  = "privacy:delete:cancel"
)

// privacyStore is what /privacy reads and deletes: everything kept about a
// member, and the form tips they wrote.
type privacyStore interface {
	ExportMember(ctx context.Context, userID string) (spotter.MemberExport, error)
	DeleteMember(ctx context.Context, userID string) error
	FormTipsByAuthor(ctx context.Context, authorID string) ([]spotter.FormTip, error)
	DetachFormTips(ctx context.Context, authorID string, ids []int64) error
}

// privacy lets a member see, export and delete what Spotter keeps about them.
type privacy struct {
	store  privacyStore
	policy retention.Policy
}

func registerPrivacy(r *bot.Router, deps Deps) {
	p := &privacy{store: deps.Store, policy: deps.Retention}
	r.Define(&discordgo.ApplicationCommand{
		Name:             privacyName,
		Description:      "See, export or delete what Spotter keeps about you",
		Contexts:         serversAndDMs(),
		IntegrationTypes: guildInstall(),
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "show", Description: "What Spotter keeps about you, why, and for how long"},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "export", Description: "Download everything Spotter keeps about you, as JSON"},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "delete", Description: "Delete everything Spotter keeps about you"},
		},
	})
	r.Command("privacy show", p.show)
	r.Command("privacy export", p.export)
	r.Command("privacy delete", p.askToDelete)
	r.Component(privacyDeleteConfirm, p.confirmDelete)
	r.Component(privacyDeleteCancel, p.cancelDelete)
}

// show explains the policy in plain words, with what is kept right now.
func (p *privacy) show(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	data, err := p.store.ExportMember(ctx, req.UserID())
	if err != nil {
		return nil, err
	}
	embed := &discordgo.MessageEmbed{
		Title:       "What Spotter keeps about you",
		Description: privacySummary(p.policy),
		Color:       embedColor,
		Fields: []*discordgo.MessageEmbedField{
			{Name: "Kept about you right now", Value: holdings(data)},
			{Name: "Your choices", Value: "`/privacy export` downloads all of it as a file. `/privacy delete` erases all of it at once. " +
				"`/checkin stop` ends check-ins. Questions about this bot's data go to this server's admins, who run it."},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: knowledge.Disclaimer},
	}
	return &bot.Response{Kind: bot.KindMessage, Ephemeral: true, Embeds: []*discordgo.MessageEmbed{embed}}, nil
}

// privacySummary is the short version of the README's privacy policy.
func privacySummary(policy retention.Policy) string {
	return strings.Join([]string{
		"Only what the features you use need:",
		"• **Check-ins** (if you start them): your plan (time, time zone, length) and your pain ratings with any note. " +
			fmt.Sprintf("Ratings are deleted after %d days.", int(policy.PainEntries.Hours()/24)),
		"• **Red-flag check**: your answers only while a check is running (at most 24 hours); afterwards only the result level and its date.",
		"• **Settings**: your region, so emergency numbers for your country come first.",
		"• **Community tips**: a message of yours that a moderator saved, with its link.",
		"• **Sharing with a coach** (if you choose to): whom you share with, what (notes or not, weekly or not), and when they were sent your summary; never a copy of it. A coach never gets red-flag answers or results.",
		"",
		"Why: to answer you, follow your recovery and show your history. Nothing health-related is ever posted in a channel or written to the bot's logs, it is never sold, and it goes to a coach only if you share it.",
	}, "\n")
}

// holdings lists, by count, what the store holds for the member.
func holdings(d spotter.MemberExport) string {
	var lines []string
	if d.Settings.Region != "" {
		lines = append(lines, "Region: "+d.Settings.Region)
	}
	if d.CheckinPlan != nil {
		lines = append(lines, fmt.Sprintf("Check-in plan (%s), %d pain rating(s), %d DM(s) queued", d.CheckinPlan.Status, len(d.PainEntries), len(d.ScheduledDMs)))
	}
	if d.RedFlagRun != nil {
		lines = append(lines, "A red-flag check in progress")
	}
	if n := len(d.RedFlagOutcomes); n > 0 {
		lines = append(lines, fmt.Sprintf("%d red-flag check result(s)", n))
	}
	if n := len(d.TipsAuthored); n > 0 {
		lines = append(lines, fmt.Sprintf("%d community tip(s) you wrote", n))
	}
	lines = append(lines, shareHoldings(d)...)
	if m := d.ModeratorTrail; m.TipsSaved+m.RolesNamed+m.SchedulesMade > 0 {
		lines = append(lines, fmt.Sprintf("Moderator records naming you: %d tip(s) saved, %d role(s) named, %d schedule(s)", m.TipsSaved, m.RolesNamed, m.SchedulesMade))
	}
	if len(lines) == 0 {
		return "Nothing at all."
	}
	return strings.Join(lines, "\n")
}

// export attaches everything kept about the member as a JSON file.
func (p *privacy) export(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	data, err := p.store.ExportMember(ctx, req.UserID())
	if err != nil {
		return nil, err
	}
	body, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode export: %w", err)
	}
	return &bot.Response{
		Kind:      bot.KindMessage,
		Ephemeral: true,
		Content:   "Here is everything Spotter keeps about you. Only you can see this message.",
		Files:     []*discordgo.File{{Name: "spotter-my-data.json", ContentType: "application/json", Reader: strings.NewReader(string(body))}},
	}, nil
}

// askToDelete asks for a click before erasing anything.
func (p *privacy) askToDelete(_ context.Context, req *bot.Request) (*bot.Response, error) {
	resp := bot.Ephemeral("This erases everything Spotter keeps about you: check-in plans and ratings, queued DMs, red-flag results, " +
		"your settings, shares with coaches (they end, and get nothing more), and community tips you wrote (they leave the server's library). " +
		"If members share with you as a coach, those shares end and they are told. It cannot be undone, and no check-in DM " +
		"will be sent to you again unless you start check-ins anew.")
	resp.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Delete everything", Style: discordgo.DangerButton, CustomID: privacyDeleteConfirm + ":" + req.UserID()},
		discordgo.Button{Label: "Cancel", Style: discordgo.SecondaryButton, CustomID: privacyDeleteCancel + ":" + req.UserID()},
	}}}
	return resp, nil
}

func (p *privacy) confirmDelete(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if err := ownClick(req); err != nil {
		return nil, err
	}
	stillPinned, err := p.unpinTips(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := p.store.DeleteMember(ctx, req.UserID()); err != nil {
		return nil, fmt.Errorf("privacy delete: %w", err)
	}
	msg := "Done: everything Spotter kept about you has been deleted. If you use Spotter again, only what that feature needs is kept, as `/privacy show` explains."
	if stillPinned > 0 {
		msg += fmt.Sprintf("\n\n%d of your messages saved as community tips could not be unpinned (I lack the permission there). "+
			"They stay in the server's tip library without your name, so its moderators can unpin them with `/form-tip remove`.", stillPinned)
	}
	return bot.Update(msg), nil
}

// unpinTips unpins the messages of the member's that moderators saved as
// tips, before their library entries go. A tip Discord will not let the bot
// unpin is kept without its author's name, so moderators can still remove
// it; it returns how many were kept.
func (p *privacy) unpinTips(ctx context.Context, req *bot.Request) (int, error) {
	tips, err := p.store.FormTipsByAuthor(ctx, req.UserID())
	if err != nil || len(tips) == 0 {
		return 0, err
	}
	var keep []int64
	for _, tip := range tips {
		if req.Discord == nil {
			keep = append(keep, tip.ID)
			continue
		}
		err := unpinMessage(ctx, req.Discord, tip.ChannelID, tip.MessageID, "its author deleted their Spotter data")
		switch code := bot.ErrorCode(err); {
		case err == nil, code == bot.CodeUnknownMessage, code == bot.CodeUnknownChannel:
		default:
			req.Log.Warn("could not unpin a deleted member's tip; keeping it for moderators", "tip", tip.ID, "err", err)
			keep = append(keep, tip.ID)
		}
	}
	if err := p.store.DetachFormTips(ctx, req.UserID(), keep); err != nil {
		return 0, fmt.Errorf("privacy delete: %w", err)
	}
	return len(keep), nil
}

func (p *privacy) cancelDelete(_ context.Context, req *bot.Request) (*bot.Response, error) {
	if err := ownClick(req); err != nil {
		return nil, err
	}
	return bot.Update("Nothing was deleted."), nil
}

// ownClick refuses a click on a button that was made for someone else.
func ownClick(req *bot.Request) error {
	args := req.CustomIDArgs()
	if len(args) != 1 || args[0] != req.UserID() {
		return bot.Userf("These buttons belong to someone else. Run `/privacy delete` yourself to manage your own data.")
	}
	return nil
}
