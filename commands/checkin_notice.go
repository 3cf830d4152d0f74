package commands

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
)

// noticeTexts are what members are told about things that happened while
// they were away, by notice kind; a %s is the mention of /checkin resume.
var noticeTexts = map[string]string{
	spotter.NoticeCheckinsDMsClosed: "**Your check-ins are paused.** I couldn't deliver your check-in by DM: Discord says you don't accept direct messages from me. " +
		"To get them again, allow direct messages from this server's members (tap the server name, then Privacy Settings), then run %s.",
	spotter.NoticeShareCoachDMsClosed: "**A share of your check-ins is paused.** Your coach doesn't accept direct messages from me, so they got no update. " +
		"They can allow DMs from this server's members; then share again. %s shows your shares.",
	spotter.NoticeShareEnded: "**A share of your check-ins has ended**: your coach no longer holds a coach role, or one of you left the server. " +
		"Nothing more goes to them; %s shows why.",
	spotter.NoticeShareCoachDeleted: "**A share of your check-ins has ended**: your coach deleted their Spotter data. Nothing more goes to them; %s shows your shares.",
}

// noticeCommand is the command a notice's %s names, when not /checkin resume.
var noticeCommand = map[string]string{
	spotter.NoticeShareCoachDMsClosed: checkinName + " sharing",
	spotter.NoticeShareEnded:          checkinName + " sharing",
	spotter.NoticeShareCoachDeleted:   checkinName + " sharing",
}

// Discord's limits on what a notice may be added to.
const (
	maxContentRunes = 2000
	maxEmbeds       = 10
	maxEmbedsRunes  = 6000
)

// noticeStore keeps the notices a member gets the next time they use a
// command (check-ins paused, a share ended without them).
type noticeStore interface {
	AddMemberNotice(ctx context.Context, userID, kind string) error
	HasMemberNotices(ctx context.Context, userID string) (bool, error)
	TakeMemberNotices(ctx context.Context, userID string) ([]string, error)
}

// pendingNotices tells a member what is waiting for them (such as check-ins
// paused because their DMs are closed) the next time they use any command:
// the notice goes at the top of the command's ephemeral reply. Public
// replies, errors and autocomplete cannot carry it privately, so the notice
// waits for the next ephemeral reply; it is never dropped unseen. mention
// names commands in the notice.
func pendingNotices(st noticeStore, mention func(path string) string) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return func(ctx context.Context, req *bot.Request) (*bot.Response, error) {
			resp, err := next(ctx, req)
			if err != nil || resp == nil || resp.Kind != bot.KindMessage || !resp.Ephemeral ||
				(req.Type != discordgo.InteractionApplicationCommand && req.Type != discordgo.InteractionModalSubmit) {
				return resp, err
			}
			attachNotices(ctx, st, req, resp, mention)
			return resp, nil
		}
	}
}

func attachNotices(ctx context.Context, st noticeStore, req *bot.Request, resp *bot.Response, mention func(path string) string) {
	user := req.UserID()
	has, err := st.HasMemberNotices(ctx, user)
	if err != nil || !has {
		if err != nil {
			req.Log.Warn("could not check the member's notices", "err", err)
		}
		return
	}
	kinds, err := st.TakeMemberNotices(ctx, user)
	if err != nil {
		req.Log.Warn("could not read the member's notices", "err", err)
		return
	}
	var texts []string
	for _, k := range kinds {
		if t, ok := noticeTexts[k]; ok {
			cmd, ok := noticeCommand[k]
			if !ok {
				cmd = checkinName + " resume"
			}
			texts = append(texts, fmt.Sprintf(t, mention(cmd)))
		} else {
			req.Log.Warn("a notice of unknown kind was dropped", "kind", k)
		}
	}
	notice := strings.Join(texts, "\n\n")
	if notice == "" {
		return
	}
	keep := func(ctx context.Context) {
		for _, k := range kinds {
			if err := st.AddMemberNotice(ctx, user, k); err != nil {
				req.Log.Error("a notice could not be shown or kept", "kind", k, "err", err)
			}
		}
	}
	if !addNotice(resp, notice) {
		keep(ctx)
		return
	}
	// The notice was taken for this reply; if the reply never reaches the
	// member, it waits for the next one instead.
	req.OnUndelivered(keep)
}

// addNotice puts notice at the top of resp if Discord's limits allow.
func addNotice(resp *bot.Response, notice string) bool {
	if resp.Content == "" || utf8.RuneCountInString(resp.Content)+utf8.RuneCountInString(notice)+2 <= maxContentRunes {
		resp.Content = strings.TrimSpace(notice + "\n\n" + resp.Content)
		return true
	}
	total := utf8.RuneCountInString(notice)
	for _, e := range resp.Embeds {
		total += embedRunes(e)
	}
	if len(resp.Embeds) >= maxEmbeds || total > maxEmbedsRunes {
		return false
	}
	resp.Embeds = append([]*discordgo.MessageEmbed{{Description: notice, Color: embedColor}}, resp.Embeds...)
	return true
}

func embedRunes(e *discordgo.MessageEmbed) int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	if e.Author != nil {
		n += utf8.RuneCountInString(e.Author.Name)
	}
	return n
}
